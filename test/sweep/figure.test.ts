import { describe, expect, it } from "vitest";
import { pointRows, pointsCsv } from "../../src/node/sweep/point-rows.js";
import { sweepDocument } from "../../src/sweep/document.js";
import { sweepFigure } from "../../src/sweep/figure.js";
import type { SweepPlan } from "../../src/sweep/plan.js";
import { sweepReport } from "../../src/sweep/report.js";
import { failedSummary } from "../../src/sweep/summary.js";

/** A 3 × 2 plan with one diverged and one failed point, summarised by hand. */
function fixture(figure: SweepPlan["figure"], axes = 2) {
  const xs = [0.2, 0.4, 0.8];
  const ys = axes === 2 ? [1, 2] : [1];
  const points = xs.flatMap((x, i) =>
    ys.map((y, j) => ({
      index: i * ys.length + j,
      params: axes === 2 ? { a: x, b: y } : { a: x },
      experiment: "e",
      spec: {},
      key: `k${i}${j}`,
    })),
  );
  const plan: SweepPlan = {
    id: "abc",
    name: "fixture",
    axes: [
      { path: "a", values: xs, zip: false },
      ...(axes === 2 ? [{ path: "b", values: ys, zip: false }] : []),
    ],
    points,
    figure,
    code: { sgdlab: "0.1.0", commit: null },
  };
  const outcomes = new Map(
    points.map((p, n) => {
      const summary =
        n === 1
          ? failedSummary("boom")
          : {
              status: n === 2 ? "diverged" : "ok",
              messages: [],
              scalars: { lambdaC: 0.5 },
              final: { simulation: { m: { mean: n / 10, stderr: 0.01 } } },
              max: { simulation: { m: n / 5 } },
              agreement: {
                m: {
                  ode: {
                    pass: n % 2 === 0,
                    verdict: n % 2 === 0 ? ("agrees" as const) : ("disagrees" as const),
                    maxAbs: 0.1,
                    tolerance: 0.2,
                    detectable: 0.3,
                    scale: 4,
                  },
                },
              },
              tables: {},
            };
      return [p.key, { key: p.key, runId: `r${n}`, cached: n === 0, summary }];
    }),
  );
  return { plan, doc: sweepDocument(plan, outcomes) };
}

describe("sweep figure, report and table", () => {
  it("a heatmap has one cell per point with a value, markers for points not ok, and the overlay", () => {
    const { plan, doc } = fixture({ x: "a", y: "b", color: "simulation.m.final" });
    expect(doc.counts).toEqual({ points: 6, run: 5, cached: 1, failed: 1 });
    const svg = sweepFigure(plan, doc, [
      {
        label: "boundary",
        points: [
          { x: 0.2, y: 1 },
          { x: 0.8, y: 2 },
        ],
      },
    ]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // 5 points have a value (the failed one has none): 5 cells; 2 markers (diverged, failed).
    const cells = /aria-label="rect"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? "";
    expect(cells.match(/<rect /g)?.length).toBe(5);
    const dots = /aria-label="dot"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? "";
    expect(dots.match(/<path /g)?.length).toBe(2);
    expect(svg).toContain("boundary");
    expect(svg).toContain("simulation.m.final");
  });

  it("one axis draws a line with error bars; a categorical value draws dots", () => {
    const { plan, doc } = fixture({ x: "a", y: "simulation.m.final" }, 1);
    const svg = sweepFigure(plan, doc, [{ label: "lambdaC", x: 0.5 }]);
    expect(svg).toContain("lambdaC");
    const cat = fixture({ x: "a", y: "agreement.m.ode" }, 1);
    expect(sweepFigure(cat.plan, cat.doc)).toContain(">agrees<");
  });

  it("the report escapes and lists every point; the CSV has one row per point, union of columns", () => {
    const { plan, doc } = fixture({ x: "a", y: "b", color: "status" });
    const html = sweepReport(plan, doc, "<svg/>");
    expect(html.match(/<tr/g)?.length).toBe(7); // header + 6 points
    expect(html).toContain("6 points (5 computed, 1 from the store, 1 failed)");
    const { columns, rows } = pointRows(doc);
    expect(columns.slice(0, 4)).toEqual(["index", "a", "b", "key"]);
    expect(columns).toEqual(
      expect.arrayContaining([
        "simulation.m.final",
        "simulation.m.final.stderr",
        "simulation.m.max",
        "scalars.lambdaC",
        "agreement.m.ode",
      ]),
    );
    expect(rows).toHaveLength(6);
    expect(rows[1][columns.indexOf("simulation.m.final")]).toBeNull(); // the failed point
    expect(pointsCsv(doc).trim().split("\n")).toHaveLength(7);
  });
});
