import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/core/rng.js";
import { recordRun } from "../../../src/simulate/record-run.js";
import {
  eulerMaruyama,
  gaussianNoise,
  type SdeProblem,
  sdeStepper,
  sharedNoiseCopies,
  stackIndependent,
} from "../../../src/theory/sde/index.js";

/** du = u^2 dt + 0.1 u dW from u0 = 1: the deterministic part blows up at t = 1. */
const explosive: SdeProblem = {
  dim: 1,
  noise: 1,
  structure: "diagonal",
  drift: (_t, x, out) => {
    out[0] = x[0] * x[0];
  },
  diffusion: (_t, x, out) => {
    out[0] = 0.1 * x[0];
  },
};
const stats = { names: ["u"], read: (x: Float64Array, out: Float64Array) => out.set(x.subarray(0, 1)) };

describe("sdeStepper with recordRun", () => {
  it("an exploding path is a status with the exact step, and no NaN is recorded", () => {
    const run = sdeStepper(explosive, eulerMaruyama, [1], 0.01, gaussianNoise(1), stats);
    const result = recordRun(run, Rng.fromSeed(1), [0, 100, 200, 300]);
    expect(result.status).toBe("diverged");
    // Euler on u' = u^2 (h = 0.01) passes 1e50 a little after t = 1: between steps 100 and 300.
    expect(result.failedStep).toBeGreaterThan(100);
    expect(result.failedStep).toBeLessThanOrEqual(300);
    expect(Array.from(result.values[0].subarray(0, result.recorded)).every(Number.isFinite)).toBe(true);
  });

  it("shared-noise copies from one start stay equal; independent stacks do not", () => {
    const gbm: SdeProblem = { ...explosive, drift: (_t, x, out) => out.set([-x[0]]) };
    const read = (x: Float64Array, out: Float64Array) => {
      out[0] = x[0] - x[1];
    };
    const shared = sdeStepper(sharedNoiseCopies(gbm, 2), eulerMaruyama, [1, 1], 0.01, gaussianNoise(1), {
      names: ["gap"],
      read,
    });
    const independent = stackIndependent([gbm, gbm]);
    const apart = sdeStepper(independent, eulerMaruyama, [1, 1], 0.01, gaussianNoise(2), {
      names: ["gap"],
      read,
    });
    const [a, b] = [recordRun(shared, Rng.fromSeed(2), [0, 50]), recordRun(apart, Rng.fromSeed(2), [0, 50])];
    expect(a.values[0][1]).toBe(0);
    // Two independent GBMs with volatility 0.1 over t = 0.5 differ by ~0.07: far from 0.
    expect(Math.abs(b.values[0][1])).toBeGreaterThan(1e-4);
  });
});
