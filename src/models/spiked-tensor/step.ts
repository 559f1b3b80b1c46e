import { pow } from "../../core/libm-pow.js";

/**
 * Coefficients of one online-SGD step on spiked tensor PCA, shared by the full and dimension-free
 * simulators so that both advance the same recursion.
 *
 * With the exact noise law of science/01 §2, `g = sqrt(k) R^{k-1} z + sqrt(k(k-1)) R^{k-2} zeta x`,
 * the step `x <- x - lr grad L(x; Y)` is
 *
 * $$ x' = A x + B v + C z,\quad A = 1 - 2 k\,lr R^{2(k-1)} + 2\,lr\sqrt{k(k-1)} R^{k-2}\zeta,\quad
 *    B = 2 k \lambda\, lr\, m^{k-1},\quad C = 2\,lr\sqrt{k} R^{k-1}. $$
 *
 * @param k tensor order (integer >= 2)
 * @param snr the signal strength lambda
 * @param lr step size delta = cDelta / N
 * @param m overlap `<x, v>` before the step
 * @param r2 squared norm `|x|^2` before the step
 * @param zeta the scalar N(0,1) draw of the rank-one part of the noise
 * @param out receives `[A, B, C]`
 * The powers go through the deterministic `pow` of `src/core/libm-pow.ts` (equal to Node 20's `**`), not
 * the engine's `**`, so that a simulation is the same number in Node and in a browser for every k.
 *
 * @example stepCoefficients(2, 1.2, 0.5 / 2000, 0.3, 1.09, 0.1, out)
 */
export function stepCoefficients(
  k: number,
  snr: number,
  lr: number,
  m: number,
  r2: number,
  zeta: number,
  out: Float64Array,
): void {
  const r = Math.sqrt(r2);
  const rkm2 = k === 2 ? 1 : pow(r, k - 2);
  const rkm1 = rkm2 * r;
  out[0] = 1 - 2 * k * lr * rkm1 * rkm1 + 2 * lr * Math.sqrt(k * (k - 1)) * rkm2 * zeta;
  out[1] = 2 * k * snr * lr * (k === 2 ? m : pow(m, k - 1));
  out[2] = 2 * lr * Math.sqrt(k) * rkm1;
}
