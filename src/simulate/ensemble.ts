import { messages } from "../core/messages.js";
import { type Outcome, worstOutcome } from "../core/status.js";
import type { RunResult } from "./record-run.js";

/** Mean and standard error over runs of each statistic at the record points that every run reached. */
export interface EnsembleSummary {
  t: number[];
  mean: Record<string, number[]>;
  stderr: Record<string, number[]>;
  runs: number;
  /** Runs whose status is not "ok" (diverged, or failed on a NaN: `src/core/non-finite.ts`). */
  failedRuns: number;
  outcome: Outcome;
}

const maxListedFailures = 5;

/**
 * Summarise an ensemble, in run order (so the result does not depend on which worker ran which run).
 *
 * Points after the first failure of any run are dropped rather than averaged over survivors (which would
 * bias the mean) or turned into NaN; the failure is a status with one message per failed run.
 *
 * @param results one result per run, in run order
 * @param names statistic names, in the order of `values`
 * @param t the time of each record point
 * @param dt effective time per step, to report failure times
 * @param noun what one result is called in messages ("run", "chain", "path")
 */
export function summariseEnsemble(
  results: readonly RunResult[],
  names: readonly string[],
  t: readonly number[],
  dt: number,
  noun = "run",
): EnsembleSummary {
  const reached = Math.min(t.length, ...results.map((r) => r.recorded));
  const mean: Record<string, number[]> = {};
  const stderr: Record<string, number[]> = {};
  names.forEach((name, s) => {
    mean[name] = [];
    stderr[name] = [];
    for (let j = 0; j < reached; j++) {
      const [mu, se] = meanAndStderr(results, s, j);
      mean[name].push(mu);
      stderr[name].push(se);
    }
  });
  return { t: t.slice(0, reached), mean, stderr, runs: results.length, ...runFailures(results, dt, noun) };
}

/** Two-pass mean and standard error of the mean (0 for a single run). */
function meanAndStderr(results: readonly RunResult[], s: number, j: number): [number, number] {
  const n = results.length;
  let sum = 0;
  for (const r of results) sum += r.values[s][j];
  const mu = sum / n;
  if (n < 2) return [mu, 0];
  let ss = 0;
  for (const r of results) ss += (r.values[s][j] - mu) ** 2;
  return [mu, Math.sqrt(ss / (n - 1) / n)];
}

/**
 * The failed runs of an ensemble: their count (`failedRuns`, the one name of this counter in every
 * record) and their outcome, the worst status with one message per failed run (the first few) saying
 * how and when it failed.
 *
 * @example runFailures(results, 1 / N, "chain").failedRuns // 0
 */
export function runFailures(
  results: readonly RunResult[],
  dt: number,
  noun = "run",
): { failedRuns: number; outcome: Outcome } {
  const failed = results.map((r, i) => ({ r, i })).filter(({ r }) => r.status !== "ok");
  const listed = failed.slice(0, maxListedFailures).map(({ r, i }) => ({
    status: r.status,
    messages: [
      messages.runFailed(
        noun,
        i,
        r.message ?? r.status,
        r.failedStep === undefined ? undefined : r.failedStep * dt,
      ),
    ],
  }));
  const outcome = worstOutcome([...listed, ...failed.map(({ r }) => ({ status: r.status, messages: [] }))]);
  if (failed.length > maxListedFailures)
    outcome.messages.push(messages.moreFailures(failed.length - maxListedFailures, noun));
  return { failedRuns: failed.length, outcome };
}
