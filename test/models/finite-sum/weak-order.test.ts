import { describe, expect, it } from "vitest";
import { quadraticFiniteSum } from "../../../src/models/finite-sum/finite-sum.js";
import { logLogSlope } from "../../../src/models/finite-sum/log-log-slope.js";
import { weakOrderTable } from "../../../src/models/finite-sum/weak-order.js";

/** T1 (science/05 §2): theta in {1 - sigma, 1 + sigma}, f = theta x^2/2, as a quadratic finite sum. */
const sigma = 0.5;
const randomCurvature = quadraticFiniteSum([[[1 - sigma]], [[1 + sigma]]], [[0], [0]]);
const s2 = sigma * sigma;
/** The closed forms of science/05 §2 T1 at T = 1 (n = 1/lr steps). */
const closed = {
  twoPoint: (lr: number) => ({
    sgd: -(((1 - lr) ** 2 + lr * lr * s2) ** (1 / lr)),
    smf: -Math.exp(-2 - lr + lr * s2),
    smeShared: -Math.exp(-2 - lr - lr * s2),
    gf: -Math.exp(-2),
  }),
  secondMoment: (lr: number) => ({
    sgd: ((1 - lr) ** 2 + lr * lr * s2) ** (1 / lr),
    smf: Math.exp(-2 - lr + lr * s2),
    sme1: Math.exp(-2 + lr * s2),
    gf: Math.exp(-2),
  }),
};

const publicLr = [1 / 4, 1 / 16, 1 / 64, 1 / 256];
const fitLr = [2 ** -5, 2 ** -6, 2 ** -7, 2 ** -8];

describe("weak-order table, T1 random curvature (science/05 §2)", () => {
  const table = weakOrderTable(randomCurvature, [1], publicLr, 1, "two-point");

  it("reproduces the public T1 table to its printed digits", () => {
    // The science file prints SGD to 6 decimals and the errors to 3 significant digits: half a unit
    // of the last printed digit is the tolerance.
    const sgd = [-0.111709, -0.129062, -0.133753, -0.134939];
    const smf = [4.88e-4, 7.61e-5, 5.33e-6, 3.41e-7];
    const shared = [1.27e-2, 3.9e-3, 1.04e-3, 2.63e-4];
    const gf = [2.36e-2, 6.27e-3, 1.58e-3, 3.96e-4];
    publicLr.forEach((_, i) => {
      expect(Math.abs(table.sgd[i] - sgd[i])).toBeLessThanOrEqual(5e-7);
      for (const [col, want] of [
        ["smf", smf],
        ["smeShared", shared],
        ["gf", gf],
      ] as const) {
        const got = table.errors[col]?.[i] ?? Number.NaN;
        const halfDigit = 10 ** (Math.floor(Math.log10(want[i])) - 2) / 2;
        expect(Math.abs(got - want[i]), `${col} at lr ${publicLr[i]}`).toBeLessThanOrEqual(halfDigit);
      }
    });
  });

  it("the moment machinery equals the closed forms to 1e-12 (values and slopes)", () => {
    const fitted = weakOrderTable(randomCurvature, [1], fitLr, 1, "two-point");
    const forms = fitLr.map(closed.twoPoint);
    fitLr.forEach((_, i) => {
      // Both sides are exact: the difference is rounding (~1e-16) plus the expm and recursion rounding.
      expect(Math.abs(fitted.sgd[i] - forms[i].sgd)).toBeLessThan(1e-12);
      for (const col of ["smf", "smeShared", "gf"] as const)
        expect(
          Math.abs((fitted.errors[col]?.[i] ?? 0) - Math.abs(forms[i][col] - forms[i].sgd)),
        ).toBeLessThan(1e-12);
    });
    for (const col of ["smf", "smeShared", "gf"] as const) {
      const slope = logLogSlope(
        fitLr,
        forms.map((f) => Math.abs(f[col] - f.sgd)),
      );
      // Errors >= 3.4e-7 known to 1e-15 absolute: the slope is known to ~1e-8, far inside 1e-6.
      expect(Math.abs((fitted.slopes[col] ?? 0) - (slope ?? 1e9))).toBeLessThan(1e-6);
    }
  });

  it("slopes over lr = 2^-5..2^-8: SMF in [1.9, 2.1]; SME shared, GF, SME-1 in [0.9, 1.1]", () => {
    const two = weakOrderTable(randomCurvature, [1], fitLr, 1, "two-point").slopes;
    expect(two.smf).toBeGreaterThanOrEqual(1.9);
    expect(two.smf).toBeLessThanOrEqual(2.1);
    for (const col of ["smeShared", "gf", "sme1", "sme2"] as const) {
      // sme1/sme2 with independent Brownian motions miss the common-noise covariance at O(lr).
      expect(two[col], col).toBeGreaterThanOrEqual(0.9);
      expect(two[col], col).toBeLessThanOrEqual(1.1);
    }
  });

  it("second moment: SME-2 = SMF (same generator), order 2; SME-1 and GF order 1; closed forms to 1e-12", () => {
    const t = weakOrderTable(randomCurvature, [1], fitLr, 1, "second-moment");
    fitLr.forEach((lr, i) => {
      const f = closed.secondMoment(lr);
      expect(Math.abs(t.sgd[i] - f.sgd)).toBeLessThan(1e-12);
      expect(Math.abs((t.errors.smf?.[i] ?? 0) - Math.abs(f.smf - f.sgd))).toBeLessThan(1e-12);
      expect(Math.abs((t.errors.sme1?.[i] ?? 0) - Math.abs(f.sme1 - f.sgd))).toBeLessThan(1e-12);
      expect(t.errors.sme2?.[i]).toBe(t.errors.smf?.[i]);
    });
    expect(Math.abs((t.slopes.smf ?? 0) - 2)).toBeLessThan(0.1);
    expect(Math.abs((t.slopes.sme1 ?? 0) - 1)).toBeLessThan(0.1);
    expect(t.errors.smeShared).toBeUndefined();
  });
});

describe("weak-order table, T2 non-commuting 2-D finite sum (science/05 §2)", () => {
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

  it("|x|^2 at T = 1: SMF and SME-2 slopes near 2, SME-1 and GF near 1", () => {
    const { slopes } = weakOrderTable(q, [1, 1], fitLr, 1, "second-moment");
    // Exact errors: the slope deviates from the order by the relative size of the next term, O(lr);
    // measured within 0.03 here, 0.1 allowed (the science file's T1 band).
    expect(Math.abs((slopes.smf ?? 0) - 2)).toBeLessThan(0.1);
    expect(Math.abs((slopes.sme2 ?? 0) - 2)).toBeLessThan(0.1);
    expect(Math.abs((slopes.sme1 ?? 0) - 1)).toBeLessThan(0.1);
    expect(Math.abs((slopes.gf ?? 0) - 1)).toBeLessThan(0.1);
  });

  it("two-point x0 and -x0 on one data sequence: only SMF reaches order 2", () => {
    const { slopes } = weakOrderTable(q, [1, 1], fitLr, 1, "two-point");
    expect(Math.abs((slopes.smf ?? 0) - 2)).toBeLessThan(0.1);
    expect(Math.abs((slopes.sme2 ?? 0) - 1)).toBeLessThan(0.1);
  });
});
