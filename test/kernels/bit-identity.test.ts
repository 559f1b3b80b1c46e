import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/rng.js";
import { type Kernels, kernelWorkspace } from "../../src/kernels/index.js";

/**
 * Every kernel, wasm against the TS reference, on the same inputs: outputs must be equal bit for bit
 * (compared as bytes, so -0 vs 0 and NaN payloads count). Lengths cover every tail of the 8-wide and
 * 2-wide loops (0..17) and a realistic size; inputs are normals with some exact zeros, negative zeros and
 * huge values so that rounding differs between summation orders (a different order would show).
 */
const lengths = [0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 1000, 1003];

/** Names and lengths of the arrays of one case. */
type Layout = Record<string, number>;

/** One workspace per backend with the same contents, drawn from `seed`. */
function pair(layout: Layout, seed: number) {
  const wasm = kernelWorkspace(layout, "wasm");
  const ts = kernelWorkspace(layout, "ts");
  expect(wasm.kernels.backend).toBe("wasm");
  const rng = Rng.fromSeed(seed);
  for (const name of Object.keys(layout)) {
    const a = ts.arrays[name];
    rng.fillNormal(a);
    for (let i = 0; i < a.length; i++) {
      const u = rng.nextFloat();
      if (u < 0.05) a[i] = 0;
      else if (u < 0.08) a[i] = -0;
      else if (u < 0.1) a[i] *= 1e12;
    }
    wasm.arrays[name].set(a);
  }
  return { wasm, ts };
}

/** Byte-level equality of two arrays, with the first differing index in the message. */
function expectSameBits(name: string, a: Float64Array, b: Float64Array): void {
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  const i = x.findIndex((v, k) => v !== y[k]);
  expect(i, `${name}: first different byte ${i} (${a[i >> 3]} vs ${b[i >> 3]})`).toBe(-1);
}

/** Run `call` on both backends and compare its return value and every array afterwards. */
function check(layout: Layout, seed: number, call: (k: Kernels, a: Record<string, Float64Array>) => unknown) {
  const { wasm, ts } = pair(layout, seed);
  const r1 = call(wasm.kernels, wasm.arrays);
  const r2 = call(ts.kernels, ts.arrays);
  expect(Object.is(r1, r2), `return value ${r1} vs ${r2}`).toBe(true);
  for (const name of Object.keys(layout)) expectSameBits(name, wasm.arrays[name], ts.arrays[name]);
}

describe("wasm kernels equal the TS reference bit for bit", () => {
  it.each(lengths)("dot, axpy, scale at n = %i", (n) => {
    check({ a: n, b: n }, n + 1, (k, { a, b }) => k.dot(a, b, n));
    check({ a: n, b: n }, n + 2, (k, { a, b }) => k.axpy(-0.37, a, b, n));
    check({ a: n }, n + 3, (k, { a }) => k.scale(a, n, 1.7));
  });

  it.each(lengths)("gemv, gemvWhere, gemvTransposed (with skipped rows), glmUpdate at d = %i", (d) => {
    const rows = 13;
    check({ X: rows * d, w: d, H: rows }, d + 4, (k, { X, w, H }) => k.gemv(X, w, H, rows, d, 0.3));
    check({ X: rows * d, w: d, H: rows, u: rows }, d + 8, (k, { X, w, H, u }) => {
      for (let r = 0; r < rows; r++) u[r] = Math.abs(u[r]) % 1;
      k.gemvWhere(X, w, H, u, 0.3, rows, d, 0.3);
    });
    check({ X: rows * d, c: rows, g: d }, d + 5, (k, { X, c, g }) => {
      for (const r of [1, 4, 5, 6, 11]) c[r] = 0; // odd and even runs of skipped rows
      k.gemvTransposed(X, c, g, rows, d, 0.3);
    });
    check({ w: d, prev: d, g: d }, d + 6, (k, { w, prev, g }) => k.glmUpdate(w, prev, g, d, 0.5, 0.1, 0.9));
  });

  it.each(lengths)(
    "matmulAdd at w = %i (rows 7, m = 1..9: every count of held rows; zero terms skipped; dense row pairs)",
    (w) => {
      for (let m = 1; m <= 9; m++) {
        check({ S: 7 * m, B: m * w, out: 7 * w }, w + m, (k, { S, B, out }) =>
          k.matmulAdd(S, B, out, 7, m, w, -0.7),
        );
        check({ S: 7 * m, B: m * w, out: 7 * w }, w + m + 50, (k, { S, B, out }) => {
          for (let i = 0; i < 5 * m; i++) if (S[i] === 0) S[i] = 0.5; // rows 0-4 dense: pairs (0,1), (2,3)
          k.matmulAdd(S, B, out, 7, m, w, -0.7);
        });
      }
    },
  );

  it.each(lengths)("affineStep (spiked step) at n = %i", (n) => {
    check({ x: n, v: n, z: n, out: 2 }, n + 7, (k, { x, v, z, out }) =>
      k.affineStep(x, v, z, n, 0.999, 0.002, 0.01, out),
    );
  });

  it.each([1, 3, 8])("reluForward and reluUpdate at K = %i, N = 1003 and 16", (K) => {
    for (const N of [1003, 16]) {
      check({ x: K + K * N, X: N, h: K }, K + N, (k, { x, X, h }) => k.reluForward(x, X, h, K, N));
      check({ x: K + K * N, X: N, h: K }, K + N + 1, (k, { x, X, h }) => {
        k.reluForward(x, X, h, K, N);
        k.reluUpdate(x, X, h, K, N, 0.001, 0.73, 1 - 0.001 * 0.1);
      });
    }
  });

  it("logisticCoef, Math.exp imported from JS: every branch (t < 0, t >= 0, unselected, b = 1)", () => {
    const n = 1003;
    for (const b of [0.3, 1]) {
      check({ H: n, y: n, u: n, coef: n }, 11, (k, { H, y, u, coef }) => {
        for (let r = 0; r < n; r++) {
          y[r] = r % 3 === 0 ? -1 : 1;
          u[r] = Math.abs(u[r]) % 1;
        }
        k.logisticCoef(H, y, u, coef, n, b);
      });
    }
  });
});
