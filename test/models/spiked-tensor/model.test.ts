import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/core/rng.js";
import { spikedTensorModel } from "../../../src/models/spiked-tensor/model.js";
import { simulateSpikedRun } from "../../../src/models/spiked-tensor/simulate-run.js";
import { spikedTensorSpec } from "../../../src/models/spiked-tensor/spec.js";
import { sgd } from "../../../src/optimizers/optimizer.js";
import { constant } from "../../../src/optimizers/schedule.js";

/** All index tuples of length k over [0, N). */
function tuples(N: number, k: number): number[][] {
  if (k === 0) return [[]];
  return tuples(N, k - 1).flatMap((t) => Array.from({ length: N }, (_, i) => [...t, i]));
}

/** The literal definition: L(x, Y) = |lambda v^{⊗k} + W - x^{⊗k}|^2 with an explicit tensor W. */
function explicitLoss(x: number[], v: number[], W: number[], snr: number, k: number): number {
  let s = 0;
  tuples(x.length, k).forEach((idx, flat) => {
    const prod = (a: number[]) => idx.reduce((p, i) => p * a[i], 1);
    s += (snr * prod(v) + W[flat] - prod(x)) ** 2;
  });
  return s;
}

/** grad_x <W, x^{⊗k}>: the sum over the k slots of W contracted with x in the other slots. */
function tensorGradient(x: number[], W: number[], k: number): number[] {
  const g = new Array(x.length).fill(0);
  tuples(x.length, k).forEach((idx, flat) => {
    for (let p = 0; p < k; p++)
      g[idx[p]] += W[flat] * idx.reduce((acc, i, q) => (q === p ? acc : acc * x[i]), 1);
  });
  return g;
}

describe("spiked tensor model (science/01 §2)", () => {
  it.each([2, 3])("the gradient formula matches finite differences of the literal loss (k = %i)", (k) => {
    const rng = Rng.fromSeed(11 + k);
    const N = 3;
    const snr = 1.3;
    const draw = (n: number) => Array.from({ length: n }, () => rng.normal());
    const x = draw(N);
    const v0 = draw(N);
    const v = v0.map((a) => a / Math.hypot(...v0));
    const W = draw(N ** k);
    const m = x.reduce((s, a, i) => s + a * v[i], 0);
    const r2 = x.reduce((s, a) => s + a * a, 0);
    const g = tensorGradient(x, W, k);
    const formula = x.map(
      (xi, i) => -2 * k * snr * m ** (k - 1) * v[i] - 2 * g[i] + 2 * k * r2 ** (k - 1) * xi,
    );
    for (let i = 0; i < N; i++) {
      const h = 1e-5;
      const xp = x.slice();
      const xm = x.slice();
      xp[i] += h;
      xm[i] -= h;
      const fd = (explicitLoss(xp, v, W, snr, k) - explicitLoss(xm, v, W, snr, k)) / (2 * h);
      // Central differences: error ~ h^2 |L'''| / 6 ~ 1e-10 × O(10^2), far below 1e-6 relative.
      expect(Math.abs(fd - formula[i])).toBeLessThan(1e-6 * (1 + Math.abs(formula[i])));
    }
  });

  it("sampleGradient has the exact law: mean and covariance of the explicit-tensor gradient (k = 3)", () => {
    const k = 3;
    const N = 3;
    const snr = 0.7;
    const x = new Float64Array([0.4, -0.3, 0.8]);
    const v = new Float64Array([1, 0, 0]);
    const model = spikedTensorModel({ k, N, snr }, v);
    const n = 40_000;
    const fromModel = moments(n, N, (rng, out) => model.sampleGradient(x, rng, out), 1);
    const fromTensor = moments(
      n,
      N,
      (rng, out) => {
        const W = Array.from({ length: N ** k }, () => rng.normal());
        const g = tensorGradient(Array.from(x), W, k);
        const m = x[0];
        const r2 = x.reduce((s, a) => s + a * a, 0);
        for (let i = 0; i < N; i++)
          out[i] = -2 * k * snr * m ** (k - 1) * v[i] - 2 * g[i] + 2 * k * r2 ** (k - 1) * x[i];
      },
      2,
    );
    for (let i = 0; i < N * (N + 1); i++) {
      // Two independent estimates of the same moment: 5 combined standard errors (n = 4e4 each).
      const se = Math.hypot(fromModel.se[i], fromTensor.se[i]);
      expect(Math.abs(fromModel.value[i] - fromTensor.value[i])).toBeLessThan(5 * se);
    }
  });

  it("the fused sgdStep equals sampleGradient followed by an SGD step, draw for draw", () => {
    const N = 50;
    const { v, x, y } = randomStart(N, 5);
    const model = spikedTensorModel({ k: 3, N, snr: 2 }, v);
    const lr = 0.5 / N;
    const opt = sgd(constant(lr));
    const grad = new Float64Array(N);
    const a = Rng.fromSeed(9);
    const b = Rng.fromSeed(9);
    for (let l = 0; l < 200; l++) {
      model.sgdStep!(x, lr, a);
      model.sampleGradient(y, b, grad);
      opt.step(y, grad, l);
    }
    // Same draws, same formula up to the order of floating-point operations: 200 steps of relative
    // rounding ~1e-16 each, amplified by at most the step's contraction factor (< 1.1 per step here).
    for (let i = 0; i < N; i++) expect(Math.abs(x[i] - y[i])).toBeLessThan(1e-12);
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it("sgdSteps over many steps (carrying <x, v> and |x|^2) equals one sgdStep at a time", () => {
    const N = 101;
    const { v, x, y } = randomStart(N, 8);
    const model = spikedTensorModel({ k: 2, N, snr: 1.5 }, v);
    const schedule = (l: number) => 0.5 / N / (1 + l / 100);
    const a = Rng.fromSeed(3);
    const b = Rng.fromSeed(3);
    model.sgdSteps!(x, schedule, a, 0, 300);
    for (let l = 0; l < 300; l++) model.sgdStep!(y, schedule(l), b);
    // Same draws and step sizes; the carried sums differ from fresh ones only in summation order
    // (relative 1e-16 per step), and the dynamics contract: 1e-12 absolute is ample.
    for (let i = 0; i < N; i++) expect(Math.abs(x[i] - y[i])).toBeLessThan(1e-12);
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it("a run is a pure function of (spec, index): reproducible, different across indices, finite", () => {
    const spec = spikedTensorSpec.parse({
      model: { name: "spiked-tensor", k: 2, N: 300, snr: 1.2 },
      optimizer: { cDelta: 0.5 },
      init: { random: true },
      horizon: 1,
      points: 5,
    });
    const a = simulateSpikedRun(spec, 3);
    const b = simulateSpikedRun(spec, 3);
    const c = simulateSpikedRun(spec, 4);
    expect(a.status).toBe("ok");
    expect(a.values).toEqual(b.values);
    expect(a.values[0]).not.toEqual(c.values[0]);
    for (const column of a.values) for (const value of column) expect(Number.isFinite(value)).toBe(true);
  });
});

/** A random unit spike v and a random start x (with a copy y), from a seed. */
function randomStart(N: number, seed: number) {
  const rng = Rng.fromSeed(seed);
  const v0 = new Float64Array(N).map(() => rng.normal());
  const v = v0.map((a) => a / Math.hypot(...v0));
  const x = new Float64Array(N).map(() => rng.normal() / Math.sqrt(N));
  return { v, x, y: x.slice() };
}

/** Sample means of the vector and of all its products g_i g_j, with standard errors. */
function moments(n: number, N: number, draw: (rng: Rng, out: Float64Array) => void, seed: number) {
  const rng = Rng.fromSeed(seed);
  const out = new Float64Array(N);
  const count = N + N * N;
  const sum = new Float64Array(count);
  const sum2 = new Float64Array(count);
  for (let s = 0; s < n; s++) {
    draw(rng, out);
    for (let i = 0; i < N; i++) {
      const feats = [out[i], ...Array.from({ length: N }, (_, j) => out[i] * out[j])];
      feats.forEach((f, q) => {
        const idx = q === 0 ? i : N + i * N + (q - 1);
        sum[idx] += f;
        sum2[idx] += f * f;
      });
    }
  }
  const value = Array.from(sum, (s) => s / n);
  const se = Array.from(sum2, (s2, i) => Math.sqrt((s2 / n - value[i] ** 2) / n));
  return { value, se };
}
