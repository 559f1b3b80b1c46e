import { normalCdf } from "../../core/stats.js";
import type { GapModel } from "../../experiment/agreement.js";
import { solveOde } from "../../theory/ode/solve.js";
import { spikedBiasProblem } from "./correction.js";
import { spikedDiffusive } from "./limits.js";
import type { SpikedTensorSpec } from "./spec.js";

/** Safety factor on the leading O(1/N) bias, covering the O(1/N^2) remainder (see the model README). */
export const biasSafety = 2;

/** Running maximum of `biasSafety × |x| / N`, so a bias that crosses zero never makes the bound vanish. */
function bound(values: ArrayLike<number>, N: number): number[] {
  let max = 0;
  return Array.from(values, (v) => {
    max = Math.max(max, (biasSafety * Math.abs(v)) / N);
    return max;
  });
}

/**
 * `E|X| - |mu|` for X ~ N(mu, sigma^2): `sigma sqrt(2/pi) e^{-mu^2/2sigma^2} - 2|mu| Phi(-|mu|/sigma)`.
 * The mean of `|m|` exceeds `|m_ode|` by this much when m fluctuates around a small m_ode (exponentially
 * small once `|m_ode| >> sigma = O(N^{-1/2})`).
 */
function foldedGap(mu: number, sigma: number): number {
  if (sigma === 0) return 0;
  const a = Math.abs(mu);
  return (
    sigma * Math.sqrt(2 / Math.PI) * Math.exp(-(a * a) / (2 * sigma * sigma)) - 2 * a * normalCdf(-a / sigma)
  );
}

/**
 * Last record point at which the diffusive law applies: `m` must stay small, `E[m^2] = S/N <= N^{-1/2}`,
 * so that the terms it neglects (relative size S/N) are at most N^{-1/2}. Above threshold the linear law
 * grows exponentially and stops applying when the runs escape the equator.
 */
export function diffusiveRange(S: ArrayLike<number>, N: number): number {
  let j = 0;
  while (j < S.length && S[j] <= Math.sqrt(N)) j++;
  return j;
}

/**
 * Derived gap model (bias bound and predicted spread) for comparing the simulation mean with a theory of
 * spiked tensor PCA.
 *
 * Ballistic theories: the linear-noise correction `E[u] = u_ode + b(t)/N`, `Cov(u) = cDelta C(t)/N`
 * ({@link spikedBiasProblem}). Diffusive theory: the O(1/N) terms of the second-moment equation
 * ({@link spikedDiffusive} with finite N) and the spread of the Gaussian law of `sqrt(N) m`. From a random
 * start only `rPerp2` is compared with the ballistic ODEs: there `m` moves on the diffusive scale, where
 * the ODE is a picture, not a limit theorem. For `absM` the bias adds the folded-normal gap
 * `E|m| - |m_ode|` of the linear-noise law. `gradient-flow` is given the same gap model as `ode`: it is
 * compared to show that it is rejected.
 *
 * @param t record times (the ODEs are solved on them)
 * @param y0 initial `[m, rPerp2]` of the ballistic ODE
 */
export function spikedGapModel(
  spec: SpikedTensorSpec,
  source: string,
  t: readonly number[],
  y0: [number, number],
): GapModel {
  const { N, k, snr } = spec.model;
  const p = { k, snr, cDelta: spec.optimizer.cDelta };
  const random = "random" in spec.init;
  const opts = { rtol: 1e-9, atol: 1e-12 };
  // Random start: C = N Cov(u0) / cDelta with Var m0 = 1/N and Var rPerp2(0) = 2(N - 1)/N^2.
  const c0 = random ? [1 / p.cDelta, 0, 2 / p.cDelta] : [0, 0, 0];
  const lna = solveOde(spikedBiasProblem(p, [...y0, ...c0, 0, 0]), "dopri5", t, opts).y;
  const sd = (c: Float64Array) => Array.from(c, (v) => Math.sqrt((p.cDelta * Math.max(v, 0)) / N));
  const r = { bias: bound(lna[6], N), spread: sd(lna[4]) };
  if (source !== "diffusive") {
    if (random) return { bias: { rPerp2: r.bias }, spread: { rPerp2: r.spread } };
    const m = { bias: bound(lna[5], N), spread: sd(lna[2]) };
    const absM = m.bias.map((b, j) => b + foldedGap(lna[0][j], m.spread[j]));
    return {
      bias: { m: m.bias, absM, rPerp2: r.bias },
      spread: { m: m.spread, absM: m.spread, rPerp2: r.spread },
    };
  }
  const S0: [number, number] = [random ? 1 : N * y0[0] * y0[0], y0[1]];
  const S = solveOde(spikedDiffusive(p, S0), "dopri5", t, opts).y[0];
  const finite = solveOde(spikedDiffusive(p, S0, N), "dopri5", t, opts).y[0];
  const valid = diffusiveRange(S, N);
  const inRange = (values: number[]) => values.map((v, j) => (j < valid ? v : Number.NaN));
  const bS = bound(
    Array.from(S, (s, j) => N * (finite[j] - s)),
    N,
  );
  const sdM = Array.from(S, (s) => Math.sqrt(s / N));
  return {
    // E|m| = sqrt(2S/(pi N)): a relative bias of S moves it by half that relative amount.
    bias: {
      m: inRange(t.map(() => 0)),
      absM: inRange(bS.map((b, j) => (0.5 * b * Math.sqrt((2 * S[j]) / (Math.PI * N))) / S[j])),
      rPerp2: inRange(r.bias),
      Nm2: inRange(bS),
    },
    // u = sqrt(N) m ~ N(0, S): sd(m) = sqrt(S/N), sd|m| = sqrt(S (1 - 2/pi) / N), sd(u^2) = sqrt(2) S.
    spread: {
      m: sdM,
      absM: Array.from(S, (s) => Math.sqrt((s * (1 - 2 / Math.PI)) / N)),
      rPerp2: r.spread,
      Nm2: Array.from(S, (s) => Math.SQRT2 * s),
    },
    // E m = 0 by symmetry, so the record range of m is noise: its scale is one run's |m|, the law's
    // standard deviation sqrt(S/N) at its largest over the range where the law applies.
    scale: { m: Math.max(...sdM.slice(0, Math.max(valid, 1))) },
  };
}
