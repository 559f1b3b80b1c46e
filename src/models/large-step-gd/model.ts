import { gradientScale, type QuadraticArch } from "./arch.js";
import type { GdData } from "./data.js";

/** The full-parameter-space model: loss, gradient and Hessian-vector product in U (d × width, row-major). */
export interface FullModel {
  readonly dim: number;
  /** Writes `∇L(U)` into `grad` and the predictions into `f`; returns `L(U)`. */
  gradient(U: Float64Array, grad: Float64Array, f: Float64Array): number;
  /** Writes `∇²L(U) V` into `out`. */
  hvp(U: Float64Array, V: Float64Array, out: Float64Array): void;
}

/**
 * The literal model in parameter space (the reference the fast {@link SpanGd} is tested against), for
 * `f(x) = c |Uᵀx|^2`, `L = (lossFactor/n) sum_i (f_i - y_i)^2`. With `P = X U`, `e = f - y`, `g = 4 c lossFactor / n`:
 *
 * `∇L = g Xᵀ (e ∘ P)`, and in a direction V with `Q = X V`, `df_i = 2c sum_j P_ij Q_ij`:
 * `∇²L[V] = g Xᵀ (df ∘ P + e ∘ Q)`.
 *
 * Phase retrieval (width 1, c = 1, lossFactor 1/4): `∇L = (1/n) sum (a^2 - y) a x`,
 * `∇²L = (1/n) sum (3a^2 - y) x xᵀ`.
 *
 * @example fullModel(data, { width: 1, c: 1, lossFactor: 0.25, map: "cubic" }).gradient(w, grad, f)
 */
export function fullModel(data: GdData, arch: QuadraticArch): FullModel {
  const { d, n, X, y } = data;
  const { width: w, c } = arch;
  const g = gradientScale(arch, n);
  const P = new Float64Array(n * w);
  const Q = new Float64Array(n * w);
  const e = new Float64Array(n);
  const forward = (U: Float64Array, out: Float64Array) => {
    out.fill(0);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < d; k++) {
        const x = X[i * d + k];
        for (let j = 0; j < w; j++) out[i * w + j] += x * U[k * w + j];
      }
  };
  const back = (M: Float64Array, out: Float64Array) => {
    out.fill(0);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < d; k++) {
        const x = g * X[i * d + k];
        for (let j = 0; j < w; j++) out[k * w + j] += x * M[i * w + j];
      }
  };
  const residuals = (f: Float64Array) => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < w; j++) s += P[i * w + j] * P[i * w + j];
      f[i] = c * s;
      e[i] = f[i] - y[i];
      loss += e[i] * e[i];
    }
    return (arch.lossFactor * loss) / n;
  };
  const f0 = new Float64Array(n);
  return {
    dim: d * w,
    gradient(U, grad, f) {
      forward(U, P);
      const loss = residuals(f);
      for (let i = 0; i < n; i++) for (let j = 0; j < w; j++) Q[i * w + j] = e[i] * P[i * w + j];
      back(Q, grad);
      return loss;
    },
    hvp(U, V, out) {
      forward(U, P);
      residuals(f0);
      forward(V, Q);
      for (let i = 0; i < n; i++) {
        let df = 0;
        for (let j = 0; j < w; j++) df += P[i * w + j] * Q[i * w + j];
        df *= 2 * c;
        for (let j = 0; j < w; j++) Q[i * w + j] = df * P[i * w + j] + e[i] * Q[i * w + j];
      }
      back(Q, out);
    },
  };
}
