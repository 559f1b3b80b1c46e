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
 * Tolerance for `|simulation mean - theory|` at record point `j`, derived per model (see its README).
 * `stderr` is the simulation's standard error of the mean there, `theory` the theory value.
 */
export type Tolerance = (statistic: string, stderr: number, theory: number) => number;

/**
 * Compare a simulation series with a theory series on their common record points (both on the record
 * grid, so matched by index), statistic by statistic.
 *
 * @param statistics which statistics to compare (default: all that both series have)
 * @example agreementOf(sim, ode, (s, se) => meanGapMultiplier(8) * se + 10 / N)
 */
export function agreementOf(
  sim: Series,
  theory: Series,
  tolerance: Tolerance,
  statistics: readonly string[] = Object.keys(theory.values),
): Record<string, AgreementEntry> {
  const out: Record<string, AgreementEntry> = {};
  const n = Math.min(sim.t.length, theory.t.length);
  for (const name of statistics) {
    const th = theory.values[name];
    const mean = sim.values[name];
    const se = sim.stderr?.[name];
    if (!th || !mean || !se || n === 0) continue;
    let entry: AgreementEntry = { maxAbs: -1, at: 0, tolerance: 0, pass: true, final: 0 };
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(th[j])) break;
      const gap = Math.abs(mean[j] - th[j]);
      const tol = tolerance(name, se[j], th[j]);
      if (gap > entry.maxAbs) entry = { ...entry, maxAbs: gap, at: sim.t[j], tolerance: tol };
      entry.pass &&= gap <= tol;
      entry.final = gap;
    }
    if (entry.maxAbs >= 0) out[name] = entry;
  }
  return out;
}
