import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/core/rng.js";
import { scalarNetworkSde } from "../../../src/models/diagonal-linear-network/continuous-sde.js";
import { stationaryLawOf } from "../../../src/models/diagonal-linear-network/law-of.js";
import { dataMoments } from "../../../src/models/diagonal-linear-network/moments.js";
import { recordRun } from "../../../src/simulate/record-run.js";
import { eulerMaruyama, gaussianNoise, sdeStepper } from "../../../src/theory/sde/index.js";
import { lawKs } from "../../../src/theory/stationary/index.js";

describe("the continuous model (EM on (u, w), rank-one noise) has the depth-1 closed-form law", () => {
  it("T = 0.05, Gaussian k = sigma = 1: KS within the sampling tolerance (science/03 §4: 0.0025)", () => {
    const m = dataMoments({ x: "gaussian", slope: 1, noise: 1 });
    const T = 0.05;
    const h = 0.002;
    const problem = scalarNetworkSde(m, T);
    const stats = { names: ["v"], read: (x: Float64Array, out: Float64Array) => (out[0] = x[0] * x[1]) };
    // 200 paths, t in [10, 60] every 1: relaxation time of v ~ 1/(4 beta1 v*) = 0.25, so samples are
    // about independent; n = 10 200.
    const steps = Array.from({ length: 51 }, (_, j) => Math.round((10 + j) / h));
    const samples: number[] = [];
    let diverged = 0;
    for (let p = 0; p < 200; p++) {
      const run = recordRun(
        sdeStepper(problem, eulerMaruyama, [1, 1], h, gaussianNoise(1), stats),
        Rng.fromSeed(5).split(p),
        steps,
      );
      // EM explodes on rare large excursions (the coefficients grow like v^{3/2}): keep what was recorded
      // before, count the path (6 of 200 at h = 0.005, 3 at h = 0.002 over t = 60: measured).
      if (run.status !== "ok") diverged++;
      samples.push(...run.values[0].subarray(0, run.recorded));
    }
    expect(diverged).toBeLessThanOrEqual(4);
    const law = stationaryLawOf(m, { depth: 1, width: 1, T, ridge: 0 });
    // 4-sigma Kolmogorov quantile 2.28/sqrt(n) + weak-order-1 bias of EM, O(h) = 0.002.
    expect(lawKs(law, samples)).toBeLessThan(2.28 / Math.sqrt(samples.length) + h);
  });
});
