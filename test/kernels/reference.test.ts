import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/rng.js";
import { referenceKernels as k, kernelWorkspace } from "../../src/kernels/index.js";

/** The TS reference against the plain definitions (the wasm kernels are held to the reference elsewhere). */
describe("TS reference kernels", () => {
  it("dot is exact on small integers and within the rounding bound on normals", () => {
    const n = 1003;
    const a = Float64Array.from({ length: n }, (_, i) => (i % 17) - 8);
    const b = Float64Array.from({ length: n }, (_, i) => (i % 5) - 2);
    let exact = 0;
    for (let i = 0; i < n; i++) exact += a[i] * b[i]; // integers below 2^53: every sum is exact
    expect(k.dot(a, b, n)).toBe(exact);
    const rng = Rng.fromSeed(3);
    rng.fillNormal(a);
    rng.fillNormal(b);
    let naive = 0;
    let abs = 0;
    for (let i = 0; i < n; i++) {
      naive += a[i] * b[i];
      abs += Math.abs(a[i] * b[i]);
    }
    // Both orders are within gamma_n sum |a_i b_i| of the exact value (Higham, Accuracy and Stability,
    // eq. 3.5, gamma_n = n u / (1 - n u), u = 2^-53), so they differ by at most twice that.
    const u = 2 ** -53;
    expect(Math.abs(k.dot(a, b, n) - naive)).toBeLessThanOrEqual((2 * n * u * abs) / (1 - n * u));
  });

  it("gemv, gemvWhere and gemvTransposed are the matrix products (exact on integers), skipping zero rows", () => {
    const [rows, d] = [3, 10];
    const X = Float64Array.from({ length: rows * d }, (_, i) => (i % 7) - 3);
    const w = Float64Array.from({ length: d }, (_, i) => i - 4);
    const H = new Float64Array(rows);
    k.gemv(X, w, H, rows, d, 2);
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += X[r * d + j] * w[j];
      expect(H[r]).toBe(2 * s);
    }
    const H2 = Float64Array.of(7, 7, 7);
    k.gemvWhere(X, w, H2, Float64Array.of(0.1, 0.9, 0.2), 0.5, rows, d, 2); // rows 0 and 2 selected
    expect(Array.from(H2)).toEqual([H[0], 7, H[2]]);
    const c = Float64Array.of(1, 0, -2);
    const g = new Float64Array(d).fill(99); // overwritten, not accumulated
    k.gemvTransposed(X, c, g, rows, d, 0.5);
    for (let j = 0; j < d; j++) expect(g[j]).toBe(0.5 * X[j] - X[2 * d + j]);
  });

  it("matmulAdd adds alpha S B (exact on small integers)", () => {
    const S = Float64Array.of(1, 2, 0, -1); // 2 x 2
    const B = Float64Array.of(1, 2, 3, 4, 5, 6); // 2 x 3
    const out = Float64Array.of(1, 1, 1, 1, 1, 1);
    k.matmulAdd(S, B, out, 2, 2, 3, 2);
    expect(Array.from(out)).toEqual([1 + 2 * 9, 1 + 2 * 12, 1 + 2 * 15, 1 - 8, 1 - 10, 1 - 12]);
  });

  it("affineStep returns <x, v> and |x|^2 of the updated x", () => {
    const x = Float64Array.of(1, 2, 3);
    const v = Float64Array.of(0, 1, 0);
    const z = Float64Array.of(1, 1, 1);
    const out = new Float64Array(2);
    k.affineStep(x, v, z, 3, 2, 1, 0.5, out); // x = [2.5, 5.5, 6.5]
    expect(Array.from(x)).toEqual([2.5, 5.5, 6.5]);
    expect(Array.from(out)).toEqual([5.5, 2.5 ** 2 + 5.5 ** 2 + 6.5 ** 2]);
  });

  it("reluForward sums v_i h_i over the active units only", () => {
    const [K, N] = [2, 2];
    const x = Float64Array.of(3, 5, 1, 1, -1, 0); // v = [3, 5], W = [[1, 1], [-1, 0]]
    const h = new Float64Array(K);
    expect(k.reluForward(x, Float64Array.of(2, 1), h, K, N)).toBe(9); // h = [3, -2]
    expect(Array.from(h)).toEqual([3, -2]);
  });

  it("a wasm workspace's arrays are distinct, aligned and stay attached", () => {
    const { arrays } = kernelWorkspace({ a: 3, b: 70_000, c: 1 }, "wasm");
    arrays.a.fill(1);
    arrays.c[0] = 7;
    expect(arrays.b.every((v) => v === 0)).toBe(true);
    for (const v of Object.values(arrays)) expect(v.byteOffset % 16).toBe(0);
    expect(arrays.a.buffer).toBe(arrays.c.buffer);
    expect(arrays.c[0]).toBe(7);
  });
});
