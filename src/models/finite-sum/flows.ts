import type { SdeProblem } from "../../theory/sde/index.js";
import type { FiniteSum } from "./finite-sum.js";
import { rowsFlowParts } from "./rows-flow.js";

/** The continuous-time models of SGD (science/05 §1). */
export const flowKinds = ["gf", "sme1", "sme2", "smf"] as const;
export type FlowKind = (typeof flowKinds)[number];

/**
 * A continuous-time model of SGD with learning rate `lr` on a finite sum, as an Itô SDE in t = lr × steps:
 *
 * - `gf`: $dX = -\nabla f\,dt$;
 * - `sme1`: $dX = -\nabla f\,dt + \sqrt{lr}\,\Sigma^{1/2} dB$;
 * - `sme2`: $dX = -(\nabla f + \tfrac{lr}{2}\nabla^2 f \nabla f)\,dt + \sqrt{lr}\,\Sigma^{1/2} dB$;
 * - `smf`: $dX = -(\nabla f + \tfrac{lr}{2}\nabla^2 f \nabla f)\,dt
 *   + \sqrt{lr/M} \sum_i (\nabla f_i - \nabla f)\,d\beta_i$ (one Brownian motion per data point).
 *
 * The SMF diffusion has M columns $\sqrt{lr/M}(\nabla f_i - \nabla f)$, whose product with their transpose is
 * $lr\,\Sigma$: no matrix square root. For SME in d > 1 the same columns are used (any factor G with
 * $G G^\top = lr\,\Sigma$ gives the same law of one trajectory, so one-point SME-2 and SMF coincide); in d = 1
 * SME uses the principal root, one column $\sqrt{lr\,\Sigma(x)}$, which is what makes SME with a shared
 * Brownian motion differ from SMF for multi-point statistics (science/05 §1, "Why SMF beats SME").
 * $\nabla^2 f \nabla f$ is the mean of the per-sample Hessian-vector products. The per-sample gradients of the
 * last point are kept, so a scheme that evaluates drift and diffusion at one point computes them once.
 * Least squares with its rows (`fs.data`) runs on the data matrix with the kernels ({@link rowsFlowParts}).
 *
 * @example const smf = finiteSumFlow(leastSquares(10, 50, 3), "smf", 0.05); // 10 x 50 diffusion
 *
 * Reference: Gess, Kassing, Konarovskyi, arXiv 2302.07125, eq. (1.4) and §2; Li, Tai, E, arXiv 1511.06251.
 */
export function finiteSumFlow(fs: FiniteSum, kind: FlowKind, lr: number): SdeProblem {
  const d = fs.dim;
  const M = fs.count;
  const grads = new Float64Array(M * d);
  const mean = new Float64Array(d);
  const hv = new Float64Array(d);
  const tmp = new Float64Array(d);
  const rootColumn = d === 1 && (kind === "sme1" || kind === "sme2");
  const last = new Float64Array(d).fill(Number.NaN);
  /** Per-sample gradients into `grads` and their mean into `mean` (kept when x is the last point). */
  const gradients = (x: Float64Array) => {
    let same = true;
    for (let k = 0; k < d && same; k++) same = x[k] === last[k];
    if (same) return;
    last.set(x);
    mean.fill(0);
    for (let i = 0; i < M; i++) {
      fs.gradient(i, x, tmp);
      for (let k = 0; k < d; k++) {
        grads[i * d + k] = tmp[k];
        mean[k] += tmp[k] / M;
      }
    }
  };
  const corrected = kind === "sme2" || kind === "smf";
  if (fs.data && !rootColumn) return rowsFlow(fs.data, kind, lr, corrected);
  return {
    dim: d,
    noise: kind === "gf" ? 0 : rootColumn ? 1 : M,
    structure: "general",
    drift(_t, x, out) {
      gradients(x);
      for (let k = 0; k < d; k++) out[k] = -mean[k];
      if (!corrected) return;
      hv.fill(0);
      for (let i = 0; i < M; i++) {
        fs.hvp(i, x, mean, tmp);
        for (let k = 0; k < d; k++) hv[k] += tmp[k] / M;
      }
      for (let k = 0; k < d; k++) out[k] -= (lr / 2) * hv[k];
    },
    diffusion(_t, x, out) {
      if (kind === "gf") return;
      gradients(x);
      if (rootColumn) {
        let s = 0;
        for (let i = 0; i < M; i++) s += (grads[i] - mean[0]) ** 2;
        out[0] = Math.sqrt((lr * s) / M);
        return;
      }
      const scale = Math.sqrt(lr / M);
      for (let i = 0; i < M; i++)
        for (let k = 0; k < d; k++) out[i * d + k] = scale * (grads[i * d + k] - mean[k]);
    },
  };
}

/** The flow of a least-squares sum from its rows (d > 1, or the column diffusion of SMF). */
function rowsFlow(
  data: NonNullable<FiniteSum["data"]>,
  kind: FlowKind,
  lr: number,
  corrected: boolean,
): SdeProblem {
  const parts = rowsFlowParts(data, lr, corrected);
  return {
    dim: data.a.length / data.y.length,
    noise: kind === "gf" ? 0 : data.y.length,
    structure: "general",
    drift: (_t, x, out) => parts.drift(x, out),
    diffusion: (_t, x, out) => {
      if (kind !== "gf") parts.diffusion(x, out);
    },
    diffusionTimes: (_t, x, w, out) => {
      if (kind !== "gf") parts.diffusionTimes(x, w, out);
    },
  };
}
