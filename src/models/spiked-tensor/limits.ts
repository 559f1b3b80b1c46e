import type { OdeProblem } from "../../theory/ode/types.js";

/** Parameters the limits depend on: tensor order, signal strength and the step constant. */
export interface SpikedLimitParams {
  k: number;
  snr: number;
  cDelta: number;
}

/**
 * The ballistic ODE of `(m, rPerp2)` in effective time `t = steps × cDelta / N`:
 *
 * $$ m' = 2m(\lambda k m^{k-2} - k R_2^{k-1}),\qquad
 *    r_\perp^{2\,\prime} = -4 k R_2^{k-1} (r_\perp^2 - c_\delta),\qquad R_2 = m^2 + r_\perp^2. $$
 *
 * With `corrector: false` the `- cDelta` term is dropped: population gradient flow, the limit when the
 * step is o(1/N).
 *
 * @example solveOde(spikedOde({ k: 2, snr: 1.2, cDelta: 0.5 }, true, [0.3, 1]), "dopri5", [0, 10])
 * Reference: Ben Arous, Gheissari, Jagannath (2022), Prop. 2.x; science/01 §2.
 */
export function spikedOde(p: SpikedLimitParams, corrector: boolean, y0: [number, number]): OdeProblem {
  const { k, snr } = p;
  const c = corrector ? p.cDelta : 0;
  return {
    dim: 2,
    y0,
    rhs(_t, y, dy) {
      const m = y[0];
      const r2k1 = (m * m + y[1]) ** (k - 1);
      dy[0] = 2 * m * (snr * k * m ** (k - 2) - k * r2k1);
      dy[1] = -4 * k * r2k1 * (y[1] - c);
    },
  };
}

/**
 * Mean square of `u = sqrt(N) m` near the equator for k = 2, jointly with `rPerp2`:
 *
 * $$ S' = 8(\lambda - r_\perp^2) S + 8 c_\delta r_\perp^2,\qquad r_\perp^{2\,\prime} = -8 r_\perp^2 (r_\perp^2 - c_\delta). $$
 *
 * This is the second-moment equation of `du = 4(lambda - R2) u dt + sqrt(8 cDelta R2) dB`, the linear
 * SDE of `sqrt(N) m` while `m = O(N^{-1/2})` (so `R2 ≈ rPerp2`). Once `rPerp2` has relaxed to cDelta it is
 * the Ornstein–Uhlenbeck law of science/01 §2, `du = 4(lambda - cDelta) u dt + sqrt(8) cDelta dB`, whose
 * stationary mean square is `cDelta^2 / (cDelta - lambda)` below threshold. The law is Gaussian with mean
 * zero from a random start, so `E|m| = sqrt(2 S / (pi N))`.
 *
 * With a finite `N`, adds the O(1/N) terms that the limit drops: `R2 = r + u^2/N` in the drift
 * (`-8 E[u^4]/N = -24 S^2/N`, Gaussian closure) and in the per-step variance of m, `8 cDelta (R2 + m^2)`
 * (`+16 cDelta S/N`). The difference of the two solutions is the leading finite-N bias of `E[N m^2]`
 * (stationary: `S (2 cDelta - 3 S) / ((cDelta - lambda) N)`), used for agreement tolerances.
 *
 * @param y0 `[S(0), rPerp2(0)]`, e.g. `[1, 1]` for a random start x0 ~ N(0, I/N)
 * @param N dimension for the finite-N terms (default: the limit, N = infinity)
 */
export function spikedDiffusive(
  p: SpikedLimitParams,
  y0: [number, number],
  N = Number.POSITIVE_INFINITY,
): OdeProblem {
  const { snr, cDelta } = p;
  return {
    dim: 2,
    y0,
    rhs(_t, y, dy) {
      const [S, r] = y;
      dy[0] = 8 * (snr - r) * S + 8 * cDelta * r + (16 * cDelta * S - 24 * S * S) / N;
      dy[1] = -8 * r * (r - cDelta);
    },
  };
}

/**
 * Critical signal strength above which the ballistic ODE has a stable non-zero fixed point:
 * `cDelta` for k = 2, and for k >= 3
 * `cDelta^{k/2} ((2k-2)/k)^{k-1} (k/(k-2))^{(k-2)/2}`, the minimum over m > 0 of
 * `(cDelta + m^2)^{k-1} / m^{k-2}`, attained at `m_c^2 = cDelta (k-2)/k`.
 *
 * @example lambdaCritical(3, 1) // 3.0792...
 */
export function lambdaCritical(k: number, cDelta: number): number {
  if (k === 2) return cDelta;
  return cDelta ** (k / 2) * ((2 * k - 2) / k) ** (k - 1) * (k / (k - 2)) ** ((k - 2) / 2);
}

/** Fixed points and thresholds of the ballistic ODE (science/01 §2). Absent fields do not exist. */
export interface SpikedFixedPoints {
  lambdaC: number;
  rPerp2Star: number;
  /** Stable non-zero overlap. */
  mStar?: number;
  /** Unstable non-zero overlap (k >= 3): the barrier between the equator and mStar. */
  mDagger?: number;
  /** Stationary `E[N m^2]` of the equator OU law (k = 2, snr < cDelta). */
  stationaryNm2?: number;
}

/**
 * Non-trivial fixed points of the ballistic ODE: all have `rPerp2 = cDelta`; for k = 2,
 * `mStar^2 = snr - cDelta` above threshold; for k >= 3 the roots of `snr m^{k-2} = (cDelta + m^2)^{k-1}`
 * on either side of `m_c`, found by bisection on the log of the two sides (monotone on each side).
 *
 * @example spikedFixedPoints({ k: 3, snr: 4, cDelta: 1 }).mStar // 1
 */
export function spikedFixedPoints(p: SpikedLimitParams): SpikedFixedPoints {
  const { k, snr, cDelta } = p;
  const lambdaC = lambdaCritical(k, cDelta);
  const out: SpikedFixedPoints = { lambdaC, rPerp2Star: cDelta };
  if (k === 2) {
    if (snr > cDelta) out.mStar = Math.sqrt(snr - cDelta);
    else if (snr < cDelta) out.stationaryNm2 = (cDelta * cDelta) / (cDelta - snr);
    return out;
  }
  if (snr < lambdaC) return out;
  // h(m) = log(snr m^{k-2}) - log((cDelta + m^2)^{k-1}) increases on (0, m_c) and decreases after.
  const h = (m: number) => Math.log(snr) + (k - 2) * Math.log(m) - (k - 1) * Math.log(cDelta + m * m);
  const mc = Math.sqrt((cDelta * (k - 2)) / k);
  let hi = 2 * mc;
  while (h(hi) > 0) hi *= 2;
  out.mDagger = bisect(h, Number.MIN_VALUE, mc);
  out.mStar = bisect(h, mc, hi);
  return out;
}

/** Root of a function with a sign change on [a, b], to full double precision. */
function bisect(f: (x: number) => number, a: number, b: number): number {
  const fa = f(a);
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (a + b);
    if (mid === a || mid === b) break;
    if (f(mid) * fa > 0) a = mid;
    else b = mid;
  }
  return 0.5 * (a + b);
}
