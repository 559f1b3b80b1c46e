import type { OdeProblem } from "./types.js";

// Dormand–Prince 5(4) tableau (Hairer, Nørsett & Wanner, Solving ODEs I, Table II.5.2; dopri5.f).
const c2 = 1 / 5;
const c3 = 3 / 10;
const c4 = 4 / 5;
const c5 = 8 / 9;
const a21 = 1 / 5;
const a31 = 3 / 40;
const a32 = 9 / 40;
const a41 = 44 / 45;
const a42 = -56 / 15;
const a43 = 32 / 9;
const a51 = 19372 / 6561;
const a52 = -25360 / 2187;
const a53 = 64448 / 6561;
const a54 = -212 / 729;
const a61 = 9017 / 3168;
const a62 = -355 / 33;
const a63 = 46732 / 5247;
const a64 = 49 / 176;
const a65 = -5103 / 18656;
const a71 = 35 / 384;
const a73 = 500 / 1113;
const a74 = 125 / 192;
const a75 = -2187 / 6784;
const a76 = 11 / 84;
// e = b(5th order) - b(4th order, embedded)
const e1 = 71 / 57600;
const e3 = -71 / 16695;
const e4 = 71 / 1920;
const e5 = -17253 / 339200;
const e6 = 22 / 525;
const e7 = -1 / 40;
// Shampine's continuous extension of order 4 (dopri5.f, CONTD5)
const d1 = -12715105075 / 11282082432;
const d3 = 87487479700 / 32700410799;
const d4 = -10690763975 / 1880347072;
const d5 = 701980252875 / 199316789632;
const d6 = -1453857185 / 822651844;
const d7 = 69997945 / 29380423;

/**
 * The preallocated stage arrays of Dormand–Prince 5(4) and the kernels that use them.
 *
 * `k1` must hold $f(t, y)$ before `stages`; `k7` holds $f(t + h, y_1)$ after `errorNorm` (first same as
 * last: it is the next step's `k1`, and `swapFsal` exchanges the two without copying).
 */
export interface Dopri5Work {
  k1: Float64Array;
  k7: Float64Array;
  /** Stages 2–6 and the fifth-order solution $y_1 = y + h \sum_j b_j k_j$ (5 `rhs` calls). */
  stages(t: number, h: number, y: Float64Array, y1: Float64Array): void;
  /** Evaluates `k7` $= f(t+h, y_1)$ (1 `rhs` call) and returns the RMS error norm of the embedded pair. */
  errorNorm(t: number, h: number, y: Float64Array, y1: Float64Array, atol: number, rtol: number): number;
  /** Builds the continuous-extension coefficients of the step just taken (before `swapFsal`). */
  prepareDense(h: number, y: Float64Array, y1: Float64Array): void;
  /** The dense output at $t + \theta h$, $\theta \in [0, 1]$, written into `out`. */
  dense(theta: number, y: Float64Array, out: Float64Array): void;
  swapFsal(): void;
}

/**
 * Allocate the work arrays of Dormand–Prince 5(4) once for a problem of dimension `dim`.
 *
 * Error norm: $\mathrm{err} = \big(\tfrac1n \sum_i (\hat e_i / s_i)^2\big)^{1/2}$ with
 * $\hat e = h \sum_j e_j k_j$ and $s_i = \mathrm{atol} + \mathrm{rtol}\max(|y_i|, |y_{1,i}|)$.
 * Dense output: $u(\theta) = y + \theta\big(r_2 + (1-\theta)(r_3 + \theta(r_4 + (1-\theta) r_5))\big)$.
 *
 * @example const w = createDopri5Work(problem, problem.dim);
 *
 * Reference: Hairer, Nørsett & Wanner, Solving ODEs I (1993), sec. II.4 (error norm), II.5 (tableau),
 * II.6 (dense output, eq. 6.12 ff.); L. F. Shampine, Math. Comp. 46 (1986) 135–150.
 */
export function createDopri5Work(problem: OdeProblem, dim: number): Dopri5Work {
  let k1 = new Float64Array(dim);
  const k2 = new Float64Array(dim);
  const k3 = new Float64Array(dim);
  const k4 = new Float64Array(dim);
  const k5 = new Float64Array(dim);
  const k6 = new Float64Array(dim);
  let k7 = new Float64Array(dim);
  const tmp = new Float64Array(dim);
  const r2 = new Float64Array(dim);
  const r3 = new Float64Array(dim);
  const r4 = new Float64Array(dim);
  const r5 = new Float64Array(dim);
  return {
    get k1() {
      return k1;
    },
    get k7() {
      return k7;
    },
    stages(t, h, y, y1) {
      for (let i = 0; i < dim; i++) tmp[i] = y[i] + h * a21 * k1[i];
      problem.rhs(t + c2 * h, tmp, k2);
      for (let i = 0; i < dim; i++) tmp[i] = y[i] + h * (a31 * k1[i] + a32 * k2[i]);
      problem.rhs(t + c3 * h, tmp, k3);
      for (let i = 0; i < dim; i++) tmp[i] = y[i] + h * (a41 * k1[i] + a42 * k2[i] + a43 * k3[i]);
      problem.rhs(t + c4 * h, tmp, k4);
      for (let i = 0; i < dim; i++) {
        tmp[i] = y[i] + h * (a51 * k1[i] + a52 * k2[i] + a53 * k3[i] + a54 * k4[i]);
      }
      problem.rhs(t + c5 * h, tmp, k5);
      for (let i = 0; i < dim; i++) {
        tmp[i] = y[i] + h * (a61 * k1[i] + a62 * k2[i] + a63 * k3[i] + a64 * k4[i] + a65 * k5[i]);
      }
      problem.rhs(t + h, tmp, k6);
      for (let i = 0; i < dim; i++) {
        y1[i] = y[i] + h * (a71 * k1[i] + a73 * k3[i] + a74 * k4[i] + a75 * k5[i] + a76 * k6[i]);
      }
    },
    errorNorm(t, h, y, y1, atol, rtol) {
      problem.rhs(t + h, y1, k7);
      let sum = 0;
      for (let i = 0; i < dim; i++) {
        const e = h * (e1 * k1[i] + e3 * k3[i] + e4 * k4[i] + e5 * k5[i] + e6 * k6[i] + e7 * k7[i]);
        const s = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
        sum += (e / s) * (e / s);
      }
      return Math.sqrt(sum / dim);
    },
    prepareDense(h, y, y1) {
      for (let i = 0; i < dim; i++) {
        const dy = y1[i] - y[i];
        const b = h * k1[i] - dy;
        r2[i] = dy;
        r3[i] = b;
        r4[i] = dy - h * k7[i] - b;
        r5[i] = h * (d1 * k1[i] + d3 * k3[i] + d4 * k4[i] + d5 * k5[i] + d6 * k6[i] + d7 * k7[i]);
      }
    },
    dense(theta, y, out) {
      const theta1 = 1 - theta;
      for (let i = 0; i < dim; i++) {
        out[i] = y[i] + theta * (r2[i] + theta1 * (r3[i] + theta * (r4[i] + theta1 * r5[i])));
      }
    },
    swapFsal() {
      const k = k1;
      k1 = k7;
      k7 = k;
    },
  };
}
