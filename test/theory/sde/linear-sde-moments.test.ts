import { describe, expect, it } from "vitest";
import { logLogSlope } from "../../../src/models/finite-sum/log-log-slope.js";
import {
  type AffineNoise,
  type AffineSde,
  affineMomentStep,
  eulerMaruyama,
  LinearSdeMoments,
  platenWeak2,
  type SdeProblem,
  type SdeScheme,
  schemeBranches,
  startMoments,
  traceOf,
} from "../../../src/theory/sde/index.js";

/** A 2-D affine SDE with two non-commuting noises (D_1 D_2 != D_2 D_1) and a constant drift part. */
const sde: AffineSde = { dim: 2, B: Float64Array.of(-1, 0.3, -0.2, -0.6), c: Float64Array.of(0.4, -0.1) };
const noise: AffineNoise = {
  D: [Float64Array.of(0.5, 0.2, 0, -0.3), Float64Array.of(0.1, -0.4, 0.35, 0.2)],
  e: [Float64Array.of(0.2, 0), Float64Array.of(-0.1, 0.3)],
};

/** The same SDE as an `SdeProblem` with diffusion columns D_k x + e_k. */
const problem: SdeProblem = {
  dim: 2,
  noise: 2,
  structure: "general",
  drift: (_t, x, out) => {
    for (let i = 0; i < 2; i++) out[i] = sde.B[2 * i] * x[0] + sde.B[2 * i + 1] * x[1] + sde.c[i];
  },
  diffusion: (_t, x, out) => {
    for (let k = 0; k < 2; k++)
      for (let i = 0; i < 2; i++)
        out[2 * k + i] = noise.D[k][2 * i] * x[0] + noise.D[k][2 * i + 1] * x[1] + noise.e[k][i];
  },
};

const x0 = [1, -0.5];

function schemeSecondMoment(scheme: SdeScheme, l: number): number {
  const h = 2 ** -l;
  let m = startMoments(x0, x0);
  for (let k = 0; k < 2 ** l; k++) m = affineMomentStep(schemeBranches(problem, scheme, k * h, h), 2, m);
  return traceOf(m, 2);
}

describe("LinearSdeMoments", () => {
  it("geometric Brownian motion: E X^2 = x0^2 e^{(2b + s^2) t}, to 1e-14 relative", () => {
    const gbm = new LinearSdeMoments(
      { dim: 1, B: Float64Array.of(-1), c: Float64Array.of(0) },
      { D: [Float64Array.of(0.5)], e: [Float64Array.of(0)] },
      "same",
    );
    const m = gbm.at(gbm.start([2], [2]), 1.5);
    expect(m.muA[0]).toBeCloseTo(2 * Math.exp(-1.5), 14);
    // Itô: d(X^2) = (2b + s^2) X^2 dt + ...; the Taylor expm is accurate to ~1e-15 relative here.
    expect(Math.abs(m.C[0] / (4 * Math.exp(-1.75 * 1.5)) - 1)).toBeLessThan(1e-14);
  });

  it("independent noises: the cross moment of two points is the product of the means", () => {
    const ind = new LinearSdeMoments(sde, noise, null);
    const m = ind.at(ind.start(x0, [0.3, 0.7]), 0.8);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++) expect(m.C[2 * i + j]).toBeCloseTo(m.muA[i] * m.muB[j], 13);
  });

  it("Euler–Maruyama and Platen's scheme converge to it at weak orders 1 and 2 (two non-commuting noises)", () => {
    const exact = new LinearSdeMoments(sde, noise, "same");
    const target = traceOf(exact.at(exact.start(x0, x0), 1), 2);
    // The Platen error changes sign near h = 2^-6 (measured: 2.8e-7, -1.35e-8, -1.35e-8, -4.6e-9,
    // -1.3e-9, -3.5e-10 for l = 5..10), so the fit starts past the crossing.
    const levels = [8, 9, 10, 11];
    const h = levels.map((l) => 2 ** -l);
    const em = levels.map((l) => Math.abs(schemeSecondMoment(eulerMaruyama, l) - target));
    const pw = levels.map((l) => Math.abs(schemeSecondMoment(platenWeak2, l) - target));
    // Exact moments (no Monte Carlo): the slope differs from the order only by the relative size of the
    // next error term, O(h) but with a large constant after the sign change: 0.2 covers it at h <= 2^-8.
    expect(Math.abs((logLogSlope(h, em) ?? Number.NaN) - 1)).toBeLessThan(0.2);
    expect(Math.abs((logLogSlope(h, pw) ?? Number.NaN) - 2)).toBeLessThan(0.2);
  });

  it("eulerMaruyamaStep gives the scheme's exact moments (equal to its Gauss–Hermite branches)", () => {
    const exact = new LinearSdeMoments(sde, noise, "same");
    const h = 1 / 16;
    let y = exact.start(x0, x0);
    let m = startMoments(x0, x0);
    for (let k = 0; k < 16; k++) {
      y = exact.eulerMaruyamaStep(y, h);
      m = affineMomentStep(schemeBranches(problem, eulerMaruyama, k * h, h), 2, m);
    }
    const viaStep = exact.read(y);
    // Two exact computations of the same numbers: rounding only.
    for (let i = 0; i < 4; i++) expect(Math.abs(viaStep.C[i] - m.C[i])).toBeLessThan(1e-13);
    for (let i = 0; i < 2; i++) expect(Math.abs(viaStep.muA[i] - m.muA[i])).toBeLessThan(1e-13);
  });
});
