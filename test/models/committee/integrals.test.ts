import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/core/rng.js";
import { erfIntegrals } from "../../../src/models/committee/erf-integrals.js";
import type { CommitteeIntegrals } from "../../../src/models/committee/integrals.js";
import { linearIntegrals } from "../../../src/models/committee/linear-integrals.js";
import { reluIntegrals } from "../../../src/models/committee/relu-integrals.js";
import { gaussianSampler } from "./gaussian.js";

const extensive = process.env.SGDLAB_EXTENSIVE === "1";

/** A random 4×4 covariance: the Gram matrix of 4 random vectors in R^6 (scaled), as science/06 §4.4. */
function randomCovariance(rng: Rng, n = 4): Float64Array {
  const X = new Float64Array(n * 6);
  rng.fillNormal(X);
  const C = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      let s = 0;
      for (let j = 0; j < 6; j++) s += X[a * 6 + j] * X[b * 6 + j];
      C[a * n + b] = s / 6;
    }
  return C;
}

/** Monte-Carlo mean and standard error of f(u). */
function monteCarlo(
  C: Float64Array,
  n: number,
  f: (u: Float64Array) => number,
  samples: number,
  seed: number,
) {
  const draw = gaussianSampler(C, n);
  const rng = Rng.fromSeed(seed);
  const u = new Float64Array(n);
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < samples; i++) {
    draw(rng, u);
    const x = f(u);
    s += x;
    s2 += x * x;
  }
  const mean = s / samples;
  return { mean, se: Math.sqrt((s2 / samples - mean * mean) / samples) };
}

// Argument patterns the ODE needs (science/06 §4.4): I3 (a,b,c) and I4 (a,b,c,e) over fields 0..3.
const i3Patterns = [
  [0, 1, 2],
  [0, 1, 0],
  [0, 0, 2],
  [0, 2, 2],
];
const i4Patterns = [
  [0, 1, 2, 3],
  [0, 0, 2, 3],
  [0, 1, 0, 3],
  [0, 1, 2, 2],
  [0, 0, 0, 3],
  [0, 1, 0, 1],
  [0, 0, 2, 2],
];

const activations: CommitteeIntegrals[] = [erfIntegrals, reluIntegrals, linearIntegrals];
const samples = extensive ? 1_000_000 : 100_000;

describe("closed forms against Monte Carlo (science/06 §4.4, public case 5)", () => {
  it("erf is erf(x/√2): g(0.7) = 0.51607 (pitfall: erf(x) vs erf(x/√2))", () => {
    // erf(0.7/√2) = 0.5160726... (A&S Table 7.1 at 0.49497: 0.51607).
    expect(erfIntegrals.g(0.7)).toBeCloseTo(0.51607, 5);
    expect(erfIntegrals.dg(0.7)).toBeCloseTo(Math.sqrt(2 / Math.PI) * Math.exp(-0.245), 15);
  });

  it.each(activations.map((a) => [a.activation, a] as const))("%s: I2, J2, I3, I4 within 4.5 SE", (_, I) => {
    const rng = Rng.fromSeed(7);
    const { g, dg } = I;
    let seed = 100;
    for (let rep = 0; rep < 2; rep++) {
      const C = randomCovariance(rng);
      const checks: [string, number, (u: Float64Array) => number][] = [
        ["I2", I.i2(C, 4, 0, 1), (u) => g(u[0]) * g(u[1])],
        ["I2 same", I.i2(C, 4, 2, 2), (u) => g(u[2]) ** 2],
        ["J2", I.j2(C, 4, 0, 1), (u) => dg(u[0]) * dg(u[1])],
        ["J2 same", I.j2(C, 4, 1, 1), (u) => dg(u[1]) ** 2],
        ...i3Patterns.map(
          ([a, b, c]) =>
            [`I3 ${a}${b}${c}`, I.i3(C, 4, a, b, c), (u: Float64Array) => dg(u[a]) * u[b] * g(u[c])] as [
              string,
              number,
              (u: Float64Array) => number,
            ],
        ),
        ...i4Patterns.map(
          ([a, b, c, e]) =>
            [
              `I4 ${a}${b}${c}${e}`,
              I.i4(C, 4, a, b, c, e),
              (u: Float64Array) => dg(u[a]) * dg(u[b]) * g(u[c]) * g(u[e]),
            ] as [string, number, (u: Float64Array) => number],
        ),
      ];
      for (const [label, exact, f] of checks) {
        const mc = monteCarlo(C, 4, f, samples, seed++);
        // 4.5 SE: about 50 comparisons per activation, so a family false-alarm rate below 4e-4; the
        // science file's bound is 4 SE at 1e6 samples (this default run uses 1e5; extensive 1e6).
        // The 1e-12 floor covers cases with zero variance (linear J2 = 1).
        expect(Math.abs(exact - mc.mean), `${label} rep ${rep}`).toBeLessThanOrEqual(4.5 * mc.se + 1e-12);
      }
    }
  });

  it("the contracted sums equal the pointwise loops (erf's fast row forms)", () => {
    const rng = Rng.fromSeed(3);
    const n = 6;
    const C = randomCovariance(rng, n);
    const u = Float64Array.from([0.5, -0.2, 1, 0.3, -0.7, 0.1]);
    for (const I of activations)
      for (const [a, b] of [
        [0, 1],
        [2, 2],
        [1, 4],
      ]) {
        let s3 = 0;
        let s4 = 0;
        for (let c = 0; c < n; c++) {
          s3 += u[c] * I.i3(C, n, a, b, c);
          for (let e = 0; e < n; e++) s4 += u[c] * u[e] * I.i4(C, n, a, b, c, e);
        }
        const row = new Float64Array(n);
        I.i3Row(C, n, a, u, row);
        // Rounding of sums of ~36 terms of size <= 1: 1e-13.
        expect(Math.abs(I.i3Sum(C, n, a, b, u) - s3)).toBeLessThan(1e-13);
        expect(Math.abs(row[b] - s3)).toBeLessThan(1e-13);
        expect(Math.abs(I.i4Sum(C, n, a, b, u) - s4)).toBeLessThan(1e-13);
      }
  });
});
