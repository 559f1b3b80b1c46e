import type { Rng } from "../../core/rng.js";
import { dot, norm2 } from "../../core/vector.js";
import { kernelWorkspace, referenceKernels } from "../../kernels/index.js";
import type { Schedule } from "../../optimizers/schedule.js";
import type { Model } from "../../simulate/model.js";
import { stepCoefficients } from "./step.js";

/** Parameters of spiked tensor PCA (science/01 §2). */
export interface SpikedTensorParams {
  /** Tensor order, integer >= 2 (k = 2 is spiked matrix PCA). */
  k: number;
  /** Dimension. */
  N: number;
  /** Signal strength lambda. */
  snr: number;
}

/** Statistics of spiked tensor PCA, in the order every simulator writes them. */
export const spikedStatisticNames = ["m", "absM", "rPerp2", "Nm2"] as const;

/** Write `m, |m|, rPerp2, N m^2` into `out`. */
export function writeSpikedStatistics(m: number, rPerp2: number, N: number, out: Float64Array): void {
  out[0] = m;
  out[1] = Math.abs(m);
  out[2] = rPerp2;
  out[3] = N * m * m;
}

/** `[<x, v>, |x|^2]` in one pass. */
function overlapAndNorm(x: Float64Array, v: Float64Array): [number, number] {
  let m = 0;
  let r2 = 0;
  for (let i = 0; i < x.length; i++) {
    m += x[i] * v[i];
    r2 += x[i] * x[i];
  }
  return [m, r2];
}

/**
 * Spiked tensor PCA `Y = lambda v^{⊗k} + W` with i.i.d. N(0,1) entries of W and loss `|Y - x^{⊗k}|^2`.
 *
 * Never forms the N^k tensor: the stochastic gradient
 * `grad L = -2k lambda m^{k-1} v - 2 g + 2k R2^{k-1} x` uses the exact Gaussian law of
 * `g = grad_x <W, x^{⊗k}>`, drawn as `sqrt(k) R^{k-1} z + sqrt(k(k-1)) R^{k-2} zeta x` (z ~ N(0, I_N),
 * then zeta ~ N(0,1), in that order). Exact in law at every N. The fused steps on `parameters` (a vector
 * in the model's kernel workspace) run the wasm update `x <- A x + B v + C z` (which also returns
 * `<x, v>` and `|x|^2`, each as even plus odd entries); on any other vector the TS reference, with the
 * same numbers.
 *
 * @param params k, N, snr
 * @param signal the unit spike v (length N)
 * @example const model = spikedTensorModel({ k: 2, N: 100, snr: 1.2 }, v)
 * Reference: Ben Arous, Gheissari, Jagannath (2022), §2; science/01 §2.
 */
export function spikedTensorModel(
  params: SpikedTensorParams,
  signal: Float64Array,
): Model & { parameters: Float64Array } {
  const { k, N, snr } = params;
  const coef = new Float64Array(3);
  const { kernels, arrays } = kernelWorkspace({ parameters: N, v: N, z: N, sums: 2 });
  const { parameters, v, z, sums } = arrays;
  v.set(signal);
  return {
    name: "spiked-tensor",
    dim: N,
    statisticNames: spikedStatisticNames,
    sampleGradient(x, rng, out) {
      const m = dot(x, signal);
      const r2 = norm2(x);
      rng.fillNormal(out);
      const zeta = rng.normal();
      // grad = -(x' - x)/lr with unit lr: reuse the step coefficients so both paths share one formula.
      stepCoefficients(k, snr, 1, m, r2, zeta, coef);
      const a = coef[0] - 1;
      for (let i = 0; i < N; i++) out[i] = -(a * x[i] + coef[1] * signal[i] + coef[2] * out[i]);
    },
    populationLoss(x) {
      // E|lambda v^{⊗k} + W - x^{⊗k}|^2 = lambda^2 - 2 lambda m^k + R2^k + N^k.
      const m = dot(x, signal);
      return snr * snr - 2 * snr * m ** k + norm2(x) ** k + N ** k;
    },
    statistics(x, out) {
      const m = dot(x, signal);
      writeSpikedStatistics(m, Math.max(norm2(x) - m * m, 0), N, out);
    },
    sgdStep(x: Float64Array, lr: number, rng: Rng) {
      this.sgdSteps!(x, () => lr, rng, 0, 1);
    },
    parameters,
    sgdSteps(x: Float64Array, schedule: Schedule, rng: Rng, from: number, to: number) {
      // <x, v> and |x|^2 are accumulated in the update pass and carried to the next step.
      const kern = x === parameters ? kernels : referenceKernels;
      let [m, r2] = overlapAndNorm(x, signal);
      for (let l = from; l < to; l++) {
        rng.fillNormal(z);
        stepCoefficients(k, snr, schedule(l), m, r2, rng.normal(), coef);
        kern.affineStep(x, v, z, N, coef[0], coef[1], coef[2], sums);
        m = sums[0];
        r2 = sums[1];
      }
    },
  };
}
