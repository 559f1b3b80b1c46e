import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/core/rng.js";
import { svagBranches } from "../../../src/models/finite-sum/affine-flows.js";
import { quadraticFiniteSum } from "../../../src/models/finite-sum/finite-sum.js";
import { logLogSlope } from "../../../src/models/finite-sum/log-log-slope.js";
import { finiteSumSgd } from "../../../src/models/finite-sum/sgd-stepper.js";
import { modelMoments } from "../../../src/models/finite-sum/weak-order.js";
import { affineMomentStep, startMoments, traceOf } from "../../../src/theory/sde/index.js";

/** The T2 problem of science/05 §2. */
const q = quadraticFiniteSum(
  [
    [
      [2, 0.5],
      [0.5, 0.5],
    ],
    [
      [0.5, -0.5],
      [-0.5, 1.5],
    ],
  ],
  [
    [1, 0],
    [-1, 1],
  ],
);
const x0 = [1, 1];
const lr = 1 / 8;

/** Exact E|x|^2 of SVAG(l) after l T/lr steps (T = 1). */
function svagSecondMoment(l: number): number {
  const branches = svagBranches(q, lr, l);
  let m = startMoments(x0, x0);
  for (let s = 0; s < Math.round(l / lr); s++) m = affineMomentStep(branches, 2, m);
  return traceOf(m, 2);
}

describe("SVAG(l) (Li, Malladi, Arora)", () => {
  it("converges to SME-1 at rate 1/l (exact moments, lr = 1/8, T = 1)", () => {
    const sme1 = modelMoments(q, "sme1", lr, "second-moment", x0);
    const target = traceOf(sme1?.at(sme1.start(x0, x0), 1) ?? startMoments([0], [0]), 2);
    const ls = [8, 16, 32, 64, 128];
    const errors = ls.map((l) => Math.abs(svagSecondMoment(l) - target));
    // Weak error of a step-lr/l scheme: C lr/l + O((lr/l)^2); exact moments, so the slope in 1/l is 1 up to
    // the relative size of the next term (lr/l <= 1/64 here): 0.1 is generous.
    expect(
      Math.abs(
        (logLogSlope(
          ls.map((l) => 1 / l),
          errors,
        ) ?? 0) - 1,
      ),
    ).toBeLessThan(0.1);
    // ...and SVAG(1) is SGD, which is O(lr) away from SME-1, not closer.
    expect(errors[ls.length - 1]).toBeLessThan(errors[0] / 8);
  });

  it("the SVAG stepper has the exact SVAG moments (Monte Carlo, 4000 runs, l = 4)", () => {
    const l = 4;
    const runs = 4000;
    const stats = {
      names: ["q"],
      read: (x: Float64Array, out: Float64Array) => (out[0] = x[0] ** 2 + x[1] ** 2),
    };
    const out = new Float64Array(1);
    let sum = 0;
    let sum2 = 0;
    for (let r = 0; r < runs; r++) {
      const run = finiteSumSgd(q, lr, x0, stats, l);
      const rng = Rng.fromSeed(11).split(r);
      for (let s = 0; s < l / lr; s++) run.advance(rng, s);
      run.read(out);
      sum += out[0];
      sum2 += out[0] ** 2;
    }
    const mean = sum / runs;
    const se = Math.sqrt((sum2 / runs - mean * mean) / (runs - 1));
    // 4.5 standard errors: two-sided false alarm ~7e-6.
    expect(Math.abs(mean - svagSecondMoment(l))).toBeLessThan(4.5 * se);
  });
});

describe("SVAG(l) one step", () => {
  it("has mean -lr/l grad f and covariance (lr/l)^2 l Sigma, exactly", () => {
    const l = 5;
    const x = [0.3, -0.7];
    const branches = svagBranches(q, lr, l);
    const mean = [0, 0];
    const second = [0, 0, 0, 0];
    for (const { P, q: v, w } of branches) {
      const y = [0, 1].map((i) => P[2 * i] * x[0] + P[2 * i + 1] * x[1] + v[i] - x[i]);
      for (let i = 0; i < 2; i++) {
        mean[i] += w * y[i];
        for (let j = 0; j < 2; j++) second[2 * i + j] += w * y[i] * y[j];
      }
    }
    // Per-sample gradients g_i = A_i x - b_i; Sigma = mean_i (g_i - gbar)(g_i - gbar)^T.
    const g = [0, 1].map((i) =>
      [0, 1].map((r) => q.A[i][2 * r] * x[0] + q.A[i][2 * r + 1] * x[1] - q.b[i][r]),
    );
    const gbar = [0, 1].map((r) => (g[0][r] + g[1][r]) / 2);
    const eta = lr / l;
    for (let i = 0; i < 2; i++) {
      expect(mean[i]).toBeCloseTo(-eta * gbar[i], 14);
      for (let j = 0; j < 2; j++) {
        const sigma =
          ((g[0][i] - gbar[i]) * (g[0][j] - gbar[j]) + (g[1][i] - gbar[i]) * (g[1][j] - gbar[j])) / 2;
        expect(second[2 * i + j] - mean[i] * mean[j]).toBeCloseTo(eta * eta * l * sigma, 14);
      }
    }
  });
});
