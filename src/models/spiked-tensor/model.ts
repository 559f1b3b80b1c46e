import type { Rng } from "../../core/rng.js";
import { dot, norm2 } from "../../core/vector.js";
import type { Model } from "../model.js";
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

/**
 * Spiked tensor PCA `Y = lambda v^{⊗k} + W` with i.i.d. N(0,1) entries of W and loss `|Y - x^{⊗k}|^2`.
 *
 * Never forms the N^k tensor: the stochastic gradient
 * `grad L = -2k lambda m^{k-1} v - 2 g + 2k R2^{k-1} x` uses the exact Gaussian law of
 * `g = grad_x <W, x^{⊗k}>`, drawn as `sqrt(k) R^{k-1} z + sqrt(k(k-1)) R^{k-2} zeta x` (z ~ N(0, I_N),
 * then zeta ~ N(0,1), in that order). Exact in law at every N.
 *
 * @param params k, N, snr
 * @param signal the unit spike v (length N)
 * @example const model = spikedTensorModel({ k: 2, N: 100, snr: 1.2 }, v)
 * Reference: Ben Arous, Gheissari, Jagannath (2022), §2; science/01 §2.
 */
export function spikedTensorModel(params: SpikedTensorParams, signal: Float64Array): Model {
  const { k, N, snr } = params;
  const coef = new Float64Array(3);
  const z = new Float64Array(N);
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
      let m = 0;
      let r2 = 0;
      for (let i = 0; i < N; i++) {
        m += x[i] * signal[i];
        r2 += x[i] * x[i];
      }
      rng.fillNormal(z);
      stepCoefficients(k, snr, lr, m, r2, rng.normal(), coef);
      const a = coef[0];
      const b = coef[1];
      const c = coef[2];
      for (let i = 0; i < N; i++) x[i] = a * x[i] + b * signal[i] + c * z[i];
    },
  };
}
