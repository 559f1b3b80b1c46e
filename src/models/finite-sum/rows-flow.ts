import { kernelWorkspace } from "../../kernels/index.js";

/** What {@link rowsFlowParts} computes at a point: the drift and the M diffusion columns. */
export interface FlowParts {
  /** `out = -(∇f + (lr/2) ∇²f ∇f)` (without the correction unless `corrected`). */
  drift(x: Float64Array, out: Float64Array): void;
  /** `out[i d + k] = sqrt(lr/M) (∇f_i - ∇f)_k`: column i of the diffusion (column-major d × M). */
  diffusion(x: Float64Array, out: Float64Array): void;
  /** `out += G w` for the diffusion G above, without forming it (the same doubles as the columns, then G w). */
  diffusionTimes(x: Float64Array, w: Float64Array, out: Float64Array): void;
}

/**
 * The SMF / SME drift and diffusion of least squares, $f_i = \tfrac12 (a_i \cdot x - y_i)^2$, from the data
 * matrix with the kernels: residuals $r = A x - y$, $\nabla f = A^\top r / M$, $\nabla^2 f \nabla f =
 * A^\top (A \nabla f) / M$ and columns $\sqrt{lr/M}\,(a_i r_i - \nabla f)$: two matrix-vector products a
 * pass instead of 2M per-sample callbacks. The sums are the kernels' (8 partial sums along a row, rows
 * added in order), the same with wasm and with the TS reference. Residuals and $\nabla f$ are kept for the
 * last point, so a scheme that evaluates drift and diffusion at one point computes them once.
 *
 * @example rowsFlowParts(leastSquares(10, 50, 3).data, 0.05, true).drift(x, out)
 */
export function rowsFlowParts(
  data: { readonly a: Float64Array; readonly y: Float64Array },
  lr: number,
  corrected: boolean,
): FlowParts {
  const M = data.y.length;
  const d = data.a.length / M;
  const sizes = { a: M * d, x: d, r: M, mean: d, am: M, hv: d, w: M, out: d };
  const { kernels: k, arrays } = kernelWorkspace(sizes);
  const { a, r, mean, am, hv } = arrays;
  const scale = Math.sqrt(lr / M);
  a.set(data.a);
  const last = arrays.x.fill(Number.NaN);
  const gradients = (x: Float64Array) => {
    let same = true;
    for (let j = 0; j < d && same; j++) same = x[j] === last[j];
    if (same) return;
    last.set(x);
    k.gemv(a, last, r, M, d, 1);
    for (let i = 0; i < M; i++) r[i] -= data.y[i];
    k.gemvTransposed(a, r, mean, M, d, 1 / M);
  };
  return {
    drift(x, out) {
      gradients(x);
      for (let j = 0; j < d; j++) out[j] = -mean[j];
      if (!corrected) return;
      k.gemv(a, mean, am, M, d, 1);
      k.gemvTransposed(a, am, hv, M, d, 1 / M);
      for (let j = 0; j < d; j++) out[j] -= (lr / 2) * hv[j];
    },
    diffusion(x, out) {
      gradients(x);
      for (let i = 0; i < M; i++)
        for (let j = 0; j < d; j++) out[i * d + j] = scale * (a[i * d + j] * r[i] - mean[j]);
    },
    diffusionTimes(x, w, out) {
      gradients(x);
      arrays.w.set(w);
      arrays.out.set(out);
      k.diffusionTimes(a, r, mean, arrays.w, arrays.out, M, d, scale);
      out.set(arrays.out);
    },
  };
}
