import { studentTQuantile } from "../core/student-t.js";
import type { AgreementEntry, Series } from "./record.js";

/** One-sided Gaussian tail beyond 4 standard deviations, `1 - Phi(4)` (A&S Table 26.1). */
const tail4Sigma = 3.167124183311992e-5;

/**
 * Multiplier of an estimated standard error of a mean over `runs` runs that keeps the two-sided false-alarm
 * probability of one point at the 4-sigma Gaussian level (6.3e-5): the Student t quantile with `runs - 1`
 * degrees of freedom, because the standard error itself is estimated from the runs (8.47 for 8 runs,
 * 4.04 for 400, -> 4).
 */
export function meanGapMultiplier(runs: number): number {
  return studentTQuantile(1 - tail4Sigma, runs - 1);
}

/**
 * Bound on the deterministic finite-N bias `|E[simulation] - theory|` per statistic at each record point,
 * derived per model (see its README). Statistics without an entry are not compared.
 */
export type BiasBounds = Record<string, readonly number[]>;

/**
 * Compare a simulation series with a theory series on their common record points (both on the record
 * grid, so matched by index), statistic by statistic. The tolerance at point j is
 * `meanGapMultiplier(runs) × stderr_j + bias_j`: the Monte-Carlo error of the mean at the 4-sigma level
 * plus the model's bias bound.
 *
 * @example agreementOf(sim, ode, { m: biasOfM, rPerp2: biasOfR })
 */
export function agreementOf(sim: Series, theory: Series, bias: BiasBounds): Record<string, AgreementEntry> {
  const out: Record<string, AgreementEntry> = {};
  const n = Math.min(sim.t.length, theory.t.length);
  const z = meanGapMultiplier(sim.runs ?? 1);
  for (const [name, bound] of Object.entries(bias)) {
    const th = theory.values[name];
    const mean = sim.values[name];
    const se = sim.stderr?.[name];
    if (!th || !mean || !se || n === 0) continue;
    let entry: AgreementEntry = { maxAbs: -1, at: 0, tolerance: 0, pass: true, final: 0 };
    for (let j = 0; j < n; j++) {
      const gap = Math.abs(mean[j] - th[j]);
      const tol = z * se[j] + bound[j];
      if (gap > entry.maxAbs) entry = { ...entry, maxAbs: gap, at: sim.t[j], tolerance: tol };
      entry.pass &&= gap <= tol;
      entry.final = gap;
    }
    out[name] = entry;
  }
  return out;
}
