import type { OdeProblem } from "../../theory/ode/types.js";
import type { SpikedLimitParams } from "./limits.js";

/**
 * The exact one-step moments of the SGD recursion for `u = (m, rPerp2)`, from the dimension-free law
 * (see {@link SpikedDimensionFree}) with `delta = cDelta / N`:
 *
 * - mean: `E[du] = delta F(u) + delta^2 G(u) + O(delta^3)`, F the ballistic drift and
 *   `G = (0, 4k^2 R2^{2k-2} r + 4k(k-1) R2^{k-2} r - 4k R2^{k-1})`;
 * - covariance: `Cov(du) = delta^2 D(u) + O(delta^3)` with
 *   `D_mm = 4k(k-1) R2^{k-2} m^2 + 4k R2^{k-1}`, `D_mr = 8k(k-1) R2^{k-2} m r`,
 *   `D_rr = 16k(k-1) R2^{k-2} r^2 + 16k R2^{k-1} r`.
 *
 * Writes `[F_m, F_r, G_m, G_r, D_mm, D_mr, D_rr]` into `out`.
 */
export function spikedStepMoments(p: SpikedLimitParams, m: number, r: number, out: Float64Array): void {
  const { k, snr, cDelta } = p;
  const r2 = m * m + r;
  const r2k2 = k === 2 ? 1 : r2 ** (k - 2);
  const r2k1 = r2k2 * r2;
  out[0] = 2 * k * snr * m ** (k - 1) - 2 * k * r2k1 * m;
  out[1] = -4 * k * r2k1 * (r - cDelta);
  out[2] = 0;
  out[3] = 4 * k * k * r2k1 * r2k1 * r + 4 * k * (k - 1) * r2k2 * r - 4 * k * r2k1;
  out[4] = 4 * k * (k - 1) * r2k2 * m * m + 4 * k * r2k1;
  out[5] = 8 * k * (k - 1) * r2k2 * m * r;
  out[6] = 16 * k * (k - 1) * r2k2 * r * r + 16 * k * r2k1 * r;
}

/**
 * First-order finite-N correction of the ballistic limit (linear-noise / van Kampen expansion):
 * `E[u(t)] = u_ode(t) + b(t)/N + O(N^{-2})` and `Cov(u(t)) = cDelta C(t)/N + O(N^{-2})`, where
 *
 * $$ C' = J C + C J^T + D,\qquad b' = J b + c_\delta\big(\tfrac12 H{:}C + G - \tfrac12 J F\big), $$
 *
 * J and H the Jacobian and Hessians of F along the ODE path. `½ H:C` is the curvature of the drift
 * against the O(1/N) spread, `G` the O(delta^2) part of the mean step, and `-½ J F` the difference between
 * one Euler step of size delta and the exact flow. State: `[m, r, C_mm, C_mr, C_rr, b_m, b_r]`.
 *
 * @param y0 initial `[m, r, C_mm, C_mr, C_rr, 0, 0]` (C = N Cov(u0) / cDelta; zero for a fixed start)
 * @example solveOde(spikedBiasProblem(p, [0.3, 1, 0, 0, 0, 0, 0]), "dopri5", t).y[5] // b_m(t)
 */
export function spikedBiasProblem(p: SpikedLimitParams, y0: number[]): OdeProblem {
  const mom = new Float64Array(7);
  const f = new Float64Array(2);
  const J = new Float64Array(4);
  const H = new Float64Array(6);
  const drift = (m: number, r: number, i: number) => {
    spikedStepMoments(p, m, r, mom);
    return mom[i];
  };
  return {
    dim: 7,
    y0,
    rhs(_t, y, dy) {
      const [m, r, cmm, cmr, crr, bm, br] = y;
      derivatives(drift, m, r, f, J, H);
      spikedStepMoments(p, m, r, mom);
      dy[0] = f[0];
      dy[1] = f[1];
      dy[2] = 2 * (J[0] * cmm + J[1] * cmr) + mom[4];
      dy[3] = J[0] * cmr + J[1] * crr + J[2] * cmm + J[3] * cmr + mom[5];
      dy[4] = 2 * (J[2] * cmr + J[3] * crr) + mom[6];
      for (let i = 0; i < 2; i++) {
        const curvature = 0.5 * (H[3 * i] * cmm + 2 * H[3 * i + 1] * cmr + H[3 * i + 2] * crr);
        const eulerGap = 0.5 * (J[2 * i] * f[0] + J[2 * i + 1] * f[1]);
        dy[5 + i] = J[2 * i] * bm + J[2 * i + 1] * br + p.cDelta * (curvature + mom[2 + i] - eulerGap);
      }
    },
  };
}

/**
 * Drift `f`, Jacobian `J` (row-major 2×2) and Hessians `H` (`[f0_mm, f0_mr, f0_rr, f1_mm, f1_mr, f1_rr]`)
 * by central differences with steps ~ eps^{1/3} and eps^{1/4}: accurate to ~1e-8 and ~1e-5 relative,
 * ample for an O(1/N) correction.
 */
function derivatives(
  drift: (m: number, r: number, i: number) => number,
  m: number,
  r: number,
  f: Float64Array,
  J: Float64Array,
  H: Float64Array,
): void {
  const h1 = 6e-6 * (1 + Math.abs(m) + Math.abs(r));
  const h2 = 1e-4 * (1 + Math.abs(m) + Math.abs(r));
  for (let i = 0; i < 2; i++) {
    const g = (a: number, b: number) => drift(a, b, i);
    const f0 = g(m, r);
    f[i] = f0;
    J[2 * i] = (g(m + h1, r) - g(m - h1, r)) / (2 * h1);
    J[2 * i + 1] = (g(m, r + h1) - g(m, r - h1)) / (2 * h1);
    H[3 * i] = (g(m + h2, r) - 2 * f0 + g(m - h2, r)) / (h2 * h2);
    H[3 * i + 1] =
      (g(m + h2, r + h2) - g(m + h2, r - h2) - g(m - h2, r + h2) + g(m - h2, r - h2)) / (4 * h2 * h2);
    H[3 * i + 2] = (g(m, r + h2) - 2 * f0 + g(m, r - h2)) / (h2 * h2);
  }
}
