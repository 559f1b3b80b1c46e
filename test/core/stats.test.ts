import { describe, expect, it } from "vitest";
import {
  kolmogorovCdf,
  ksPValue,
  ksStatistic,
  ksTwoSample,
  mean,
  normalCdf,
  quantile,
  variance,
} from "../../src/core/stats.js";

/** Relative error, with the reference as the scale. */
function relErr(got: number, want: number): number {
  return Math.abs(got - want) / Math.abs(want);
}

describe("normalCdf", () => {
  // Reference values: Phi(x) = erfc(-x/sqrt 2)/2 evaluated by mpmath 1.3 at 40 significant digits, rounded to
  // double. scipy.stats.norm.cdf agrees to ~2e-15 in the body (1.96, -1, 0.5, 2.5) but is a few ulp off in the
  // far tail (e.g. 2.866515718791933e-7 at -5), which is why the reference is mpmath.
  const table: [number, number][] = [
    [0, 0.5],
    [1.96, 0.9750021048517795],
    [-1, 0.15865525393145705],
    [0.5, 0.6914624612740131],
    [2.5, 0.9937903346742238],
    [0.67448975, 0.7499999999376898],
    [-3.5, 0.00023262907903552504],
    [-5, 2.866515718791939e-7],
    [6, 0.9999999990134123],
    [-10, 7.619853024160525e-24],
    [-20, 2.7536241186062337e-89],
    [-37, 5.725571222524577e-300],
  ];
  it("matches 40-digit reference values to 2e-15 relative error", () => {
    // Cody's approximations have relative error below ~1e-16 in exact arithmetic; evaluation in double adds a
    // few ulp (2.2e-16 each), so 2e-15 (~9 ulp) is the budget, also in the far lower tail.
    for (const [x, want] of table) {
      expect(relErr(normalCdf(x), want), `normalCdf(${x})`).toBeLessThan(2e-15);
    }
  });

  it("is symmetric, monotone across the branch points, and saturates", () => {
    // Phi(x) + Phi(-x) = 1 exactly in real arithmetic; the two values are computed independently, so allow
    // 4 ulp of 1.
    let prev = 0;
    let worstSum = 0;
    let drops = 0;
    for (let x = -8; x <= 8; x += 1 / 1024) {
      const p = normalCdf(x);
      worstSum = Math.max(worstSum, Math.abs(p + normalCdf(-x) - 1));
      if (p < prev) drops++;
      prev = p;
    }
    expect(worstSum).toBeLessThanOrEqual(4 * Number.EPSILON);
    expect(drops, "decreasing steps on a grid of 1/1024 over [-8, 8]").toBe(0);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe("Kolmogorov distribution and KS tests", () => {
  it("kolmogorovCdf matches the series (mpmath nsum at 40 digits) on both branches (switch at 1.18)", () => {
    // Reference: 1 - 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 lambda^2) summed by mpmath at 40 digits. The two
    // truncated series used in the code converge to ~1e-17 (geometric tails), so 1e-14 absolute is generous.
    const table: [number, number][] = [
      [0.5, 0.03605475633512491],
      [1.0, 0.7300003283226455],
      [1.18, 0.8765461905702343],
      [1.36, 0.9505141232446221],
      [2.0, 0.9993290747442203],
    ];
    for (const [lambda, want] of table) {
      expect(Math.abs(kolmogorovCdf(lambda) - want), `lambda = ${lambda}`).toBeLessThan(1e-14);
    }
    // Smirnov's (1948) tabulated 95% point of K is 1.3581 (to 4 decimals, so the CDF is 0.95 to ~1e-4 given
    // the density ~0.2 there).
    expect(Math.abs(kolmogorovCdf(1.3581) - 0.95)).toBeLessThan(1e-4);
    expect(kolmogorovCdf(0)).toBe(0);
  });

  it("ksPValue with Stephens' correction matches exact finite-n quantiles", () => {
    // d values: exact upper quantiles of D_n, scipy 1.17.1 `stats.kstwo.isf(p, n)` (Simard & L'Ecuyer 2011).
    // Stephens' modified statistic reproduces the 20%-1% points to within ~4% of p for n >= 10 (measured:
    // worst 3.8% at n = 10, p = 0.01), so 5% relative is the tolerance. Without the correction (lambda =
    // sqrt(n) d) the error at n = 10, p = 0.05 is ~40%, so the test discriminates.
    const exact: [number, number, number][] = [
      [10, 0.2, 0.32256790169857147],
      [10, 0.05, 0.4092460847775048],
      [10, 0.01, 0.48893165941109273],
      [20, 0.05, 0.2940753144343292],
      [50, 0.05, 0.18840647917792508],
      [100, 0.2, 0.1056054379300071],
      [100, 0.01, 0.16080868092856113],
    ];
    for (const [n, p, d] of exact) {
      expect(relErr(ksPValue(d, n), p), `n = ${n}, p = ${p}`).toBeLessThan(0.05);
    }
    expect(ksPValue(0, 100)).toBe(1);
  });

  it("ksStatistic is the sup distance, for any input order", () => {
    // Hand computation against U(0,1): max(1/3-0.1, 0.1, 2/3-0.4, 0.4-1/3, 1-0.7, 0.7-2/3) = 0.3.
    const uniformCdf = (x: number) => Math.min(1, Math.max(0, x));
    expect(ksStatistic([0.7, 0.1, 0.4], uniformCdf)).toBeCloseTo(0.3, 15);
    expect(ksStatistic([0.5], uniformCdf)).toBe(0.5);
    expect(() => ksStatistic([0.1, Number.NaN], uniformCdf)).toThrow(RangeError);
    expect(() => ksStatistic([], uniformCdf)).toThrow(RangeError);
  });

  it("ksTwoSample handles ties and matches scipy", () => {
    // scipy 1.17.1 `stats.ks_2samp([1,2,3], [2,2,4]).statistic` = 1/3 (ties at 2 are processed together).
    expect(ksTwoSample([1, 2, 3], [2, 2, 4])).toBeCloseTo(1 / 3, 15);
    // scipy: ks_2samp(a, b).statistic = 0.10428571428571429 for these two deterministic samples.
    const a = Array.from({ length: 100 }, (_, i) => ((i + 1) * 0.618033988749895) % 1);
    const b = Array.from({ length: 70 }, (_, i) => (((i + 1) * 0.414213562373095) % 1) * 1.1);
    expect(ksTwoSample(a, b)).toBeCloseTo(0.10428571428571429, 14);
    expect(ksTwoSample(b, a)).toBeCloseTo(0.10428571428571429, 14);
  });
});

describe("moments and quantiles", () => {
  it("mean and unbiased variance", () => {
    expect(mean([1, 2, 4])).toBeCloseTo(7 / 3, 15);
    // Deviations from 7/3 are -4/3, -1/3, 5/3: squares sum to 42/9, over n - 1 = 2 gives 7/3.
    expect(variance([1, 2, 4])).toBeCloseTo(7 / 3, 15);
    expect(variance([5])).toBeNaN();
    expect(mean([])).toBeNaN();
  });

  it("quantile interpolates linearly (numpy's default, type 7)", () => {
    // numpy 2.4: np.quantile([1, 2, 3, 4], [0, 0.25, 0.5, 1]) = [1, 1.75, 2.5, 4].
    const xs = [1, 2, 3, 4];
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 0.25)).toBe(1.75);
    expect(quantile(xs, 0.5)).toBe(2.5);
    expect(quantile(xs, 1)).toBe(4);
    expect(quantile([7], 0.3)).toBe(7);
    expect(() => quantile(xs, 1.5)).toThrow(RangeError);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });
});
