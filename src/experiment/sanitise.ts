import { firstNonFinite, type NonFinite, nonFinite } from "../core/non-finite.js";
import { worstOutcome } from "../core/status.js";
import type { RecordBody } from "./experiment.js";
import { truncateSeries } from "./ode-series.js";
import type { Distribution, Series, Table } from "./record.js";

/**
 * The record-level guard behind "failures are values": whatever a model returns, the record holds no
 * NaN or infinity. A series is cut at its first non-finite value, a non-finite scalar, agreement entry,
 * distribution or timing is dropped, a table row holding one is dropped, and each repair adds the shared
 * non-finite outcome (`src/core/non-finite.ts`: `"failed"` for NaN, `"diverged"` for an infinity) naming
 * the quantity. Models should never trigger it (they report their own non-finite values, with the step,
 * through the same module); it keeps one model's slip from reaching users as a silent `null` in JSON.
 *
 * @example sanitiseBody(body).status // "failed" if a series had a NaN
 */
export function sanitiseBody(body: RecordBody): RecordBody {
  const found: NonFinite[] = [];
  const series = body.series.map((s) => cutSeries(s, found));
  const scalars = keepFinite(body.scalars, "scalar", found);
  const timing = keepFinite(body.timing, "timing", found);
  const tables = Object.fromEntries(
    Object.entries(body.tables).map(([n, t]) => [n, finiteRows(n, t, found)]),
  );
  const distributions = Object.fromEntries(
    Object.entries(body.distributions).flatMap(([n, d]) => finiteDistribution(n, d, found)),
  );
  const agreement = Object.fromEntries(
    Object.entries(body.agreement).map(([stat, byTheory]) => [
      stat,
      Object.fromEntries(
        Object.entries(byTheory).filter(([theory, entry]) => {
          const bad = Object.entries(entry).find(([, v]) => typeof v === "number" && !Number.isFinite(v));
          if (bad) found.push(nonFinite(`agreement ${stat}.${theory}.${bad[0]}`, bad[1] as number));
          return bad === undefined;
        }),
      ),
    ]),
  );
  if (found.length === 0) return body;
  const outcome = worstOutcome([body, ...found]);
  return { ...body, ...outcome, series, scalars, timing, tables, distributions, agreement };
}

/** The series up to its first non-finite value in any column (values or standard errors). */
function cutSeries(s: Series, found: NonFinite[]): Series {
  const columns = [
    ...Object.entries(s.values),
    ...Object.entries(s.stderr ?? {}).map(([k, v]) => [`stderr ${k}`, v]),
  ];
  let cut = s.t.length;
  let first: NonFinite | undefined;
  for (const [name, values] of columns as [string, number[]][]) {
    const i = firstNonFinite(values);
    if (i >= 0 && i < cut) {
      cut = i;
      first = nonFinite(`series ${s.source}: ${name}`, values[i], { t: s.t[i] });
    }
  }
  if (first === undefined) return s;
  found.push(first);
  return truncateSeries(s, cut);
}

/** The finite entries of a name -> number map. */
function keepFinite(
  values: Record<string, number>,
  what: string,
  found: NonFinite[],
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([name, v]) => Number.isFinite(v) || !found.push(nonFinite(`${what} ${name}`, v)),
    ),
  );
}

/** The rows of a table whose numbers are all finite. */
function finiteRows(name: string, table: Table, found: NonFinite[]): Table {
  const columns = Object.entries(table);
  const rows = columns[0]?.[1].length ?? 0;
  const keep: boolean[] = [];
  for (let i = 0; i < rows; i++) {
    const bad = columns.find(([, col]) => typeof col[i] === "number" && !Number.isFinite(col[i]));
    if (bad) found.push(nonFinite(`table ${name}.${bad[0]} (row ${i})`, bad[1][i] as number));
    keep.push(bad === undefined);
  }
  if (keep.every((k) => k)) return table;
  return Object.fromEntries(columns.map(([c, col]) => [c, col.filter((_, i) => keep[i])]));
}

/** The distribution, without a non-finite theory; none at all if its edges or counts are not finite. */
function finiteDistribution(name: string, d: Distribution, found: NonFinite[]): [string, Distribution][] {
  for (const key of ["edges", "simulation"] as const) {
    const i = firstNonFinite(d[key]);
    if (i >= 0) {
      found.push(nonFinite(`distribution ${name}.${key}[${i}]`, d[key][i]));
      return [];
    }
  }
  const i = d.theory ? firstNonFinite(d.theory) : -1;
  if (i < 0 || !d.theory) return [[name, d]];
  found.push(nonFinite(`distribution ${name}.theory[${i}]`, d.theory[i]));
  const { theory: _, ...rest } = d;
  return [[name, rest]];
}
