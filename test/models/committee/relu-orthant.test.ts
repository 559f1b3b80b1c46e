import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/core/rng.js";
import { reluIntegrals } from "../../../src/models/committee/relu-integrals.js";
import { orthantMoment, orthantProbability } from "../../../src/models/committee/relu-orthant.js";
import { gaussianSampler } from "./gaussian.js";

const extensive = process.env.SGDLAB_EXTENSIVE === "1";

const generic = [
  [1, 0.3, -0.2, 0.4],
  [0.3, 1.5, 0.5, -0.1],
  [-0.2, 0.5, 0.8, 0.25],
  [0.4, -0.1, 0.25, 1.2],
];
// Fields 0 and 1 with correlation 0.999 (a student unit that has nearly learned a teacher unit).
const nearlyParallel = [
  [1, 0.999, 0.3, 0.2],
  [0.999, 1, 0.31, 0.21],
  [0.3, 0.31, 1, -0.4],
  [0.2, 0.21, -0.4, 1],
];

describe("ReLU I4 as an orthant moment (science/06 §4.3)", () => {
  it("orthant probabilities: independent fields give 2^-r; Plackett's r = 4 equals the closed r = 3 form at a zero row", () => {
    const I4 = [1, 2, 3, 4].map((r) =>
      Array.from({ length: r }, (_, i) => Array.from({ length: r }, (_, j) => (i === j ? 1 : 0))),
    );
    for (const S of I4) expect(orthantProbability(S)).toBeCloseTo(2 ** -S.length, 15);
    // Field 3 independent of the others: P4 = P3 / 2 exactly.
    const S = [
      [1, 0.5, -0.3, 0],
      [0.5, 1, 0.2, 0],
      [-0.3, 0.2, 1, 0],
      [0, 0, 0, 1],
    ];
    const p3 = orthantProbability(S.slice(0, 3).map((r) => r.slice(0, 3)));
    // The quadrature error bound below (1e-12) applies.
    expect(Math.abs(orthantProbability(S) - p3 / 2)).toBeLessThan(1e-12);
  });

  it("quadrature error bound: the graded 8-point panels against each panel split in 20", () => {
    // The I4 terms need 1e-9 absolute (science/06 §4.3). The graded rule (plackettEdges) resolves the
    // scale sqrt(1 - R^2) of a near-parallel pair; refining every panel 20-fold moves the result by
    // rounding only (seen: 1e-17 generic, 7e-16 at correlation 0.999). Bound: 1e-14.
    for (const S of [generic, nearlyParallel]) {
      expect(Math.abs(orthantProbability(S, 1) - orthantProbability(S, 20))).toBeLessThan(1e-14);
      const m = [0, 0, 1, 1];
      expect(Math.abs(orthantMoment(S, m, 1) - orthantMoment(S, m, 20))).toBeLessThan(1e-14);
    }
  });

  it.each([
    ["generic", generic],
    ["correlation 0.999", nearlyParallel],
  ])("I4 of four distinct fields against brute-force Monte Carlo (%s)", (_, S) => {
    const n = 4;
    const C = Float64Array.from(S.flat());
    const exact = reluIntegrals.i4(C, n, 0, 1, 2, 3);
    // Brute force: 1{u0>0}1{u1>0} u2+ u3+ with u ~ N(0, C).
    const draw = gaussianSampler(C, n);
    const rng = Rng.fromSeed(11);
    const u = new Float64Array(n);
    const samples = extensive ? 10_000_000 : 400_000;
    let s1 = 0;
    let s2 = 0;
    for (let r = 0; r < samples; r++) {
      draw(rng, u);
      const x = u[0] > 0 && u[1] > 0 && u[2] > 0 && u[3] > 0 ? u[2] * u[3] : 0;
      s1 += x;
      s2 += x * x;
    }
    const mean = s1 / samples;
    const se = Math.sqrt((s2 / samples - mean * mean) / samples);
    // 4 SE (two cases): a false alarm below 1.3e-4.
    expect(Math.abs(exact - mean)).toBeLessThan(4 * se);
  });

  it("identical and opposite fields: merged exactly (a learned teacher unit), empty orthant is 0", () => {
    // Fields 0 and 1 identical up to a factor 2: I4(0,1,2,3) = 2^0 E[1{u0>0} u2+ u3+] (merging), and the
    // limit of the 0.999 correlation from below is continuous.
    const base = [
      [1, 2, 0.3, 0.2],
      [2, 4, 0.6, 0.4],
      [0.3, 0.6, 1, -0.4],
      [0.2, 0.4, -0.4, 1],
    ];
    const merged = reluIntegrals.i4(Float64Array.from(base.flat()), 4, 0, 1, 2, 3);
    const three = orthantMoment(
      [
        [1, 0.3, 0.2],
        [0.3, 1, -0.4],
        [0.2, -0.4, 1],
      ],
      [0, 1, 1],
    );
    expect(merged).toBeCloseTo(three, 15);
    const near = base.map((r) => r.slice());
    near[1][1] = 4 * (1 + 1e-7);
    // Perturbing the variance by 1e-7 changes the moment by O(sqrt(1e-7)) at most (orthant boundary).
    expect(Math.abs(reluIntegrals.i4(Float64Array.from(near.flat()), 4, 0, 1, 2, 3) - merged)).toBeLessThan(
      1e-3,
    );
    const opposite = base.map((r) => r.slice());
    opposite[0][1] = opposite[1][0] = -2;
    expect(reluIntegrals.i4(Float64Array.from(opposite.flat()), 4, 0, 1, 2, 3)).toBe(0);
  });
});
