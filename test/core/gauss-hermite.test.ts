import { describe, expect, it } from "vitest";
import { gaussHermite } from "../../src/core/gauss-hermite.js";

/** E Z^{2j} = (2j - 1)!! for Z ~ N(0, 1); odd moments vanish. */
function normalMoment(p: number): number {
  if (p % 2 === 1) return 0;
  let m = 1;
  for (let k = p - 1; k > 0; k -= 2) m *= k;
  return m;
}

const expect1 = (n: number, f: (x: number) => number) => {
  const { nodes, weights } = gaussHermite(n);
  return nodes.reduce((s, x, k) => s + weights[k] * f(x), 0);
};

describe("gaussHermite (standard normal rule)", () => {
  it.each([1, 2, 5, 10, 20, 40])("n = %i integrates every monomial of degree <= 2n - 1 exactly", (n) => {
    for (let p = 0; p <= Math.min(2 * n - 1, 24); p++) {
      // The rule is exact up to degree 2n - 1; the reference (2j-1)!! is exact, so only rounding remains:
      // summing n terms w_k x_k^p costs ~n eps × Σ w_k |x_k|^p (odd p: the terms cancel in pairs).
      const scale = expect1(n, (x) => Math.abs(x) ** p);
      expect(Math.abs(expect1(n, (x) => x ** p) - normalMoment(p))).toBeLessThanOrEqual(1e-13 * n * scale);
    }
  });

  it("degree 2n is not exact (the test can fail): n = 3 gives E Z^6 = 9 instead of 15", () => {
    // Closed form: the 3-point rule has nodes 0, ±√3 with weights 2/3, 1/6: Σ w x⁶ = 2 × 27/6 = 9.
    expect(expect1(3, (x) => x ** 6)).toBeCloseTo(9, 12);
  });

  it("E cos(Z) = e^{-1/2} and E e^{Z} = e^{1/2} converge fast (entire functions)", () => {
    // Both are entire; the error of the n-point rule decays super-geometrically, below 1e-13 at n = 30.
    expect(Math.abs(expect1(30, Math.cos) - Math.exp(-0.5))).toBeLessThan(1e-13);
    expect(Math.abs(expect1(30, Math.exp) - Math.exp(0.5))).toBeLessThan(1e-13);
  });

  it("E relu(Z) = 1/sqrt(2 pi) converges only at the O(1/n) rate of a kink", () => {
    // relu has a kink at 0 where (even n) no node sits: the error decays like c/n with c ≈ 0.17
    // (measured: 0.0170, 0.0084, 0.0041 at n = 10, 20, 40). Quadrupling n must divide it by 4 ± 10%.
    const exact = 1 / Math.sqrt(2 * Math.PI);
    const e10 = Math.abs(expect1(10, (x) => Math.max(x, 0)) - exact);
    const e40 = Math.abs(expect1(40, (x) => Math.max(x, 0)) - exact);
    expect(e10 / e40).toBeGreaterThan(3.6);
    expect(e10 / e40).toBeLessThan(4.4);
  });

  it("weights are positive, sum to one, nodes are symmetric and increasing", () => {
    const { nodes, weights } = gaussHermite(17);
    for (let k = 0; k < 17; k++) {
      expect(weights[k]).toBeGreaterThan(0);
      expect(nodes[k] + nodes[16 - k]).toBeCloseTo(0, 13);
      if (k > 0) expect(nodes[k]).toBeGreaterThan(nodes[k - 1]);
    }
  });
});
