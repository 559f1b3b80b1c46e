import { messages } from "../../core/messages.js";
import { type PointOutcome, type SweepDocument, sweepDocument } from "../../sweep/document.js";
import type { SweepPlan, SweepPoint } from "../../sweep/plan.js";
import { failedSummary, summarisePoint } from "../../sweep/summary.js";
import { InterruptedError } from "../execute.js";
import type { SweepEngine } from "./engine.js";
import { PointStore } from "./point-store.js";
import { PointWriter } from "./point-writer.js";

/** How long computed points may wait for their write before the engine is held back (ms). */
const maxWriteLagMs = 1000;

/** Points finished so far, for a progress bar. */
export interface SweepProgress {
  total: number;
  done: number;
  cached: number;
  failed: number;
}

/** Options of {@link runSweep}. */
export interface RunSweepOptions {
  /** The results database (DuckDB file). */
  db: string;
  engine: SweepEngine;
  signal?: AbortSignal;
  onProgress?: (p: SweepProgress) => void;
}

/**
 * Run a planned sweep: look up which points are already stored as finished (by key), hand the others to
 * the engine, store each as it arrives (this process is the only writer) and return the sweep document.
 * Overlapping sweeps share points; a re-run after an interruption computes only what is missing. A point
 * whose computation threw is `failed` in the document and not stored, so the next run retries it. When
 * the signal aborts, the points finished so far are stored and {@link SweepInterruptedError} is thrown.
 *
 * @example const doc = await runSweep(plan, { db: ".sgdlab/runs.duckdb", engine: localEngine(4) })
 */
export async function runSweep(plan: SweepPlan, options: RunSweepOptions): Promise<SweepDocument> {
  const store = new PointStore(options.db);
  const keys = plan.points.map((p) => p.key);
  const outcomes = await store.finished(keys);
  await store.saveSweep(plan);
  const todo = uniqueByKey(plan.points.filter((p) => !outcomes.has(p.key)));
  const progress: SweepProgress = {
    total: new Set(keys).size,
    done: outcomes.size,
    cached: outcomes.size,
    failed: 0,
  };
  options.onProgress?.({ ...progress });
  const writer = new PointWriter(store, plan.code);
  const signal = options.signal ?? new AbortController().signal;
  await options.engine.run(todo, {
    signal,
    async onResult(point, result) {
      let stored: Promise<void> | undefined;
      if ("record" in result) {
        const summary = summarisePoint(result.record);
        stored = writer.add({
          key: point.key,
          experiment: point.experiment,
          spec: point.spec,
          record: result.record,
          summary,
        });
      } else {
        outcomes.set(point.key, {
          key: point.key,
          runId: null,
          cached: false,
          summary: failedSummary(result.error),
        });
        progress.failed++;
      }
      // Back-pressure: an engine computing on the main thread starves the writes of the event loop, so
      // wait for them once the oldest unstored point is older than maxWriteLagMs (a killed sweep then
      // loses at most about that much work, plus the points in flight).
      await (stored && writer.oldestWaitMs > maxWriteLagMs ? stored : new Promise(setImmediate));
      progress.done++;
      options.onProgress?.({ ...progress });
    },
  });
  for (const o of await writer.drain()) outcomes.set(o.key, o);
  const missing = keys.filter((k) => !outcomes.has(k));
  if (missing.length > 0) for (const [k, o] of await store.finished(missing)) outcomes.set(k, o);
  if (signal.aborted)
    throw new SweepInterruptedError(keys.filter((k) => outcomes.has(k)).length, keys.length);
  return sweepDocument(plan, outcomes);
}

/** The document of a stored sweep: its plan with whatever points are finished (the others `missing`). */
export async function storedSweepDocument(db: string, plan: SweepPlan): Promise<SweepDocument> {
  const outcomes: Map<string, PointOutcome> = await new PointStore(db).finished(
    plan.points.map((p) => p.key),
  );
  return sweepDocument(plan, outcomes);
}

function uniqueByKey(points: SweepPoint[]): SweepPoint[] {
  const seen = new Set<string>();
  return points.filter((p) => !seen.has(p.key) && seen.add(p.key));
}

/** A sweep stopped by a signal (exit code 130, as any interruption); what finished is stored. */
export class SweepInterruptedError extends InterruptedError {
  constructor(done: number, total: number) {
    super();
    this.message = messages.sweepInterrupted(done, total);
  }
}
