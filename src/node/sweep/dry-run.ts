import { existsSync } from "node:fs";
import { messages } from "../../core/messages.js";
import type { RunExecutor } from "../../experiment/experiment.js";
import { runExperiment } from "../../index.js";
import type { SweepPlan } from "../../sweep/plan.js";
import { workerPool } from "../pool.js";
import { PointStore } from "./point-store.js";

/** What `sweep --dry-run` reports. */
export interface DryRun {
  points: number;
  cached: number;
  /** Runs (seeds) of the pilot point times the points to compute. */
  runs: number;
  pilotSeconds: number;
  /** Pilot time times the points to compute (each point uses the whole pool while it runs). */
  estimateSeconds: number;
  text: string;
}

/**
 * Estimate a sweep's cost before spending it: count the points already stored (without creating a
 * database), run one pilot point (the first one to compute) on the worker pool, counting its runs and
 * timing it, and scale to the points left. Nothing is written.
 *
 * @example (await dryRunSweep(plan, ".sgdlab/runs.duckdb", 4)).text // "45 points (0 already stored), ..."
 */
export async function dryRunSweep(plan: SweepPlan, db: string, workers: number): Promise<DryRun> {
  const keys = [...new Set(plan.points.map((p) => p.key))];
  const cached = existsSync(db) ? (await new PointStore(db).finished(keys)).size : 0;
  const pilot = plan.points.find((p) => keys.includes(p.key));
  const pool = workerPool(workers);
  let runsPerPoint = 0;
  const counting: RunExecutor = (name, spec, count, options) => {
    runsPerPoint += count;
    return pool.executor(name, spec, count, options);
  };
  const start = performance.now();
  try {
    if (pilot && cached < keys.length) await runExperiment(pilot.spec, { executor: counting });
  } finally {
    await pool.close();
  }
  const pilotSeconds = (performance.now() - start) / 1000;
  const left = keys.length - cached;
  const result = {
    points: keys.length,
    cached,
    runs: runsPerPoint * left,
    pilotSeconds,
    estimateSeconds: pilotSeconds * left,
  };
  return {
    ...result,
    text: messages.sweepDryRun(
      result.points,
      cached,
      result.runs,
      pilotSeconds,
      result.estimateSeconds,
      workers,
    ),
  };
}
