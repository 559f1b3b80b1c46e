import { describe, expect, it } from "vitest";
import { stateNames } from "../../../src/models/gmm-two-layer/geometry.js";
import { simulateGmmRun } from "../../../src/models/gmm-two-layer/simulate-run.js";
import { type GmmTwoLayerSpec, gmmTwoLayerSpec } from "../../../src/models/gmm-two-layer/spec.js";

/** Mean, variance and the standard errors of both (the variance's from the fourth central moment). */
function moments(xs: number[]) {
  const n = xs.length;
  const m = xs.reduce((a, b) => a + b, 0) / n;
  const c2 = xs.reduce((a, b) => a + (b - m) ** 2, 0) / n;
  const c4 = xs.reduce((a, b) => a + (b - m) ** 4, 0) / n;
  return { m, se: Math.sqrt(c2 / n), v: c2, seV: Math.sqrt(Math.max(c4 - c2 * c2, 0) / n) };
}

function ensemble(spec: GmmTwoLayerSpec, simulation: "full" | "dimension-free") {
  const s = { ...spec, simulation };
  return Array.from({ length: spec.runs }, (_, i) => simulateGmmRun(s, i));
}

/**
 * The dimension-free simulator is exact in law at every N, so at small N (where an error in the χ² dof, the
 * |η|² term or the ξ covariance would be O(1)) its statistics must match the full simulator's in
 * distribution: means and variances of every statistic at several times, from a random start.
 */
describe("dimension-free vs full, in distribution (small N)", () => {
  it.each([
    { task: "binary", K: 2, N: 6, snr: 1 },
    { task: "xor", K: 3, N: 8, snr: 2 },
  ] as const)("$task K=$K N=$N snr=$snr: means and variances agree at t = 1, 3, 6", (m) => {
    const spec = gmmTwoLayerSpec.parse({
      model: { name: "gmm-two-layer", ridge: 0.1, ...m },
      // A large step at tiny N makes the N-dependent terms (δ² |X⊥|², with its χ² of N − d − rank dof)
      // a large part of the drift of RPerp, so a wrong dof or a missing |η|² shows.
      optimizer: { cDelta: 2 },
      horizon: 6,
      points: 7,
      runs: 1200,
      testSamples: 1,
    });
    const full = ensemble(spec, "full");
    const free = ensemble(spec, "dimension-free");
    const names = stateNames(m.task, m.K);
    for (const j of [1, 3, 6])
      names.forEach((name, k) => {
        const a = moments(full.map((r) => r.values[k + 2][j]));
        const b = moments(free.map((r) => r.values[k + 2][j]));
        // Two independent ensembles: the difference of means has sd sqrt(se_a² + se_b²), of variances
        // sqrt(seV_a² + seV_b²); 5 sd over ~60 comparisons keeps the false-alarm rate below 1e-4.
        expect(Math.abs(a.m - b.m), `${name} mean at t=${j}`).toBeLessThan(5 * Math.hypot(a.se, b.se));
        expect(Math.abs(a.v - b.v), `${name} variance at t=${j}`).toBeLessThan(5 * Math.hypot(a.seV, b.seV));
      });
  });
});
