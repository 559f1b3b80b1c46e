import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import type { ExperimentRecord } from "../../src/experiment/record.js";
import { figureStatistics, recordFigure, sourceStyles } from "../../src/plot/index.js";
import { syntheticRecord } from "./fixture.js";

/** Parse an SVG string as XML and return its root element. */
function parseSvg(svg: string): Element {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = doc.documentElement as unknown as Element;
  expect(root.tagName.toLowerCase()).toBe("svg");
  return root;
}

function panels(root: Element): Element[] {
  return Array.from(root.querySelectorAll("g.sgdlab-panel"));
}

function panel(root: Element, statistic: string): Element {
  const found = panels(root).find((p) => p.getAttribute("data-statistic") === statistic);
  if (found === undefined) throw new Error(`no panel for ${statistic}`);
  return found;
}

/** The `d` attributes of the line paths in a panel drawn in `color`. */
function linePaths(p: Element, color: string): string[] {
  const groups = Array.from(p.querySelectorAll('g[aria-label="line"]')).filter(
    (g) => g.getAttribute("stroke") === color,
  );
  return groups.flatMap((g) =>
    Array.from(g.querySelectorAll("path")).map((path) => path.getAttribute("d") ?? ""),
  );
}

describe("recordFigure", () => {
  const record = syntheticRecord();
  const svg = recordFigure(record);
  const root = parseSvg(svg);
  const styles = sourceStyles(record);

  it("is a standalone SVG with namespace, size and a white background", () => {
    expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(root.getAttribute("width")).toBe("960");
    expect(Number(root.getAttribute("height"))).toBeGreaterThan(2 * 300);
    expect(root.querySelector("rect")?.getAttribute("fill")).toBe("white");
  });

  it("has one panel per statistic, simulation statistics first, then theory-only ones", () => {
    expect(figureStatistics(record)).toEqual(["m", "rPerp2", "q"]);
    expect(panels(root).map((p) => p.getAttribute("data-statistic"))).toEqual(["m", "rPerp2", "q"]);
  });

  it("labels every source in the legend, the simulation with its run count", () => {
    const items = Array.from(root.querySelectorAll("g.sgdlab-legend-item"));
    expect(items.map((g) => g.getAttribute("data-source"))).toEqual(["simulation", "ode", "gradient-flow"]);
    expect(items.map((g) => g.textContent)).toEqual([
      "simulation (mean ± s.e., 8 runs)",
      "ode",
      "gradient-flow",
    ]);
  });

  it("draws a line per source and a stderr band for the simulation", () => {
    const m = panel(root, "m");
    expect(m.querySelectorAll('g[aria-label="line"] path').length).toBe(3);
    expect(m.querySelectorAll('g[aria-label="area"] path').length).toBe(1);
    for (const source of ["simulation", "ode", "gradient-flow"]) {
      expect(linePaths(m, styles.get(source)!.color)).toHaveLength(1);
    }
    expect(panel(root, "q").querySelectorAll('g[aria-label="area"]').length).toBe(0);
  });

  it("gives each source the same colour in every panel, and distinct colours to distinct sources", () => {
    const ode = styles.get("ode")!.color;
    expect(linePaths(panel(root, "m"), ode)).toHaveLength(1);
    expect(linePaths(panel(root, "rPerp2"), ode)).toHaveLength(1);
    const colors = [...styles.values()].map((s) => s.color);
    expect(new Set(colors).size).toBe(colors.length);
    expect(styles.get("gradient-flow")!.dash).toBeDefined();
  });

  it("turns a NaN into a gap, never into NaN in a path", () => {
    for (const path of Array.from(root.querySelectorAll("path"))) {
      expect(path.getAttribute("d") ?? "").not.toMatch(/NaN|Infinity/);
    }
    expect(svg).not.toContain("NaN");
    const [simulation] = linePaths(panel(root, "m"), styles.get("simulation")!.color);
    expect(simulation.match(/M/g)).toHaveLength(2);
    const [band] = Array.from(panel(root, "rPerp2").querySelectorAll('g[aria-label="area"] path'));
    expect(band.getAttribute("d")!.match(/M/g)).toHaveLength(2);
  });

  it("draws the statistics asked for, with only their sources in the legend", () => {
    const only = parseSvg(recordFigure(record, { statistics: ["q"], width: 600 }));
    expect(panels(only).map((p) => p.getAttribute("data-statistic"))).toEqual(["q"]);
    const legend = Array.from(only.querySelectorAll("g.sgdlab-legend-item")).map((g) =>
      g.getAttribute("data-source"),
    );
    expect(legend).toEqual(["gradient-flow"]);
  });

  it("draws an empty panel, not NaN, for a statistic without data", () => {
    const figure = recordFigure(record, { statistics: ["m", "missing"] });
    const missing = panel(parseSvg(figure), "missing");
    expect(missing.textContent).toContain("no finite data");
    expect(figure).not.toContain("NaN");
  });
});

describe("recordFigure on partial records", () => {
  it("works with theory only", () => {
    const record = syntheticRecord();
    record.series = record.series.filter((s) => s.source !== "simulation");
    const root = parseSvg(recordFigure(record));
    expect(panels(root).map((p) => p.getAttribute("data-statistic"))).toEqual(["m", "rPerp2", "q"]);
    expect(root.querySelectorAll('g[aria-label="area"]').length).toBe(0);
    expect(root.querySelectorAll('g[aria-label="line"] path').length).toBe(5);
  });

  it("works with a simulation only, and with no series at all", () => {
    const record = syntheticRecord();
    record.series = record.series.filter((s) => s.source === "simulation");
    const root = parseSvg(recordFigure(record));
    expect(panels(root)).toHaveLength(2);
    expect(root.querySelectorAll('g[aria-label="area"]').length).toBe(2);
    record.series = [];
    const none = parseSvg(recordFigure(record));
    expect(panels(none)).toHaveLength(0);
    expect(none.querySelector("text")?.textContent).toBe("spiked-tensor");
  });
});

describe("recordFigure header, escaping and log axes", () => {
  function failing(): ExperimentRecord {
    const record = syntheticRecord();
    record.status = "diverged";
    record.messages = ["run 3 diverged at step 1200 & <more>"];
    record.series[0].values["a<b&c"] = record.series[0].values.m;
    return record;
  }

  it("shows the spec summary and a non-ok status, escaping record text", () => {
    const svg = recordFigure(failing(), { title: "Spiked <tensor>" });
    const root = parseSvg(svg);
    const texts = Array.from(root.querySelectorAll("text")).map((t) => t.textContent);
    expect(texts[0]).toBe("Spiked <tensor>");
    expect(texts[1]).toContain("model: spiked-tensor (p=3, N=1000)");
    expect(texts[1]).toContain("optimizer: sgd (lr=0.1)");
    expect(texts[2]).toBe("status diverged: run 3 diverged at step 1200 & <more>");
    // linkedom's XML parser leaves entities in attribute values undecoded, so compare the raw attribute.
    expect(svg).toContain('data-statistic="a&lt;b&amp;c"');
    expect(panels(root)[2].querySelector("text")?.textContent).toBe("a<b&c");
    expect(svg).not.toContain("<more>");
  });

  it("draws a log y axis with plain tick labels and drops non-positive values", () => {
    const record = syntheticRecord();
    record.series[0].values.rPerp2[5] = -1;
    const svg = recordFigure(record, { statistics: ["rPerp2"], logY: ["rPerp2"] });
    const rPerp2 = panel(parseSvg(svg), "rPerp2");
    const ticks = Array.from(rPerp2.querySelectorAll('g[aria-label="y-axis tick label"] text')).map(
      (t) => t.textContent,
    );
    expect(ticks).toContain("0.5");
    expect(ticks.filter((t) => t !== "").every((t) => /^[0-9.]+$/.test(t ?? ""))).toBe(true);
    expect(svg).not.toMatch(/NaN|Infinity/);
    const [simulation] = linePaths(rPerp2, sourceStyles(record).get("simulation")!.color);
    expect(simulation.match(/M/g)).toHaveLength(2);
  });
});
