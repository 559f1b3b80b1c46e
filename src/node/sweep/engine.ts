import type { ExperimentRecord } from "../../experiment/record.js";
import type { SweepPoint } from "../../sweep/plan.js";

/** What an engine reports for one point: its record, or why it has none (an internal failure). */
export type PointResult = { record: ExperimentRecord } | { error: string };

/** What the coordinator gives an engine: the stop signal and where results go. */
export interface EngineContext {
  signal: AbortSignal;
  /**
   * Called once per point as soon as it finishes (in any order); resolves when the result is stored.
   * Engines that compute on the main thread await it before the next point, so that the store's writes
   * get the event loop (and a killed sweep loses at most the points in flight).
   */
  onResult(point: SweepPoint, result: PointResult): Promise<void>;
}

/**
 * Computes sweep points somewhere (this machine's worker pool, a Redis queue, a Slurm array) and reports
 * each as it finishes. It never writes the store: the coordinator (`runSweep`) is the only writer.
 * Resolves when every point has reported, or soon after the signal aborts (unreported points are then
 * simply not computed). A point's record must depend only on its spec (every run i from stream i of the
 * seed), so the table is the same on every engine and for every worker count.
 *
 * For implementers: honour `signal`, report every point at most once, release what you hold in `close`;
 * run `test/sweep/engines.test.ts` against the new engine.
 */
export interface SweepEngine {
  readonly name: string;
  run(points: readonly SweepPoint[], ctx: EngineContext): Promise<void>;
  close(): Promise<void>;
}
