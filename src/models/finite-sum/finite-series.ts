import { firstNonFinite, type NonFinite, nonFinite } from "../../core/non-finite.js";
import type { Outcome } from "../../core/status.js";
import { truncateSeries } from "../../experiment/ode-series.js";
import type { Series } from "../../experiment/record.js";
import { DIVERGENCE_SIZE } from "../../simulate/record-run.js";

/**
 * A series cut before its first value that is non-finite or beyond the divergence bound (in any statistic
 * or standard error): moments that blow up mean the dynamics diverge at this learning rate. When an
 * `outcomes` list is given, a cut adds the shared non-finite outcome (`src/core/non-finite.ts`:
 * `"diverged"`, or `"failed"` on a NaN) naming the source, the statistic and the time.
 *
 * @example finiteSeries({ source: "sgd", t: [0, 1], values: { loss: [1, Infinity] } }).t // [0]
 */
export function finiteSeries(series: Series, outcomes?: Outcome[]): Series {
  let end = series.t.length;
  let first: NonFinite | undefined;
  const columns = [...Object.entries(series.values), ...Object.entries(series.stderr ?? {})];
  for (const [name, values] of columns) {
    const bad = firstNonFinite(values, DIVERGENCE_SIZE);
    if (bad < 0 || bad >= end) continue;
    end = bad;
    first = nonFinite(`${series.source}: ${name}`, values[bad], { t: series.t[bad] }, DIVERGENCE_SIZE);
  }
  if (first === undefined) return series;
  outcomes?.push(first);
  return truncateSeries(series, end);
}
