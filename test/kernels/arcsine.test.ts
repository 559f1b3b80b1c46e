import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/rng.js";
import { erfI4WorkLength, kernelWorkspace } from "../../src/kernels/index.js";

/**
 * The wasm arcsine (src/kernels/assembly/arcsine.as, fdlibm's algorithm two lanes at a time) must give
 * Math.asin's double for every argument: V8's Math.asin is fdlibm's, so any difference is a porting bug
 * (a wrong constant, branch edge or operation order), never rounding noise. Compared with Object.is
 * (equal doubles, -0 distinct from 0; NaN equals NaN whatever its payload, which the language leaves open).
 */
function asinMismatches(xs: readonly number[] | Float64Array): string[] {
  const { kernels, arrays } = kernelWorkspace({ x: xs.length, y: xs.length }, "wasm");
  expect(kernels.backend).toBe("wasm");
  arrays.x.set(xs);
  kernels.asinEach(arrays.x, arrays.y, xs.length);
  const bad: string[] = [];
  for (let i = 0; i < xs.length; i++)
    if (!Object.is(arrays.y[i], Math.asin(arrays.x[i]))) bad.push(`${arrays.x[i]}: ${arrays.y[i]}`);
  return bad;
}

/** The doubles within `k` ulps of x (adjacent bit patterns), both signs. */
function around(x: number, k: number): number[] {
  const f = new Float64Array(1);
  const bits = new BigInt64Array(f.buffer);
  f[0] = x;
  const b = bits[0];
  const out: number[] = [];
  for (let d = -k; d <= k; d++) {
    bits[0] = b + BigInt(d);
    out.push(f[0], -f[0]);
  }
  return out;
}

describe("wasm asinEach equals Math.asin", () => {
  it("on 4e5 uniform arguments in each branch of fdlibm (|x| < 1/2, [1/2, 0.975), [0.975, 1)) and near 0", () => {
    const rng = Rng.fromSeed(11);
    const xs = new Float64Array(400_000);
    for (let i = 0; i < xs.length; i++) {
      const u = rng.nextFloat();
      const scale = [1e-9, 0.03, 0.5, 0.975, 1][i % 5];
      xs[i] = (2 * u - 1) * scale;
    }
    expect(asinMismatches(xs)).toEqual([]);
  });

  it("at every branch edge (±300 ulps), every power of two, ±0, ±1, beyond 1, infinities and NaN", () => {
    const edges = [0.5, 0.975, 2044723 / 2097152, 1, 2 ** -27, 0.25, 0.125].flatMap((x) => around(x, 300));
    const powers = Array.from({ length: 1080 }, (_, e) => 2 ** (-1078 + e)).flatMap((x) => [x, -x]);
    const special = [0, -0, 1, -1, 1 + 2 ** -52, -1 - 2 ** -52, 2, Infinity, -Infinity, Number.NaN];
    expect(asinMismatches([...edges, ...powers, ...special])).toEqual([]);
  });

  it("on odd lengths (the scalar tail)", () => {
    expect(asinMismatches([0.3, -0.7, 0.99])).toEqual([]);
    expect(asinMismatches([0.1])).toEqual([]);
  });
});

/** A random covariance G Gᵀ / m of n fields (m = n + 3 samples), as the committee ODE's joint Gram matrix. */
function covariance(rng: Rng, n: number): Float64Array {
  const m = n + 3;
  const G = new Float64Array(n * m);
  rng.fillNormal(G);
  const C = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += G[a * m + j] * G[b * m + j];
      C[a * n + b] = s / m;
    }
  return C;
}

describe("erfI4Block and erfI3Block: wasm equal the TS reference (erfI4Pair, erfI3Row) bit for bit", () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [8, 4],
    [5, 6],
  ])("p = %i students, k = %i teachers, random covariances, weights with zeros", (p, k) => {
    const n = p + k;
    const rng = Rng.fromSeed(100 * p + k);
    for (let trial = 0; trial < 5; trial++) {
      const layout = { C: n * n, u: n, out: (p * (p + 1)) / 2, rows: p * n, work: erfI4WorkLength(n) };
      const [wasm, ts] = [kernelWorkspace(layout, "wasm"), kernelWorkspace(layout, "ts")];
      const C = covariance(rng, n);
      const u = new Float64Array(n);
      rng.fillNormal(u);
      if (trial % 2 === 1) u[trial % n] = 0;
      for (const w of [wasm, ts]) {
        w.arrays.C.set(C);
        w.arrays.u.set(u);
        w.kernels.erfI4Block(w.arrays.C, n, p, w.arrays.u, w.arrays.out, w.arrays.work);
        w.kernels.erfI3Block(w.arrays.C, n, p, w.arrays.u, w.arrays.rows, w.arrays.work);
      }
      expect(Array.from(wasm.arrays.out)).toEqual(Array.from(ts.arrays.out));
      expect(Array.from(wasm.arrays.rows)).toEqual(Array.from(ts.arrays.rows));
      expect(ts.arrays.rows.every(Number.isFinite)).toBe(true);
      expect(ts.arrays.out.every(Number.isFinite)).toBe(true);
    }
  });
});
