import type { CodeVersion } from "./key.js";
import type { SweepPlan } from "./plan.js";
import type { FinalValue, PointSummary, Verdict } from "./summary.js";
import type { SweepFigureSpec } from "./values.js";

/** The result of one point: where it came from (this run, or the store) and its summary. */
export interface PointOutcome {
  key: string;
  /** The run in the store that computed it; null for a point that failed before it had a record. */
  runId: string | null;
  /** Found finished in the store (not computed by this invocation). */
  cached: boolean;
  summary: PointSummary;
}

/** One point of the public sweep document. */
export interface SweepDocumentPoint {
  params: Record<string, unknown>;
  key: string;
  runId: string | null;
  /** The record status (ok, diverged, ...), `failed` (no record), or `missing` (not computed yet). */
  status: string;
  cached: boolean;
  scalars: Record<string, number | null>;
  final: Record<string, Record<string, FinalValue>>;
  max: Record<string, Record<string, number | null>>;
  agreement: Record<string, Record<string, Verdict>>;
  /** The row of each one-row table of the record (see `PointSummary.tables`). */
  tables: PointSummary["tables"];
  messages: string[];
}

/**
 * The document `sgdlab sweep --json` prints (issue 11; these names are public): the axes, one entry per
 * point in sweep order, and the counts (`run`: computed now, `cached`: found in the store, `failed`:
 * no record).
 */
export interface SweepDocument {
  sgdlab: string;
  id: string;
  name: string;
  title?: string;
  code: CodeVersion;
  axes: { path: string; values: unknown[]; zip: boolean }[];
  figure: SweepFigureSpec;
  points: SweepDocumentPoint[];
  counts: { points: number; run: number; cached: number; failed: number };
}

/**
 * Assemble the sweep document from a plan and the outcomes found so far (keyed by point key); points
 * without an outcome are `missing`.
 *
 * @example sweepDocument(plan, new Map(outcomes.map((o) => [o.key, o])))
 */
export function sweepDocument(plan: SweepPlan, outcomes: ReadonlyMap<string, PointOutcome>): SweepDocument {
  const points = plan.points.map((p): SweepDocumentPoint => {
    const o = outcomes.get(p.key);
    const s = o?.summary;
    return {
      params: p.params,
      key: p.key,
      runId: o?.runId ?? null,
      status: s?.status ?? "missing",
      cached: o?.cached ?? false,
      scalars: s?.scalars ?? {},
      final: s?.final ?? {},
      max: s?.max ?? {},
      agreement: s?.agreement ?? {},
      tables: s?.tables ?? {},
      messages: s?.messages ?? [],
    };
  });
  const present = points.filter((p) => p.status !== "missing");
  return {
    sgdlab: plan.code.sgdlab,
    id: plan.id,
    name: plan.name,
    ...(plan.title === undefined ? {} : { title: plan.title }),
    code: plan.code,
    axes: plan.axes.map((a) => ({ path: a.path, values: a.values, zip: a.zip })),
    figure: plan.figure,
    points,
    counts: {
      points: points.length,
      run: present.filter((p) => !p.cached).length,
      cached: present.filter((p) => p.cached).length,
      failed: present.filter((p) => p.status === "failed").length,
    },
  };
}

/**
 * The summary of a document point (what {@link pointValue} reads).
 *
 * @example pointValue(pointSummary(doc.points[0]), "status") // { kind: "category", value: "ok" }
 */
export function pointSummary(p: SweepDocumentPoint): PointSummary {
  const { status, messages, scalars, final, max, agreement, tables } = p;
  return { status, messages, scalars, final, max, agreement, tables };
}

/**
 * The table of a sweep without what depends on how it was computed (`runId`, `cached`): two runs of one
 * sweep, interrupted or not, on any engine, give equal tables.
 *
 * @example expect(sweepTable(resumed)).toEqual(sweepTable(clean))
 */
export function sweepTable(doc: SweepDocument): Omit<SweepDocumentPoint, "runId" | "cached">[] {
  return doc.points.map(({ runId: _r, cached: _c, ...rest }) => rest);
}
