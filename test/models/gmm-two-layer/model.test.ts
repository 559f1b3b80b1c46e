import { describe, expect, it } from "vitest";
import { psdFactor } from "../../../src/core/psd-factor.js";
import { Rng } from "../../../src/core/rng.js";
import { GmmFunctionals } from "../../../src/models/gmm-two-layer/functionals.js";
import { type GmmParams, packedIndex, stateLayout } from "../../../src/models/gmm-two-layer/geometry.js";
import {
  gmmGradient,
  gmmLoss,
  gmmTwoLayerModel,
  sampleMixture,
} from "../../../src/models/gmm-two-layer/model.js";
import { simulateGmmRun } from "../../../src/models/gmm-two-layer/simulate-run.js";
import { gmmTwoLayerSpec } from "../../../src/models/gmm-two-layer/spec.js";

const binary: GmmParams = { task: "binary", K: 2, snr: 100, ridge: 0.1 };
const xor: GmmParams = { task: "xor", K: 3, snr: 20, ridge: 0.05 };

describe("gmm-two-layer model (science/01 §3)", () => {
  it.each([binary, xor])(
    "the gradient matches central finite differences of the literal loss ($task)",
    (p) => {
      const N = 7;
      const rng = Rng.fromSeed(3);
      const x = new Float64Array(p.K + p.K * N);
      rng.fillNormal(x);
      const X = new Float64Array(N);
      const y = sampleMixture(p, rng, X);
      const g = new Float64Array(x.length);
      gmmGradient(p, N, x, X, y, new Float64Array(p.K), g);
      for (let j = 0; j < x.length; j++) {
        const h = 1e-6;
        const xp = x.slice();
        const xm = x.slice();
        xp[j] += h;
        xm[j] -= h;
        const fd = (gmmLoss(p, N, xp, X, y) - gmmLoss(p, N, xm, X, y)) / (2 * h);
        // Central differences: error h²|L'''|/6 ~ 1e-12 plus rounding eps|L|/h ~ 1e-10 (no ReLU kink within
        // h of a random pre-activation, almost surely).
        expect(Math.abs(fd - g[j])).toBeLessThan(1e-7 * (1 + Math.abs(g[j])));
      }
    },
  );

  it("the fused sgdStep equals sampleGradient followed by x -= lr grad, draw for draw", () => {
    const N = 50;
    const model = gmmTwoLayerModel(xor, N);
    const x = new Float64Array(model.dim);
    Rng.fromSeed(1).fillNormal(x);
    const a = x.slice();
    const b = x.slice();
    const ra = Rng.fromSeed(9);
    const rb = Rng.fromSeed(9);
    const grad = new Float64Array(model.dim);
    for (let l = 0; l < 20; l++) {
      model.sgdStep!(a, 0.01, ra);
      model.sampleGradient(b, rb, grad);
      for (let j = 0; j < b.length; j++) b[j] -= 0.01 * grad[j];
    }
    for (let j = 0; j < a.length; j++) expect(a[j]).toBeCloseTo(b[j], 12);
  });

  it("the sampler has the mixture law: class balance, means ±mu / ±nu, noise variance 1/snr", () => {
    const N = 4;
    const rng = Rng.fromSeed(5);
    const X = new Float64Array(N);
    const n = 40000;
    let ones = 0;
    let mu2 = 0;
    let noise = 0;
    for (let s = 0; s < n; s++) {
      const y = sampleMixture(xor, rng, X);
      ones += y;
      // y = 1: X0 = ±1 + noise, X1 = noise; y = 0: the reverse. X0² - X1² has mean ±1 (sign of the class).
      mu2 += (X[0] * X[0] - X[1] * X[1]) * (2 * y - 1);
      noise += X[3] * X[3];
    }
    // Binomial: sd of the fraction 0.5/sqrt(n) = 0.0025; 5 sd. mu2: per-sample sd ~0.3, so 5 × 0.3/sqrt(n).
    expect(Math.abs(ones / n - 0.5)).toBeLessThan(0.0125);
    expect(Math.abs(mu2 / n - 1)).toBeLessThan(0.0075);
    // E X3² = 1/snr = 0.05, sd of the mean 0.05 sqrt(2/n): 5 sd.
    expect(Math.abs(noise / n - 0.05)).toBeLessThan(5 * 0.05 * Math.sqrt(2 / n));
  });

  it("the quadrature functionals at snr = Infinity reduce to the closed form of science/01 §3", () => {
    // m1 m2 > 0: m_i' = (v_i/2) sigmoid(-v·m) - alpha m_i; m1 m2 < 0: v·m replaced by v_i m_i.
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    const p = { ...binary, snr: Number.POSITIVE_INFINITY };
    const f = new GmmFunctionals(p, 1);
    const du = new Float64Array(7);
    for (const [v1, v2, m1, m2] of [
      [0.7, 0.4, 0.9, 0.3],
      [0.7, -0.4, 0.9, -0.3],
    ]) {
      const u = new Float64Array([v1, v2, m1, m2, 0.2, 0.05, 0.1]);
      f.evaluate(u);
      f.drift(u, 1, du);
      const same = m1 * m2 > 0;
      const z1 = same ? v1 * m1 + v2 * m2 : v1 * m1;
      const z2 = same ? z1 : v2 * m2;
      expect(du[2]).toBeCloseTo((v1 / 2) * sig(-z1) - 0.1 * m1, 14);
      expect(du[3]).toBeCloseTo((v2 / 2) * sig(-z2) - 0.1 * m2, 14);
      expect(du[0]).toBeCloseTo((m1 / 2) * sig(-z1) - 0.1 * v1, 14);
      expect(du[1]).toBeCloseTo((m2 / 2) * sig(-z2) - 0.1 * v2, 14);
      // RPerp' = -2 alpha RPerp, no corrector at infinite snr.
      expect(du[4]).toBeCloseTo(-0.2 * 0.2, 14);
    }
  });

  it("the quadrature functionals match a Monte Carlo estimate at finite snr", () => {
    // Gauss–Hermite (10 nodes) against 4e5 exact samples of X: agreement within 5 Monte Carlo sd.
    const p = { ...binary, snr: 4 };
    const u = new Float64Array([0.8, -0.6, 0.5, -0.4, 0.3, 0.1, 0.2]);
    const f = new GmmFunctionals(p, 10);
    f.evaluate(u);
    const rng = Rng.fromSeed(2);
    const n = 400000;
    let a = 0;
    let a2 = 0;
    let b = 0;
    const L = new Float64Array(4);
    psdFactor(2, u.subarray(4), L, new Float64Array(4));
    for (let s = 0; s < n; s++) {
      const y = rng.nextFloat() < 0.5 ? 1 : 0;
      const xm = 2 * y - 1 + rng.normal() / 2;
      const e1 = rng.normal();
      const e2 = rng.normal();
      const xi0 = (L[0] * e1 + L[1] * e2) / 2;
      const xi1 = (L[2] * e1 + L[3] * e2) / 2;
      const h0 = u[2] * xm + xi0;
      const h1 = u[3] * xm + xi1;
      const z = u[0] * Math.max(h0, 0) + u[1] * Math.max(h1, 0);
      const e = 1 / (1 + Math.exp(-z)) - y;
      const val = h0 >= 0 ? xm * e : 0;
      a += val;
      a2 += val * val;
      if (h0 >= 0 && h1 >= 0) b += e * e;
    }
    const sd = Math.sqrt((a2 / n - (a / n) ** 2) / n);
    expect(Math.abs(f.aMu[0] - a / n)).toBeLessThan(5 * sd + 2e-3);
    // B_01 in [0, 1]: binomial-like sd <= 0.5/sqrt(n) ≈ 8e-4; GH error of the indicator O(1/n_nodes) ~ 2e-3.
    expect(Math.abs(f.b[1] - b / n)).toBeLessThan(4e-3 + 5 * 8e-4);
  });

  it("psdFactor reproduces a PSD matrix and reports the rank of a singular one", () => {
    const K = 3;
    const A = [
      [4, 2, 2],
      [2, 2, 1],
      [2, 1, 1],
    ]; // rank 2: row 3 = row 2 × 1 with A = v vᵀ + w wᵀ
    const packed = new Float64Array(6);
    for (let i = 0; i < K; i++) for (let j = i; j < K; j++) packed[packedIndex(K, i, j)] = A[i][j];
    const L = new Float64Array(9);
    const rank = psdFactor(K, packed, L, new Float64Array(6));
    expect(rank).toBe(2);
    for (let i = 0; i < K; i++)
      for (let j = 0; j < K; j++) {
        let s = 0;
        for (let r = 0; r < K; r++) s += L[i * K + r] * L[j * K + r];
        expect(s).toBeCloseTo(A[i][j], 12);
      }
  });

  it("a run is a pure function of (spec, index): reproducible, finite, and statistics in layout order", () => {
    const spec = gmmTwoLayerSpec.parse({
      model: { name: "gmm-two-layer", task: "xor", K: 3, N: 60, snr: 50, ridge: 0.1 },
      horizon: 2,
      points: 3,
      runs: 2,
      testSamples: 50,
    });
    const a = simulateGmmRun(spec, 1);
    const b = simulateGmmRun(spec, 1);
    expect(a.status).toBe("ok");
    expect(a.values.map((v) => Array.from(v))).toEqual(b.values.map((v) => Array.from(v)));
    expect(a.values.length).toBe(2 + stateLayout("xor", 3).size);
    for (const v of a.values) for (const x of v) expect(Number.isFinite(x)).toBe(true);
    expect(simulateGmmRun(spec, 0).values[2][0]).not.toBe(a.values[2][0]);
  });
});
