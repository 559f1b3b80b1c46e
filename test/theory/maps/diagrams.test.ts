import { describe, expect, it } from "vitest";
import { birkhoffAverage, invariantDensity } from "../../../src/theory/maps/birkhoff.js";
import { classifyAttractor } from "../../../src/theory/maps/classify.js";
import { orbitDiagram, parameterGrid } from "../../../src/theory/maps/orbit-diagram.js";
import { phaseDiagram } from "../../../src/theory/maps/phase-diagram.js";
import { logistic } from "./fixtures.js";

describe("orbit and phase diagrams, Birkhoff averages, invariant densities", () => {
  it("orbit diagram: one point per fixed point, two per 2-cycle, four per 4-cycle, none after escape", () => {
    const d = orbitDiagram(logistic, [2.8, 3.2, 3.5, 4.5], [0.1]);
    const count = (r: number) => Array.from(d.p).filter((p) => p === r).length;
    expect([count(2.8), count(3.2), count(3.5), count(4.5)]).toEqual([1, 2, 4, 0]);
    expect(d.x[0]).toBeCloseTo(1 - 1 / 2.8, 12);
  });

  it("parameterGrid has no accumulated error and includes the end", () => {
    const g = parameterGrid(0.005, 2.2, 0.005);
    expect(g.length).toBe(440);
    expect(g[99]).toBe(0.5);
    expect(g[439]).toBe(2.2);
  });

  it("phase diagram labels every (p, x0) cell, row-major in p", () => {
    const d = phaseDiagram([2.8, 3.2], [0.1, 0.5], (r, x) => classifyAttractor(logistic, r, x).period);
    expect(d.labels).toEqual([1, 1, 2, 2]);
    expect(d.p).toEqual([2.8, 2.8, 3.2, 3.2]);
  });

  it("r = 4: Birkhoff mean of x is 1/2 and the density the arcsine law 1/(pi sqrt(x(1-x)))", () => {
    const avg = birkhoffAverage(logistic, 4, 0.3, (x) => x, { keep: 200_000 });
    // The batch-means standard error is the derived tolerance (5 of them).
    expect(Math.abs(avg.mean - 0.5)).toBeLessThan(5 * avg.stderr);
    const bins = 10;
    const h = invariantDensity(logistic, 4, 0.3, (x) => x, 0, 1, bins, { keep: 200_000 });
    const cdf = (x: number) => (2 / Math.PI) * Math.asin(Math.sqrt(x));
    for (let k = 0; k < bins; k++) {
      const p = cdf(h.edges[k + 1]) - cdf(h.edges[k]);
      const observed = h.density[k] / bins;
      // Binomial error of a bin fraction, inflated x3 for the correlation of the orbit, 5 sigma.
      expect(Math.abs(observed - p)).toBeLessThan(5 * 3 * Math.sqrt((p * (1 - p)) / h.count));
    }
  });

  it("Birkhoff average on a 2-cycle is the cycle mean, with zero batch error", () => {
    const r = 3.2;
    const avg = birkhoffAverage(logistic, r, 0.1, (x) => x, { keep: 10_000 });
    expect(Math.abs(avg.mean - (r + 1) / (2 * r))).toBeLessThan(1e-12);
    expect(avg.stderr).toBeLessThan(1e-12);
  });
});
