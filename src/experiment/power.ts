import type { RecordBody } from "./experiment.js";
import type { AgreementEntry, Verdict } from "./record.js";

/**
 * A passing check is `underpowered` when the smallest gap it detects exceeds this fraction of the
 * statistic's range over the record, or of the natural scale its model sets for a statistic the theory
 * holds constant (issue 13): it could not have seen a gap a reader would call visible.
 */
export const powerFraction = 0.1;

/**
 * The verdict of one agreement check: `"disagrees"` if some compared point is outside its tolerance,
 * otherwise `"agrees"` when the detectable gap is at most `powerFraction × range` and `"underpowered"`
 * when it is larger (or the range is 0: a flat statistic gives a check nothing to resolve).
 *
 * @example verdictOf(true, 0.02, 0.8) // "agrees"
 */
export function verdictOf(pass: boolean, detectable: number, range: number): Verdict {
  if (!pass) return "disagrees";
  return range > 0 && detectable <= powerFraction * range ? "agrees" : "underpowered";
}

/**
 * Give every agreement entry of a record body its `detectable` gap and its `verdict`. An entry built by
 * `agreementOf` has its exact detectable gap; one built by a model's own check gets `2 × tolerance`, an
 * upper bound (its tolerance is `t se + bias` with `t se <= tolerance`, so `tolerance + t se <=
 * 2 tolerance`). The scale is the one the model set on the entry (a statistic its theory holds constant,
 * whose record range is only noise) or else the statistic's range over every series of the record
 * (simulation mean and theories) or, for a statistic reported only as a table column, over that column; a
 * statistic found in neither (a success fraction, a mean compared once) is a fraction or a mean on the
 * unit scale and is judged against the range 1.
 *
 * @example judgeAgreement(body).agreement.m.ode.verdict // "agrees"
 */
export function judgeAgreement(body: RecordBody): RecordBody {
  const agreement: Record<string, Record<string, AgreementEntry>> = {};
  for (const [stat, byTheory] of Object.entries(body.agreement)) {
    const range = statisticRange(body, stat);
    agreement[stat] = {};
    for (const [theory, entry] of Object.entries(byTheory)) {
      const detectable = entry.detectable ?? 2 * entry.tolerance;
      const scale = entry.scale ?? range;
      agreement[stat][theory] = {
        ...entry,
        detectable,
        scale,
        verdict: verdictOf(entry.pass, detectable, scale),
      };
    }
  }
  return { ...body, agreement };
}

/**
 * The verdict of an entry as a word (`"agrees"`, `"underpowered"` or `"disagrees"`), from `pass` for a
 * record written before verdicts existed (read back from a store or a sweep cache).
 *
 * @example verdictWord({ pass: false }) // "disagrees"
 */
export function verdictWord(e: Pick<AgreementEntry, "pass" | "verdict">): Verdict {
  return e.verdict ?? (e.pass ? "agrees" : "disagrees");
}

/** How a verdict reads for a person: a disagreement is shouted (`"DISAGREES"`), the others as they are. */
export function verdictLabel(e: Pick<AgreementEntry, "pass" | "verdict">): string {
  const v = verdictWord(e);
  return v === "disagrees" ? "DISAGREES" : v;
}

/** max − min of a statistic's finite values over the record's series (else its table columns, else 1). */
export function statisticRange(body: Pick<RecordBody, "series" | "tables">, stat: string): number {
  let values = body.series.flatMap((s) => s.values[stat] ?? []);
  if (values.length === 0)
    values = Object.values(body.tables).flatMap((t) => (t[stat] ?? []).filter((v) => typeof v === "number"));
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values as number[])
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  return hi >= lo ? hi - lo : 1;
}
