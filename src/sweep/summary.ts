import { verdictWord } from "../experiment/power.js";
import type { ExperimentRecord, Verdict as RecordVerdict } from "../experiment/record.js";

/** Mean and standard error of a statistic at the last record time (`stderr` null for a theory). */
export interface FinalValue {
  mean: number | null;
  stderr: number | null;
}

/** An agreement verdict of a point: simulation vs one theory for one statistic (record.ts AgreementEntry). */
export interface Verdict {
  pass: boolean;
  /** "agrees", "underpowered" or "disagrees" (docs/record.md, "Power"). */
  verdict: RecordVerdict;
  maxAbs: number | null;
  tolerance: number | null;
  /** The smallest gap the check detects, and the scale it is judged against. */
  detectable: number | null;
  scale: number | null;
}

/**
 * What a sweep keeps of a point's record: its status, scalars, and per source and statistic the final
 * value (mean and stderr at the last record time) and the largest value over time, and the agreement
 * verdicts. Non-finite numbers are `null` (JSON has no NaN).
 */
export interface PointSummary {
  status: string;
  messages: string[];
  scalars: Record<string, number | null>;
  final: Record<string, Record<string, FinalValue>>;
  max: Record<string, Record<string, number | null>>;
  agreement: Record<string, Record<string, Verdict>>;
  /** The row of each one-row table (a point's own row, e.g. the phase of a cubic map at its r). */
  tables: Record<string, Record<string, number | string | null>>;
}

const finite = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) ? x : null);

/**
 * Summarise a record for a sweep.
 *
 * @example summarisePoint(record).final.simulation.m // { mean: 0.81, stderr: 0.004 }
 */
export function summarisePoint(record: ExperimentRecord): PointSummary {
  const final: PointSummary["final"] = {};
  const max: PointSummary["max"] = {};
  for (const s of record.series) {
    const last = s.t.length - 1;
    final[s.source] ??= {};
    max[s.source] ??= {};
    for (const [stat, values] of Object.entries(s.values)) {
      final[s.source][stat] = { mean: finite(values[last]), stderr: finite(s.stderr?.[stat]?.[last]) };
      const top = values.filter(Number.isFinite).reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
      max[s.source][stat] = finite(top);
    }
  }
  const agreement: PointSummary["agreement"] = {};
  for (const [stat, bySource] of Object.entries(record.agreement)) {
    agreement[stat] = {};
    for (const [source, e] of Object.entries(bySource))
      agreement[stat][source] = {
        pass: e.pass,
        verdict: verdictWord(e),
        maxAbs: finite(e.maxAbs),
        tolerance: finite(e.tolerance),
        detectable: finite(e.detectable),
        scale: finite(e.scale),
      };
  }
  const scalars = Object.fromEntries(Object.entries(record.scalars).map(([k, v]) => [k, finite(v)]));
  const tables: PointSummary["tables"] = {};
  for (const [name, table] of Object.entries(record.tables)) {
    const columns = Object.entries(table);
    if (columns.length === 0 || columns.some(([, v]) => v.length !== 1)) continue;
    tables[name] = Object.fromEntries(
      columns.map(([c, v]) => [c, typeof v[0] === "number" ? finite(v[0]) : v[0]]),
    );
  }
  return { status: record.status, messages: record.messages, scalars, final, max, agreement, tables };
}

/**
 * The summary of a point whose computation threw (an internal error, not a numerical failure): status
 * `"failed"` with the error's message.
 *
 * @example failedSummary("worker lost") // { status: "failed", messages: ["worker lost"], ... }
 */
export function failedSummary(message: string): PointSummary {
  return {
    status: "failed",
    messages: [message],
    scalars: {},
    final: {},
    max: {},
    agreement: {},
    tables: {},
  };
}
