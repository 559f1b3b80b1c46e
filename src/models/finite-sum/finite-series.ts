import type { Series } from "../../experiment/record.js";

/**
 * A series cut before its first non-finite value (in any statistic or standard error), so that overflowing moments never put
 * NaN or infinity in a record (JSON would turn them into null).
 *
 * @example finiteSeries({ source: "sgd", t: [0, 1], values: { loss: [1, Infinity] } }).t // [0]
 */
export function finiteSeries(series: Series): Series {
  let end = series.t.length;
  for (const values of [...Object.values(series.values), ...Object.values(series.stderr ?? {})]) {
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) end = Math.min(end, bad);
  }
  if (end === series.t.length) return series;
  const cut = (r: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.slice(0, end)]));
  return {
    ...series,
    t: series.t.slice(0, end),
    values: cut(series.values),
    ...(series.stderr ? { stderr: cut(series.stderr) } : {}),
  };
}
