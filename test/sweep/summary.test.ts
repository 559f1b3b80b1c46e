import { describe, expect, it } from "vitest";
import type { ExperimentRecord } from "../../src/experiment/record.js";
import { failedSummary, summarisePoint } from "../../src/sweep/summary.js";
import { isValueName, pointValue } from "../../src/sweep/values.js";

/** A hand-made record: a simulation with stderr, a theory without, an agreement entry, a NaN scalar. */
const record = {
  status: "ok",
  messages: [],
  series: [
    {
      source: "simulation",
      t: [0, 1, 2],
      values: { m: [0.1, 0.9, 0.8] },
      stderr: { m: [0, 0.02, 0.03] },
      runs: 8,
    },
    { source: "ode", t: [0, 1, 2], values: { m: [0.1, 0.85, Number.NaN] } },
  ],
  scalars: { lambdaC: 0.5, bad: Number.NaN },
  agreement: {
    m: {
      ode: {
        maxAbs: 0.05,
        at: 1,
        tolerance: 0.1,
        detectable: 0.15,
        scale: 0.8,
        pass: true,
        verdict: "underpowered",
        final: 0.05,
      },
    },
    q: { ode: { maxAbs: 0.5, at: 1, tolerance: 0.1, pass: false, final: 0.05 } },
  },
  tables: { phases: { r: [1.1], phase: ["periodic"] }, grid: { r: [1, 2] } },
} as unknown as ExperimentRecord;

describe("point summaries and the values a figure reads", () => {
  const s = summarisePoint(record);

  it("final = mean and stderr at the last record time; max over time; non-finite values are null", () => {
    expect(s.final.simulation.m).toEqual({ mean: 0.8, stderr: 0.03 });
    expect(s.final.ode.m).toEqual({ mean: null, stderr: null });
    expect(s.max.simulation.m).toBe(0.9);
    expect(s.max.ode.m).toBe(0.85);
    expect(s.scalars).toEqual({ lambdaC: 0.5, bad: null });
    expect(s.agreement.m.ode).toEqual({
      pass: true,
      verdict: "underpowered",
      maxAbs: 0.05,
      tolerance: 0.1,
      detectable: 0.15,
      scale: 0.8,
    });
    // An entry without a verdict (a record from before verdicts) reads its verdict from pass.
    expect(s.agreement.q.ode.verdict).toBe("disagrees");
    // A one-row table is the point's own row; a longer table is no single value and is left out.
    expect(s.tables).toEqual({ phases: { r: 1.1, phase: "periodic" } });
  });

  it("names resolve to numbers (with stderr), categories or missing", () => {
    expect(pointValue(s, "simulation.m.final")).toEqual({ kind: "number", value: 0.8, stderr: 0.03 });
    expect(pointValue(s, "simulation.m.max")).toEqual({ kind: "number", value: 0.9, stderr: null });
    expect(pointValue(s, "scalars.lambdaC")).toEqual({ kind: "number", value: 0.5, stderr: null });
    expect(pointValue(s, "status")).toEqual({ kind: "category", value: "ok" });
    // The power verdict, not only pass: an underpowered check is not shown as an agreement.
    expect(pointValue(s, "agreement.m.ode")).toEqual({ kind: "category", value: "underpowered" });
    expect(pointValue(s, "tables.phases.r")).toEqual({ kind: "number", value: 1.1, stderr: null });
    expect(pointValue(s, "tables.phases.phase")).toEqual({ kind: "category", value: "periodic" });
    expect(pointValue(s, "tables.grid.r")).toEqual({ kind: "missing" });
    expect(pointValue(s, "ode.m.final")).toEqual({ kind: "missing" });
    expect(pointValue(s, "diffusive.m.final")).toEqual({ kind: "missing" });
    expect(pointValue(failedSummary("boom"), "status")).toEqual({ kind: "category", value: "failed" });
  });

  it("the syntax of value names", () => {
    for (const ok of [
      "status",
      "scalars.boundary.chaos",
      "agreement.m.ode",
      "simulation.m.final",
      "ode.q.max",
    ])
      expect(isValueName(ok), ok).toBe(true);
    for (const bad of ["m", "simulation.m", "simulation.m.last", "agreement.m", "scalars"])
      expect(isValueName(bad), bad).toBe(false);
  });
});
