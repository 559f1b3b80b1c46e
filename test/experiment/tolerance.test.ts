import { describe, expect, it } from "vitest";
import {
  gaussianSigmas,
  meanGapMultiplier,
  meanTolerance,
  predictionTolerance,
  theoryAccuracy,
} from "../../src/experiment/tolerance.js";

describe("the shared tolerance rule (src/experiment/tolerance.ts)", () => {
  it("meanGapMultiplier is the Student-t quantile at 1 - (1 - Phi(4)) with runs - 1 degrees of freedom", () => {
    // scipy 1.17.1: stats.t.ppf(1 - 3.167124183311992e-5, runs - 1).
    const reference: [number, number][] = [
      [8, 8.466925103464437],
      [16, 5.480376081870211],
      [400, 4.043012178803486],
    ];
    // The quantile is found iteratively: 1e-9 relative is far below any tolerance it scales.
    for (const [runs, t] of reference) expect(Math.abs(meanGapMultiplier(runs) / t - 1)).toBeLessThan(1e-9);
    expect(gaussianSigmas).toBe(4);
  });

  it("meanTolerance = t(runs) se + bias + accuracy; predictionTolerance widens se by sqrt(1 + 1/runs)", () => {
    const z = meanGapMultiplier(16);
    // Exact arithmetic on the formula: only rounding separates the two sides (a few ulps of ~0.06).
    expect(meanTolerance(0.01, 16, 0.002, 0.5)).toBeCloseTo(z * 0.01 + 0.002 + 1e-8, 15);
    expect(theoryAccuracy(0.5)).toBe(1e-8);
    expect(theoryAccuracy(-300)).toBeCloseTo(3e-6, 18);
    expect(predictionTolerance(0.01, 16, 0, 2)).toBeCloseTo(z * 0.01 * Math.sqrt(17 / 16) + 2e-8, 15);
  });
});
