import { describe, expect, it } from "vitest";
import { renderFigure, runExperiment } from "../../../src/catalogue/index.js";
import { dlnFigure } from "../../../src/models/diagonal-linear-network/render.js";

const model = {
  name: "diagonal-linear-network",
  depth: 1,
  width: 1,
  data: { x: "uniform", slope: 1, noise: 5 },
};

describe("diagonal-linear-network figures", () => {
  it("stationary: one histogram panel with the theory line, registered as the model's renderer", async () => {
    const record = await runExperiment({
      model,
      analysis: "stationary",
      chains: 20,
      burnIn: 5,
      horizon: 25,
      seed: 1,
    });
    const svg = renderFigure(record);
    expect(svg).toBe(dlnFigure(record));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toMatch(/<figure|NaN/);
    expect(svg).toMatch(/KS 0\.\d{4}/);
    // 60 bins of simulation bars
    expect(svg.match(/<rect /g)?.length ?? 0).toBeGreaterThanOrEqual(60);
  });

  it("temperature sweep with noises: spread, growth and regime panels as inline SVG", async () => {
    const record = await runExperiment({
      model,
      analysis: "temperature-sweep",
      depths: [0, 1],
      temperatures: [0.005, 0.02, 0.05],
      noises: [1, 5],
      chains: 4,
      burnIn: 2,
      horizon: 6,
      seed: 1,
    });
    const svg = dlnFigure(record);
    expect(svg).not.toMatch(/<figure|NaN/);
    expect(svg.match(/<svg/g)?.length).toBe(4); // the figure and its three charts
    expect(svg).toMatch(/growth rate of ln v near 0/);
    expect(svg).toMatch(/sigma \(label noise\)/);
  });
});
