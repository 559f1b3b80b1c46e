import { messages } from "../../core/messages.js";
import type { Outcome } from "../../core/status.js";
import { truncateSeries } from "../../experiment/ode-series.js";
import type { Series } from "../../experiment/record.js";
import { DIVERGENCE_SIZE } from "../../simulate/record-run.js";

/**
 * A series cut before its first value that is non-finite or beyond the divergence bound (in any statistic
 * or standard error): moments that blow up mean the dynamics diverge at this learning rate. When an
 * `outcomes` list is given, a cut adds a `"diverged"` outcome naming the source and the time.
 *
 * @example finiteSeries({ source: "sgd", t: [0, 1], values: { loss: [1, Infinity] } }).t // [0]
 */
export function finiteSeries(series: Series, outcomes?: Outcome[]): Series {
  let end = series.t.length;
  for (const values of [...Object.values(series.values), ...Object.values(series.stderr ?? {})]) {
    const bad = values.findIndex((v) => !(Math.abs(v) <= DIVERGENCE_SIZE));
    if (bad >= 0) end = Math.min(end, bad);
  }
  if (end === series.t.length) return series;
  outcomes?.push({
    status: "diverged",
    messages: [messages.flowsMomentsBlowUp(series.source, series.t[end])],
  });
  return truncateSeries(series, end);
}
