import { type Kernels, kernelWorkspace } from "../../kernels/index.js";
import { gradientScale, type QuadraticArch } from "./arch.js";
import type { GdData } from "./data.js";
import { gram, lowerCholesky, lowerTimes, lowerTransposeTimes, symmetricTimes } from "./sample-algebra.js";

/**
 * Exact full-batch GD on `f(x) = c |Uᵀx|^2` carried out in the span of the data: the gradient
 * `g Xᵀ (e ∘ P)` lies in the row space of X, so with `P = X U` (n × width) and `U_t = U_0 + Xᵀ K_t`,
 *
 * `P' = P - lr g C (e ∘ P)`, `K' = K - lr g (e ∘ P)`, `C = X Xᵀ`
 *
 * gives the same iterates as GD on U (a reformulation, not an approximation; tested against
 * {@link fullModel} step by step). Cost per step O(n^2 width), O(n width) for orthonormal rows (C = I),
 * against O(n d width) in parameter space. The step's `C G` product runs as a wasm kernel on the
 * workspace's P, G and C (the same sums, in the same order, as the TS loop).
 *
 * The Hessian `∇²L = Aᵀ M A` (A: V -> XV, M the sample-space operator
 * `M[Q] = g (df ∘ P + e ∘ Q)`, `df_i = 2c sum_j P_ij Q_ij`) has the non-zero spectrum of `Lᵀ M L`,
 * `C = L Lᵀ` (semidefinite Cholesky): the sharpness is computed there.
 *
 * @example const gd = new SpanGd(data, arch, U0); gd.evaluate(f); gd.step(lr);
 */
export class SpanGd {
  readonly n: number;
  readonly width: number;
  /** Predictions on the sample rows, `P = X U` (n × width, row-major). */
  readonly P: Float64Array;
  /** Coefficients of the moved part, `U = U_0 + Xᵀ K`. */
  readonly K: Float64Array;
  /** Residuals `e = f - y` of the last {@link SpanGd.evaluate}. */
  readonly e: Float64Array;
  private readonly C: Float64Array | null;
  private readonly L: Float64Array | null;
  private readonly G: Float64Array;
  private readonly buf: Float64Array;
  private readonly g: number;
  private readonly kernels: Kernels;

  constructor(
    readonly data: GdData,
    readonly arch: QuadraticArch,
    readonly U0: Float64Array,
  ) {
    const { n, d, X } = data;
    const w = arch.width;
    this.n = n;
    this.width = w;
    this.g = gradientScale(arch, n);
    const gramMatrix = gram(X, n, d);
    const orthonormal = gramMatrix.every((v, idx) => Math.abs(v - (idx % (n + 1) === 0 ? 1 : 0)) < 1e-12);
    const nw = n * w;
    const ws = kernelWorkspace({ P: nw, K: nw, e: n, G: nw, buf: nw, C: orthonormal ? 0 : n * n });
    this.kernels = ws.kernels;
    ({ P: this.P, K: this.K, e: this.e, G: this.G, buf: this.buf } = ws.arrays);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < d; k++)
        for (let j = 0; j < w; j++) this.P[i * w + j] += X[i * d + k] * U0[k * w + j];
    ws.arrays.C.set(orthonormal ? [] : gramMatrix);
    this.C = orthonormal ? null : ws.arrays.C;
    this.L = orthonormal ? null : lowerCholesky(gramMatrix, n);
  }

  /** Predictions `f_i = c |P_i|^2` into `f`, residuals into `e`; returns the loss. */
  evaluate(f: Float64Array): number {
    const { n, width: w, P, e } = this;
    const y = this.data.y;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < w; j++) s += P[i * w + j] * P[i * w + j];
      f[i] = this.arch.c * s;
      e[i] = f[i] - y[i];
      loss += e[i] * e[i];
    }
    return (this.arch.lossFactor * loss) / n;
  }

  /** One GD step with the residuals of the last {@link SpanGd.evaluate}. */
  step(lr: number): void {
    const { n, width: w, P, K, G, e } = this;
    const s = lr * this.g;
    for (let i = 0; i < n; i++) for (let j = 0; j < w; j++) G[i * w + j] = s * e[i] * P[i * w + j];
    for (let k = 0; k < G.length; k++) K[k] -= G[k];
    if (this.C === null) for (let k = 0; k < G.length; k++) P[k] -= G[k];
    else this.kernels.matmulAdd(this.C, G, P, n, n, w, -1);
  }

  /** `out = M[Q]`, the sample-space Hessian operator at the current P and e. */
  applyM(Q: Float64Array, out: Float64Array): void {
    const { n, width: w, P, e } = this;
    const c2 = 2 * this.arch.c;
    for (let i = 0; i < n; i++) {
      let df = 0;
      for (let j = 0; j < w; j++) df += P[i * w + j] * Q[i * w + j];
      df *= c2;
      for (let j = 0; j < w; j++) out[i * w + j] = this.g * (df * P[i * w + j] + e[i] * Q[i * w + j]);
    }
  }

  /** `out = Lᵀ M L Q`: symmetric, with the non-zero Hessian spectrum (for the sharpness). */
  applySymmetricHessian(Q: Float64Array, out: Float64Array): void {
    if (this.L === null) {
      this.applyM(Q, out);
      return;
    }
    lowerTimes(this.L, Q, this.n, this.width, this.buf);
    this.applyM(this.buf, out);
    lowerTransposeTimes(this.L, out, this.n, this.width, this.buf);
    out.set(this.buf);
  }

  /** Tangent map of GD on sample-space coordinates `Q = X V`: `Q <- Q - lr C M Q`. */
  applyTangent(Q: Float64Array, lr: number): void {
    this.applyM(Q, this.buf);
    if (this.C === null) for (let k = 0; k < Q.length; k++) Q[k] -= lr * this.buf[k];
    else symmetricTimes(this.C, this.buf, this.n, this.width, Q, -lr);
  }

  /** The parameters `U = U_0 + Xᵀ K` (d × width) into `U`. */
  parameters(U: Float64Array): void {
    const { n, d, X } = this.data;
    const w = this.width;
    U.set(this.U0);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < d; k++) {
        const x = X[i * d + k];
        for (let j = 0; j < w; j++) U[k * w + j] += x * this.K[i * w + j];
      }
  }
}
