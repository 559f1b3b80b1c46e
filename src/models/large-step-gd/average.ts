import type { GdData } from "./data.js";
import type { SpanGd } from "./span-gd.js";

/**
 * Running average of the predictor matrix `A_t = c U_t U_tᵀ` along a trajectory (science/04 §3: average
 * `U Uᵀ`, not U, because of the `u -> -u` symmetry), kept in sample space: with `U_t = U_0 + Xᵀ K_t`,
 *
 * `mean A = c [U_0 U_0ᵀ + U_0 Kbarᵀ X + Xᵀ Kbar U_0ᵀ + Xᵀ Sbar X]`, `Kbar = mean K_t`, `Sbar = mean K_t K_tᵀ`,
 *
 * so a step costs O(n^2 width) instead of O(d^2 width).
 */
export class PredictorAverage {
  private count = 0;
  private readonly sumK: Float64Array;
  private readonly sumS: Float64Array;

  constructor(private readonly gd: SpanGd) {
    this.sumK = new Float64Array(gd.n * gd.width);
    this.sumS = new Float64Array(gd.n * gd.n);
  }

  /** Add the current iterate. */
  add(): void {
    const { n, width: w, K } = this.gd;
    this.count++;
    for (let k = 0; k < K.length; k++) this.sumK[k] += K[k];
    for (let i = 0; i < n; i++)
      for (let l = i; l < n; l++) {
        let s = 0;
        for (let j = 0; j < w; j++) s += K[i * w + j] * K[l * w + j];
        this.sumS[i * n + l] += s;
      }
  }

  /** The averaged predictor matrix (d × d) into `A`. */
  matrix(data: GdData, A: Float64Array): void {
    const { d, n, X } = data;
    const { width: w, U0 } = this.gd;
    const c = this.gd.arch.c;
    const T = this.count;
    // B = U0 Kbarᵀ (d × n) and S = Sbar (n × n, symmetric from its upper triangle).
    const B = new Float64Array(d * n);
    for (let k = 0; k < d; k++)
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < w; j++) s += U0[k * w + j] * this.sumK[i * w + j];
        B[k * n + i] = s / T;
      }
    const XtS = new Float64Array(d * n);
    for (let k = 0; k < d; k++)
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let l = 0; l < n; l++) s += X[l * d + k] * this.sumS[Math.min(l, i) * n + Math.max(l, i)];
        XtS[k * n + i] = s / T;
      }
    for (let k = 0; k < d; k++)
      for (let m = k; m < d; m++) {
        let s = 0;
        for (let j = 0; j < w; j++) s += U0[k * w + j] * U0[m * w + j];
        for (let i = 0; i < n; i++)
          s += B[k * n + i] * X[i * d + m] + B[m * n + i] * X[i * d + k] + XtS[k * n + i] * X[i * d + m];
        A[k * d + m] = c * s;
        A[m * d + k] = c * s;
      }
  }
}
