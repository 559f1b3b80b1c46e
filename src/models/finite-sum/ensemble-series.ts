import { type Outcome, worstOutcome } from "../../core/status.js";
import type { Series } from "../../experiment/record.js";
import { summariseEnsemble } from "../../simulate/ensemble.js";
import type { RunResult } from "../../simulate/record-run.js";
import { finiteSeries } from "./finite-series.js";

/**
 * An ensemble as a record series: the mean of each statistic with its standard error, and for the
 * statistics in `variances` also `<name>Variance`, the variance over paths, with the standard error
 * $\sqrt{(m_4 - s^4)/n}$ ($m_4$ the fourth central moment). Points after the first failed path are dropped
 * (as `summariseEnsemble` does), and so are points where a moment overflows; `failed` counts
 * the failed paths and `outcome` says how they failed and where a moment overflowed (the shared
 * statuses of `recordRun` and `finiteSeries`).
 *
 * @example ensembleSeries("smf", results, ["loss"], t, h, ["loss"])
 */
export function ensembleSeries(
  source: string,
  results: readonly RunResult[],
  names: readonly string[],
  t: readonly number[],
  dt: number,
  variances: readonly string[] = [],
): { series: Series; failed: number; outcome: Outcome } {
  const summary = summariseEnsemble(results, names, t, dt, "path");
  const series: Series = {
    source,
    t: summary.t,
    values: summary.mean,
    stderr: summary.stderr,
    runs: results.length,
  };
  const n = results.length;
  for (const name of variances) {
    const s = names.indexOf(name);
    const values: number[] = [];
    const stderr: number[] = [];
    for (let j = 0; j < summary.t.length; j++) {
      const mean = summary.mean[name][j];
      let m2 = 0;
      let m4 = 0;
      for (const r of results) {
        const dev = r.values[s][j] - mean;
        m2 += dev * dev;
        m4 += dev ** 4;
      }
      values.push(m2 / (n - 1));
      stderr.push(Math.sqrt(Math.max(0, m4 / n - (m2 / n) ** 2) / n));
    }
    series.values[`${name}Variance`] = values;
    if (series.stderr) series.stderr[`${name}Variance`] = stderr;
  }
  const outcomes: Outcome[] = [summary.outcome];
  const finite = finiteSeries(series, outcomes);
  return { series: finite, failed: summary.failedRuns, outcome: worstOutcome(outcomes) };
}
