import { describe, expect, it } from "vitest";
import { incompleteBeta, logGamma, studentTCdf, studentTQuantile } from "../../src/core/student-t.js";

// Closed forms (A&S 26.7.3-4): t with 1 degree of freedom is Cauchy, F(t) = 1/2 + arctan(t)/π, with
// quantile tan(π(p - 1/2)); with 2, F(t) = 1/2 + t / (2 sqrt(2 + t²)), with quantile
// (2p - 1) sqrt(2 / (4 p (1 - p))). Stryker found no test in test/core covering this file (167 mutants
// without coverage): these pin it.
const cauchyCdf = (t: number) => 0.5 + Math.atan(t) / Math.PI;
const twoDofCdf = (t: number) => 0.5 + t / (2 * Math.sqrt(2 + t * t));

describe("Student t distribution", () => {
  it("log Gamma matches factorials and Γ(1/2) = √π to 1e-13", () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(10.5)).toBeCloseTo(Math.log((654729075 / 1024) * Math.sqrt(Math.PI)), 12); // 19!!/2^10 √π
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 12); // Γ(1/4), A&S 6.1.10
  });

  it("the regularised incomplete beta function: I_x(1, b) = 1 - (1 - x)^b, I_x(a, 1) = x^a, symmetry", () => {
    for (const x of [0.1, 0.5, 0.9]) {
      expect(incompleteBeta(x, 1, 3)).toBeCloseTo(1 - (1 - x) ** 3, 12);
      expect(incompleteBeta(x, 2.5, 1)).toBeCloseTo(x ** 2.5, 12);
      expect(incompleteBeta(x, 2, 5) + incompleteBeta(1 - x, 5, 2)).toBeCloseTo(1, 12);
    }
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });

  it("CDF: Cauchy for 1 dof, the closed form for 2, symmetric, and the normal in the limit", () => {
    for (const t of [-30, -2, -0.5, 0, 0.3, 1, 4, 100]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(cauchyCdf(t), 12);
      expect(studentTCdf(t, 2)).toBeCloseTo(twoDofCdf(t), 12);
      expect(studentTCdf(t, 7) + studentTCdf(-t, 7)).toBeCloseTo(1, 12);
    }
    // 1e6 dof: the normal CDF at 1.959963984540054 is 0.975 (the t correction is O(1/dof)).
    expect(studentTCdf(1.959963984540054, 1e6)).toBeCloseTo(0.975, 6);
  });

  it("quantile inverts the CDF: closed forms for 1 and 2 dof, tables for 7, the 4-sigma multipliers", () => {
    for (const p of [0.001, 0.1, 0.5, 0.8, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 8);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p))), 9);
    }
    expect(studentTQuantile(0.975, 7)).toBeCloseTo(2.364624251592785, 9); // the doc example; tables: 2.365
    // The agreement multiplier (1 - Phi(4) one-sided): 8.47 at 7 dof, 4.62 at 31, -> 4 (docs/record.md).
    const tail = 3.167124183311992e-5;
    expect(studentTQuantile(1 - tail, 7)).toBeCloseTo(8.47, 2);
    expect(studentTQuantile(1 - tail, 31)).toBeCloseTo(4.62, 2);
    expect(studentTQuantile(1 - tail, 1e7)).toBeCloseTo(4, 4);
    for (const [p, dof] of [
      [0.9, 3],
      [0.99999, 5],
      [0.3, 12],
    ])
      expect(studentTCdf(studentTQuantile(p, dof), dof)).toBeCloseTo(p, 10);
  });
});
