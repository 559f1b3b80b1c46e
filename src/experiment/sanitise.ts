import { messages } from "../core/messages.js";
import { worstOutcome } from "../core/status.js";
import type { RecordBody } from "./experiment.js";
import { truncateSeries } from "./ode-series.js";

/**
 * The record-level guard behind "failures are values": whatever a model returns, the record holds no
 * NaN or infinity. A series is cut at its first non-finite value, a non-finite scalar or agreement entry
 * is dropped, and each repair sets status `"nan"` with a message naming what was cut. Models should never
 * trigger it; it keeps one model's slip from reaching users as a silent `null` in JSON.
 *
 * @example sanitiseBody(body).status // "nan" if a series had a NaN
 */
export function sanitiseBody(body: RecordBody): RecordBody {
  const found: string[] = [];
  const series = body.series.map((s) => {
    const columns = [...Object.values(s.values), ...Object.values(s.stderr ?? {})];
    const bad = columns.reduce((first, col) => Math.min(first, firstNonFinite(col)), s.t.length);
    if (bad === s.t.length) return s;
    found.push(messages.nonFinite(`series ${s.source}`, s.t[bad]));
    return truncateSeries(s, bad);
  });
  const scalars = Object.fromEntries(
    Object.entries(body.scalars).filter(
      ([name, v]) => Number.isFinite(v) || !found.push(messages.nonFinite(`scalar ${name}`)),
    ),
  );
  for (const [name, table] of Object.entries(body.tables))
    for (const [column, values] of Object.entries(table))
      if (values.some((v) => typeof v === "number" && !Number.isFinite(v)))
        found.push(messages.nonFinite(`table ${name}.${column}`));
  const agreement = Object.fromEntries(
    Object.entries(body.agreement).map(([stat, byTheory]) => [
      stat,
      Object.fromEntries(
        Object.entries(byTheory).filter(([, e]) =>
          Object.values(e).every((v) => typeof v !== "number" || Number.isFinite(v)),
        ),
      ),
    ]),
  );
  if (found.length === 0) return body;
  const outcome = worstOutcome([body, { status: "nan", messages: found }]);
  return { ...body, ...outcome, series, scalars, agreement };
}

function firstNonFinite(values: readonly number[]): number {
  const i = values.findIndex((v) => !Number.isFinite(v));
  return i < 0 ? values.length : i;
}
