import { normalCdf } from "../../core/stats.js";
import {
  erfI3Row,
  erfI4Pair,
  erfI4WorkLength,
  type KernelWorkspace,
  kernelBackend,
  kernelWorkspace,
} from "../../kernels/index.js";
import { type CommitteeIntegrals, withSums } from "./integrals.js";

const twoOverPi = 2 / Math.PI;
const fourOverPi2 = 4 / (Math.PI * Math.PI);
const sqrtTwoOverPi = Math.sqrt(2 / Math.PI);

/**
 * Closed-form averages for `g(x) = erf(x/√2) = 2Φ(x) − 1`, `g'(x) = √(2/π) e^{−x²/2}` (science/06 §4.1;
 * Saad & Solla 1995). With `C̄_aa = 1 + C_aa`:
 *
 * $$ I_2 = \tfrac2\pi \arcsin\frac{C_{12}}{\sqrt{\bar C_{11}\bar C_{22}}},\quad
 *    J_2 = \tfrac2\pi (\bar C_{11}\bar C_{22} - C_{12}^2)^{-1/2},\quad
 *    I_3 = \tfrac2\pi \frac{C_{23}\bar C_{11} - C_{12}C_{13}}{\bar C_{11}\sqrt{\bar C_{11}\bar C_{33} - C_{13}^2}},\quad
 *    I_4 = \tfrac4{\pi^2} \Lambda_4^{-1/2} \arcsin\frac{\Lambda_0}{\sqrt{\Lambda_1\Lambda_2}}. $$
 *
 * All stay finite on singular covariances (identical fields): the off-diagonal entry of a field with
 * itself is its plain variance, never `1 +` it. `i4Sum` (src/kernels/erf-i4.ts) computes `Λ1` and its
 * square root once per field of a row (a, b), so a row costs one arcsine per pair (c <= e); `i4Block`
 * does every student pair in the wasm kernel `erfI4Block`, two arcsines at a time (the same doubles).
 *
 * @example erfIntegrals.g(0.7) // 0.5160726...
 */
export const erfIntegrals: CommitteeIntegrals = withSums(
  {
    activation: "erf",
    g: (x) => 2 * normalCdf(x) - 1,
    dg: (x) => sqrtTwoOverPi * Math.exp(-0.5 * x * x),
    i2(C, n, a, b) {
      return twoOverPi * Math.asin(C[a * n + b] / Math.sqrt((1 + C[a * n + a]) * (1 + C[b * n + b])));
    },
    j2(C, n, a, b) {
      const c12 = C[a * n + b];
      return twoOverPi / Math.sqrt((1 + C[a * n + a]) * (1 + C[b * n + b]) - c12 * c12);
    },
    i3(C, n, a, b, c) {
      const c11 = 1 + C[a * n + a];
      const c13 = C[a * n + c];
      const l3 = c11 * (1 + C[c * n + c]) - c13 * c13;
      return (twoOverPi * (C[b * n + c] * c11 - C[a * n + b] * c13)) / (c11 * Math.sqrt(l3));
    },
    i4(C, n, a, b, c, e) {
      const c11 = 1 + C[a * n + a];
      const c22 = 1 + C[b * n + b];
      const c12 = C[a * n + b];
      const l4 = c11 * c22 - c12 * c12;
      const [c13, c14, c23, c24] = [C[a * n + c], C[a * n + e], C[b * n + c], C[b * n + e]];
      const l0 = l4 * C[c * n + e] - c23 * c24 * c11 - c13 * c14 * c22 + c12 * c13 * c24 + c12 * c14 * c23;
      const l1 = l4 * (1 + C[c * n + c]) - c23 * c23 * c11 - c13 * c13 * c22 + 2 * c12 * c13 * c23;
      const l2 = l4 * (1 + C[e * n + e]) - c24 * c24 * c11 - c14 * c14 * c22 + 2 * c12 * c14 * c24;
      return (fourOverPi2 * Math.asin(l0 / Math.sqrt(l1 * l2))) / Math.sqrt(l4);
    },
  },
  {
    i3Sum(C, n, a, b, u) {
      const c11 = 1 + C[a * n + a];
      const c12 = C[a * n + b];
      let s = 0;
      for (let c = 0; c < n; c++) {
        const c13 = C[a * n + c];
        s += (u[c] * (C[b * n + c] * c11 - c12 * c13)) / Math.sqrt(c11 * (1 + C[c * n + c]) - c13 * c13);
      }
      return (twoOverPi * s) / c11;
    },
    i4Sum(C, n, a, b, u) {
      if (pairWork.length < erfI4WorkLength(n)) pairWork = new Float64Array(erfI4WorkLength(n));
      return erfI4Pair(C, n, a, b, u, pairWork);
    },
    i3Row(C, n, a, u, out) {
      if (rs.length < n) rs = new Float64Array(n);
      erfI3Row(C, n, a, u, out, rs);
    },
    i3Block: erfI3Block,
    i4Block: erfI4Block,
  },
);

// Scratch for erfI3Row and i4Sum (grown on demand; the ODE calls them with one size).
let rs = new Float64Array(0);
let pairWork = new Float64Array(0);

type Scratch = KernelWorkspace<"C" | "u" | "out" | "rows" | "work">;
let cached: Scratch | null = null;

/** The kernel workspace for n fields and p students (made again when the sizes or the backend change). */
function scratch(n: number, p: number): Scratch {
  const c = cached;
  if (
    c &&
    c.arrays.u.length === n &&
    c.arrays.out.length === (p * (p + 1)) / 2 &&
    c.kernels.backend === kernelBackend()
  )
    return c;
  cached = kernelWorkspace({ C: n * n, u: n, out: (p * (p + 1)) / 2, rows: p * n, work: erfI4WorkLength(n) });
  return cached;
}

/** The workspace for (n, p) with C and u copied into the kernels' memory. */
function withInputs(C: Float64Array, n: number, p: number, u: Float64Array): Scratch {
  const ws = scratch(n, p);
  ws.arrays.C.set(C.subarray(0, n * n));
  ws.arrays.u.set(u.subarray(0, n));
  return ws;
}

/** Every student's I3 row at once: one `erfI3Block` call. */
function erfI3Block(C: Float64Array, n: number, p: number, u: Float64Array, rows: Float64Array): void {
  const { kernels: k, arrays: a } = withInputs(C, n, p, u);
  k.erfI3Block(a.C, n, p, a.u, a.rows, a.work);
  rows.set(a.rows);
}

/** Every student pair's I4 sum at once: one `erfI4Block` call. */
function erfI4Block(C: Float64Array, n: number, p: number, u: Float64Array, out: Float64Array): void {
  const { kernels: k, arrays: a } = withInputs(C, n, p, u);
  k.erfI4Block(a.C, n, p, a.u, a.out, a.work);
  out.set(a.out);
}
