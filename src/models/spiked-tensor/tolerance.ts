import type { BiasBounds } from "../../experiment/agreement.js";
import { solveOde } from "../../theory/ode/solve.js";
import { spikedBiasProblem } from "./correction.js";
import { spikedDiffusive } from "./limits.js";
import type { SpikedTensorSpec } from "./spec.js";

/** Safety factor on the leading O(1/N) bias, covering the O(1/N^2) remainder (see the model README). */
export const biasSafety = 2;

/** Running maximum of `biasSafety × |x| / N`, so a bias that crosses zero never makes the bound vanish. */
function bound(values: ArrayLike<number>, N: number, scale = 1): number[] {
  let max = 0;
  return Array.from(values, (v) => {
    max = Math.max(max, (biasSafety * Math.abs(v * scale)) / N);
    return max;
  });
}

/**
 * Derived bias bounds for comparing the simulation mean with a theory of spiked tensor PCA.
 *
 * Ballistic theories: the linear-noise correction `E[u] = u_ode + b(t)/N` ({@link spikedBiasProblem}).
 * Diffusive theory: the O(1/N) terms of the second-moment equation ({@link spikedDiffusive} with finite N).
 * From a random start only `rPerp2` is compared with the ballistic ODEs: there `m` moves on the diffusive
 * scale, where the ODE is a picture, not a limit theorem.
 *
 * @param t record times (the ODE is solved on them)
 * @param y0 initial `[m, rPerp2]` of the ballistic ODE
 */
export function spikedBiasBounds(
  spec: SpikedTensorSpec,
  source: string,
  t: readonly number[],
  y0: [number, number],
): BiasBounds {
  const { N, k, snr } = spec.model;
  const p = { k, snr, cDelta: spec.optimizer.cDelta };
  const random = "random" in spec.init;
  const opts = { rtol: 1e-9, atol: 1e-12 };
  // Random start: C = N Cov(u0) / cDelta with Var m0 = 1/N and Var rPerp2(0) = 2(N - 1)/N^2.
  const c0 = random ? [1 / p.cDelta, 0, 2 / p.cDelta] : [0, 0, 0];
  const lna = solveOde(spikedBiasProblem(p, [...y0, ...c0, 0, 0]), "dopri5", t, opts).y;
  if (source !== "diffusive") {
    return random
      ? { rPerp2: bound(lna[6], N) }
      : { m: bound(lna[5], N), absM: bound(lna[5], N), rPerp2: bound(lna[6], N) };
  }
  const S0: [number, number] = [random ? 1 : N * y0[0] * y0[0], y0[1]];
  const limit = solveOde(spikedDiffusive(p, S0), "dopri5", t, opts).y[0];
  const finite = solveOde(spikedDiffusive(p, S0, N), "dopri5", t, opts).y[0];
  const bS = Array.from(limit, (s, j) => N * (finite[j] - s));
  // E|m| = sqrt(2S/(pi N)): a relative bias of S moves it by half that relative amount.
  const bAbsM = bS.map((b, j) => (0.5 * b * Math.sqrt((2 * limit[j]) / (Math.PI * N))) / limit[j]);
  const zero = t.map(() => 0);
  return { m: zero, absM: bound(bAbsM, N), rPerp2: bound(lna[6], N), Nm2: bound(bS, N) };
}
