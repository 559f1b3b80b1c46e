import type { AgreementEntry, Series } from "./record.js";
import { meanGapMultiplier, meanTolerance } from "./tolerance.js";

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
  /**
   * For a statistic the theory holds constant (a symmetry, a pinned coordinate), whose range over the
   * record is only noise: the natural scale its detectable gap is judged against (`AgreementEntry.scale`),
   * derived in the model README.
   */
  scale?: Record<string, number>;
}

/**
 * Compare a simulation series with a theory series on their common record points (both on the record
 * grid, so matched by index), statistic by statistic. The tolerance at point j is the shared
 * `meanTolerance` (`./tolerance.ts`): `meanGapMultiplier(runs) × se_j + bias_j + accuracy_j`, the
 * Monte-Carlo error of the mean at the 4-sigma level, the model's bias bound, and the theory's numerical
 * accuracy. `se_j` is the larger of the estimated standard error and the theory's predicted
 * spread over `sqrt(runs)`, so that a few runs of a skewed statistic (e.g. `N m^2`) that happen to have a
 * small sample spread cannot shrink the tolerance below what the theory itself predicts.
 *
 * @example agreementOf(sim, ode, { bias: { m: biasOfM } })
 */
export function agreementOf(sim: Series, theory: Series, gap: GapModel): Record<string, AgreementEntry> {
  const out: Record<string, AgreementEntry> = {};
  const n = Math.min(sim.t.length, theory.t.length);
  const runs = sim.runs ?? 1;
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
      const tol = meanTolerance(seEff, runs, bound[j], th[j]);
      // A true gap g is flagged unless the mean's error is below -t se, which the t-quantile bounds:
      // the smallest gap detected at the tolerance's confidence is tol + t se (docs/record.md).
      const detectable = tol + meanGapMultiplier(runs) * seEff;
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
    if (entry) out[name] = gap.scale?.[name] === undefined ? entry : { ...entry, scale: gap.scale[name] };
  }
  return out;
}
