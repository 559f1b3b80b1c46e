import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/core/rng.js";
import { affineDrift, finiteSumNoise } from "../../../src/models/finite-sum/affine-flows.js";
import { type FiniteSum, quadraticFiniteSum } from "../../../src/models/finite-sum/finite-sum.js";
import { finiteSumFlow, flowKinds } from "../../../src/models/finite-sum/flows.js";
import { leastSquares } from "../../../src/models/finite-sum/least-squares.js";
import { dataNoise } from "../../../src/models/finite-sum/same-noise.js";
import { finiteSumSgd } from "../../../src/models/finite-sum/sgd-stepper.js";
import { eulerMaruyama, sdeStepper, stepNoise } from "../../../src/theory/sde/index.js";

const quadratic = quadraticFiniteSum(
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
  [0.3, -0.1],
);
const ls = leastSquares(4, 7, 3);

/** Per-sample loss f_i from the quadratic coefficients (the literal definition). */
function sampleLoss(fs: typeof quadratic, i: number, x: Float64Array): number {
  const d = fs.dim;
  let s = fs.c[i];
  for (let r = 0; r < d; r++) {
    s -= fs.b[i][r] * x[r];
    for (let k = 0; k < d; k++) s += 0.5 * x[r] * fs.A[i][r * d + k] * x[k];
  }
  return s;
}

function randomVector(d: number, seed: number): Float64Array {
  const v = new Float64Array(d);
  Rng.fromSeed(seed).fillNormal(v);
  return v;
}

describe.each([
  ["quadratic", quadratic],
  ["least-squares", ls],
])("%s finite sum", (_, fs) => {
  const d = fs.dim;
  const x = randomVector(d, 1);
  const v = randomVector(d, 2);

  it("gradient and Hessian-vector product match central differences of the literal loss", () => {
    const g = new Float64Array(d);
    const hv = new Float64Array(d);
    const gp = new Float64Array(d);
    const gm = new Float64Array(d);
    const eps = 1e-5;
    for (let i = 0; i < fs.count; i++) {
      fs.gradient(i, x, g);
      fs.hvp(i, x, v, hv);
      for (let k = 0; k < d; k++) {
        const e = new Float64Array(d);
        e[k] = eps;
        const fd =
          (sampleLoss(
            fs,
            i,
            x.map((y, j) => y + e[j]),
          ) -
            sampleLoss(
              fs,
              i,
              x.map((y, j) => y - e[j]),
            )) /
          (2 * eps);
        // A quadratic's central difference is exact up to rounding: eps^-1 * 1e-16 * |f| ~ 1e-10.
        expect(Math.abs(fd - g[k])).toBeLessThan(1e-8);
      }
      fs.gradient(
        i,
        x.map((y, k) => y + eps * v[k]),
        gp,
      );
      fs.gradient(
        i,
        x.map((y, k) => y - eps * v[k]),
        gm,
      );
      for (let k = 0; k < d; k++) expect(Math.abs((gp[k] - gm[k]) / (2 * eps) - hv[k])).toBeLessThan(1e-8);
    }
    const mean =
      Array.from({ length: fs.count }, (_, i) => sampleLoss(fs, i, x)).reduce((a, b) => a + b) / fs.count;
    expect(fs.loss(x)).toBeCloseTo(mean, 12);
  });

  it.each(flowKinds)(
    "flow %s from gradients and HVPs equals its affine coefficients (B x + c, G G^T)",
    (kind) => {
      const lr = 0.1;
      const flow = finiteSumFlow(fs, kind, lr);
      const drift = new Float64Array(d);
      flow.drift(0, x, drift);
      const { B, c } = affineDrift(fs, kind, lr);
      for (let i = 0; i < d; i++) {
        let s = c[i];
        for (let j = 0; j < d; j++) s += B[i * d + j] * x[j];
        expect(drift[i]).toBeCloseTo(s, 12);
      }
      const G = new Float64Array(d * flow.noise);
      flow.diffusion(0, x, G);
      const noise = finiteSumNoise(fs, lr);
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++) {
          let gg = 0;
          for (let k = 0; k < flow.noise; k++) gg += G[k * d + i] * G[k * d + j];
          let want = 0;
          if (kind !== "gf")
            noise.D.forEach((Dk, k) => {
              const col = (r: number) =>
                noise.e[k][r] + Dk.slice(r * d, (r + 1) * d).reduce((a, w, q) => a + w * x[q], 0);
              want += col(i) * col(j);
            });
          expect(gg).toBeCloseTo(want, 12);
        }
    },
  );
});

describe("same-noise mode", () => {
  it("data-driven increments have mean 0 and covariance h (I - 11^T/M) (exact, k = 3 indices per step)", () => {
    const M = 4;
    const lr = 0.1;
    const k = 3;
    const source = dataNoise(M, lr, k);
    const noise = stepNoise(eulerMaruyama, M);
    // Enumerate the M^k equiprobable index sequences by feeding a fake Rng whose floats pick them.
    const mean = new Float64Array(M);
    const cov = new Float64Array(M * M);
    for (let code = 0; code < M ** k; code++) {
      const picks = [0, 1, 2].map((n) => Math.floor(code / M ** n) % M);
      let n = 0;
      const rng = { nextFloat: () => (picks[n++] + 0.5) / M } as unknown as Rng;
      source.fill(rng, k * lr, noise);
      for (let i = 0; i < M; i++) {
        mean[i] += noise.dW[i] / M ** k;
        for (let j = 0; j < M; j++) cov[i * M + j] += (noise.dW[i] * noise.dW[j]) / M ** k;
      }
    }
    for (let i = 0; i < M; i++) {
      expect(mean[i]).toBeCloseTo(0, 14);
      for (let j = 0; j < M; j++)
        expect(cov[i * M + j]).toBeCloseTo(k * lr * ((i === j ? 1 : 0) - 1 / M), 14);
    }
  });

  it("Euler–Maruyama on GF drift + SMF columns, driven by the SGD data sequence, is SGD step for step", () => {
    const fs: FiniteSum = ls;
    const lr = 0.02;
    const stats = { names: ["x0"], read: (x: Float64Array, out: Float64Array) => out.set(x.subarray(0, 1)) };
    const x0 = randomVector(fs.dim, 4);
    const sgd = finiteSumSgd(fs, lr, x0, stats);
    const sde = sdeStepper(
      finiteSumFlow(fs, "sme1", lr),
      eulerMaruyama,
      x0,
      lr,
      dataNoise(fs.count, lr),
      stats,
    );
    const [r1, r2] = [Rng.fromSeed(9), Rng.fromSeed(9)];
    const [a, b] = [new Float64Array(1), new Float64Array(1)];
    for (let l = 0; l < 200; l++) {
      sgd.advance(r1, l);
      sde.advance(r2, l);
    }
    sgd.read(a);
    sde.read(b);
    // Same data, algebraically the same step: only rounding (~200 steps x 1e-16 x |x| growth) separates them.
    expect(Math.abs(a[0] - b[0])).toBeLessThan(1e-11);
    // ...and it is not trivially equal: a different stream gives a different SGD path.
    const other = finiteSumSgd(fs, lr, x0, stats);
    const r3 = Rng.fromSeed(10);
    for (let l = 0; l < 200; l++) other.advance(r3, l);
    other.read(b);
    expect(Math.abs(a[0] - b[0])).toBeGreaterThan(1e-3);
  });
});
