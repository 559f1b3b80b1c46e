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
 * Numerical accuracy of a theory value: theories are solved with relative tolerance 1e-10 (ode-series.ts);
 * 1e-8 relative (absolute below 1) covers its accumulation over a horizon, so that runs that are identical
 * at a point (zero standard error, e.g. a fixed start at t = 0) are not failed by rounding.
 */
function theoryAccuracy(value: number): number {
  return 1e-8 * Math.max(1, Math.abs(value));
}

/**
 * What a model knows about the gap between the simulation mean and one of its theories, per statistic
 * and record point (see the model README for the derivations). Statistics without a `bias` entry are
 * not compared; comparison stops at the first point where the bias bound is not finite (the end of the
 * theory's range).
 */
export interface GapModel {
  /** Bound on the deterministic finite-N bias `|E[simulation] - theory|`. */
  bias: Record<string, readonly number[]>;
  /** The theory's own prediction of the per-run standard deviation, when it has one. */
  spread?: Record<string, readonly number[]>;
}

/**
 * Compare a simulation series with a theory series on their common record points (both on the record
 * grid, so matched by index), statistic by statistic. The tolerance at point j is
 * `meanGapMultiplier(runs) × se_j + bias_j + accuracy_j`: the Monte-Carlo error of the mean at the
 * 4-sigma level, the model's bias bound, and the theory's numerical accuracy. `se_j` is the larger of the estimated standard error and the theory's predicted
 * spread over `sqrt(runs)`, so that a few runs of a skewed statistic (e.g. `N m^2`) that happen to have a
 * small sample spread cannot shrink the tolerance below what the theory itself predicts.
 *
 * @example agreementOf(sim, ode, { bias: { m: biasOfM } })
 */
export function agreementOf(sim: Series, theory: Series, gap: GapModel): Record<string, AgreementEntry> {
  const out: Record<string, AgreementEntry> = {};
  const n = Math.min(sim.t.length, theory.t.length);
  const runs = sim.runs ?? 1;
  const z = meanGapMultiplier(runs);
  for (const [name, bound] of Object.entries(gap.bias)) {
    const th = theory.values[name];
    const mean = sim.values[name];
    const se = sim.stderr?.[name];
    if (!th || !mean || !se) continue;
    const spread = gap.spread?.[name];
    let entry: AgreementEntry | undefined;
    for (let j = 0; j < n && Number.isFinite(bound[j]); j++) {
      const diff = Math.abs(mean[j] - th[j]);
      const seEff = Math.max(se[j], (spread?.[j] ?? 0) / Math.sqrt(runs));
      const tol = z * seEff + bound[j] + theoryAccuracy(th[j]);
      // A true gap g is flagged unless the mean's error is below -t se, which the t-quantile bounds:
      // the smallest gap detected at the tolerance's confidence is tol + t se (docs/record.md).
      const detectable = tol + z * seEff;
      if (!entry || diff > entry.maxAbs)
        entry = {
          maxAbs: diff,
          at: sim.t[j],
          tolerance: tol,
          detectable,
          pass: entry?.pass ?? true,
          final: 0,
        };
      entry.pass &&= diff <= tol;
      entry.final = diff;
    }
    if (entry) out[name] = entry;
  }
  return out;
}
