import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/rng.js";
import { variance as twoPassVariance } from "../../src/core/stats.js";
import { Welford, WelfordVector } from "../../src/core/welford.js";

const SEED = 20251121;
const U = Number.EPSILON / 2; // unit roundoff of double

/** 1e9 + N(0,1) draws and their exact offsets (x - 1e9 is exact by Sterbenz's lemma). */
function offsetSample(seed: number, n: number): { xs: Float64Array; shifted: Float64Array } {
  const z = new Float64Array(n);
  Rng.fromSeed(seed).fillNormal(z);
  const xs = z.map((v) => 1e9 + v);
  return { xs, shifted: xs.map((x) => x - 1e9) };
}

function welfordOf(xs: ArrayLike<number>, from = 0, to = xs.length): Welford {
  const w = new Welford();
  for (let i = from; i < to; i++) w.push(xs[i]);
  return w;
}

describe("Welford", () => {
  it("is accurate on data with a large offset (1e9 + N(0,1)), where the textbook formula fails", () => {
    const n = 1e4;
    const { xs, shifted } = offsetSample(SEED, n);
    // Reference: two-pass variance of the exactly shifted data (condition number ~1, error ~n u = 1e-12).
    const exact = twoPassVariance(shifted);
    const exactMean = 1e9 + shifted.reduce((a, b) => a + b, 0) / n;
    const w = welfordOf(xs);
    // Chan, Golub & LeVeque (1983) bound Welford's relative error by n kappa u in the worst case, with the
    // condition number kappa = ||x|| / sqrt(sum (x - mean)^2) ~ 1e9 here (1.1e-3). With rounding errors that
    // behave like independent random variables the growth is sqrt(n) kappa u (Higham 2002, section 2.8):
    // 1e2 * 1e9 * 1.1e-16 = 1.1e-5 is the tolerance (observed: ~6e-9).
    const kappa = 1e9;
    expect(Math.abs(w.variance / exact - 1), `seed ${SEED}`).toBeLessThan(Math.sqrt(n) * kappa * U);
    // The mean is a sum of O(1) corrections to ~1e9: error a few ulp of 1e9 (1.2e-7 each); allow 1e-6.
    expect(Math.abs(w.mean - exactMean), `seed ${SEED}`).toBeLessThan(1e-6);
    // The two-pass result on the raw data: CGL bound n u + (n u kappa)^2 ~ 1.2e-6 (observed: ~4e-14).
    expect(Math.abs(twoPassVariance(xs) / exact - 1), `seed ${SEED}`).toBeLessThan(
      n * U + (n * U * kappa) ** 2,
    );
    // Control: E[x^2] - E[x]^2 loses everything (error ~ kappa^2 u ~ 1e2 relative), so the bound above bites.
    let s = 0;
    let s2 = 0;
    for (const x of xs) {
      s += x;
      s2 += x * x;
    }
    const naive = (s2 - (s * s) / n) / (n - 1);
    expect(Math.abs(naive / exact - 1)).toBeGreaterThan(Math.sqrt(n) * kappa * U);
    expect(w.count).toBe(n);
    expect(w.stderr).toBeCloseTo(Math.sqrt(w.variance / n), 15);
  });

  it("merge (Chan et al.) equals a single pass, whatever the chunking", () => {
    const n = 1e4;
    const z = new Float64Array(n);
    Rng.fromSeed(SEED + 1).fillNormal(z);
    const xs = z.map((v) => 3 + 2 * v);
    const whole = welfordOf(xs);
    const cuts = [0, 1, 1, 4, 5000, 7777, n];
    const merged = new Welford();
    for (let c = 0; c + 1 < cuts.length; c++) merged.merge(welfordOf(xs, cuts[c], cuts[c + 1]));
    // Both are backward stable with kappa = sqrt(1 + mean^2/var) ~ 1.8: relative error ~ n kappa u = 2e-12
    // each, so they agree to 1e-11.
    expect(merged.count, `seed ${SEED + 1}`).toBe(n);
    expect(Math.abs(merged.mean / whole.mean - 1), `seed ${SEED + 1}`).toBeLessThan(1e-11);
    expect(Math.abs(merged.variance / whole.variance - 1), `seed ${SEED + 1}`).toBeLessThan(1e-11);
  });

  it("merge keeps the large-offset accuracy", () => {
    const n = 1e4;
    const { xs, shifted } = offsetSample(SEED + 2, n);
    const a = welfordOf(xs, 0, 3000);
    a.merge(welfordOf(xs, 3000, n));
    // Same tolerance as the single pass, sqrt(n) kappa u with kappa ~ 1e9 (the merge step itself is one
    // O(u) operation on well-conditioned partial results).
    const tol = Math.sqrt(n) * 1e9 * U;
    expect(Math.abs(a.variance / twoPassVariance(shifted) - 1), `seed ${SEED + 2}`).toBeLessThan(tol);
  });

  it("has undefined (NaN) variance below two values and ignores empty merges", () => {
    const w = new Welford();
    expect(w.variance).toBeNaN();
    w.push(4);
    expect(w.mean).toBe(4);
    expect(w.variance).toBeNaN();
    expect(w.stderr).toBeNaN();
    w.merge(new Welford());
    expect(w.count).toBe(1);
    const e = new Welford();
    e.merge(w);
    expect([e.count, e.mean, e.m2]).toEqual([1, 4, 0]);
    w.push(6);
    expect(w.variance).toBe(2); // (1 + 1) / 1
  });
});

describe("WelfordVector", () => {
  it("equals one scalar Welford per entry (same arithmetic, bit for bit)", () => {
    const len = 5;
    const runs = 200;
    const rng = Rng.fromSeed(SEED + 3);
    const rows = Array.from({ length: runs }, () => {
      const r = new Float64Array(len);
      rng.fillNormal(r);
      return r.map((v, k) => 1e6 * k + v);
    });
    const vec = new WelfordVector(len);
    for (const r of rows) vec.push(r);
    const variance = vec.variance();
    const stderr = vec.stderr();
    for (let k = 0; k < len; k++) {
      const w = welfordOf(rows.map((r) => r[k]));
      expect(vec.mean[k], `entry ${k}, seed ${SEED + 3}`).toBe(w.mean);
      expect(variance[k], `entry ${k}, seed ${SEED + 3}`).toBe(w.variance);
      expect(stderr[k], `entry ${k}, seed ${SEED + 3}`).toBe(w.stderr);
    }
    expect(vec.count).toBe(runs);
  });

  it("merges like the scalar version and checks lengths", () => {
    const a = new WelfordVector(2);
    const b = new WelfordVector(2);
    a.push([1, 10]);
    a.push([3, 10]);
    b.push([5, 40]);
    a.merge(b);
    // Values per entry: {1, 3, 5} -> mean 3, variance 4; {10, 10, 40} -> mean 20, variance 300.
    expect(Array.from(a.mean)).toEqual([3, 20]);
    expect(Array.from(a.variance())).toEqual([4, 300]);
    const out = new Float64Array(2);
    expect(a.stderr(out)).toBe(out);
    expect(out[0]).toBeCloseTo(Math.sqrt(4 / 3), 15);
    expect(() => a.merge(new WelfordVector(3))).toThrow(RangeError);
    expect(Array.from(new WelfordVector(2).variance())).toEqual([Number.NaN, Number.NaN]);
  });
});
