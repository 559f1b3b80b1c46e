import type { z } from "zod";
import { messages } from "../core/messages.js";
import type { Outcome } from "../core/status.js";
import { summariseEnsemble } from "../simulate/ensemble.js";
import type { RunResult } from "../simulate/record-run.js";
import type { ExperimentRecord, Series } from "./record.js";
import type { WorkEstimate } from "./work.js";

/** Progress of a long computation, for progress bars and UIs. */
export interface Progress {
  phase: "simulation" | "theory";
  done: number;
  total: number;
}

/**
 * Runs `count` independent runs of an experiment (run i from stream i of the spec's seed) and returns
 * their results in run order. The default runs them in this thread; `src/node/pool.ts` runs them on
 * worker threads. Either way the results are identical.
 */
export type RunExecutor = (
  experiment: string,
  spec: unknown,
  count: number,
  options: { onRun?: () => void; signal?: AbortSignal },
) => Promise<RunResult[]>;

export interface RunContext {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  executor?: RunExecutor;
  /** Git commit of the code, when the caller can find it (Node only). */
  commit?: string | null;
  /** The work guard's limit in operations (default `defaultWorkLimit`, src/core/messages.ts). */
  workLimit?: number;
}

/** What an experiment computes; `runExperiment` adds version, provenance, spec and timing. */
export type RecordBody = Pick<
  ExperimentRecord,
  "status" | "messages" | "series" | "scalars" | "tables" | "distributions" | "agreement"
> & { timing: Record<string, number> };

/**
 * An experiment of the catalogue: a spec schema, a deterministic single run, and the whole computation.
 *
 * For implementers: `schema` is a zod strict object whose `model.name` literal is the experiment name;
 * `check` performs cross-field validation and throws `SpecError`; `cost` estimates the work (give it
 * whenever a field can make the run long: the guard refuses what is far beyond the examples); `simulateRun(spec, i)` (for
 * experiments with an ensemble of runs) must depend only on the spec and i (it runs on worker threads);
 * `run` simulates through `ctx.executor`, computes the theory and the agreement. Experiments whose
 * records are not time series give a figure renderer in their folder's `index.ts` (`ModelPackage.renderers`).
 * List it in the folder's `catalogueEntry` (`src/models/<name>/index.ts`), give it an example in
 * `examples/`, a page in `docs/models/`, and tests under `test/models/<name>/` (docs/extending.md).
 */
export interface Experiment<S = unknown> {
  readonly name: string;
  readonly description: string;
  readonly schema: z.ZodType<S>;
  check(spec: S): void;
  /**
   * The estimated work of a valid spec (the work guard refuses one above the limit before it runs):
   * e.g. runs × steps × N for an ensemble, times the measured nanoseconds of one unit.
   */
  cost?(spec: S): WorkEstimate;
  simulateRun?(spec: S, index: number): RunResult;
  run(spec: S, ctx: Required<Pick<RunContext, "executor">> & RunContext): Promise<RecordBody>;
}

/**
 * A record body with nothing in it yet (status ok), to fill: `{ ...emptyRecordBody(), scalars }`.
 *
 * @example const body = emptyRecordBody(); body.series.push(sim)
 */
export function emptyRecordBody(): RecordBody {
  return {
    status: "ok",
    messages: [],
    series: [],
    scalars: {},
    tables: {},
    distributions: {},
    agreement: {},
    timing: {},
  };
}

/**
 * Run `count` runs of an experiment through the context's executor, reporting simulation progress run by
 * run: what every experiment with an ensemble does.
 *
 * @example const results = await runEnsemble(ctx, "spiked-tensor", spec, spec.runs)
 */
export function runEnsemble(
  ctx: Required<Pick<RunContext, "executor">> & RunContext,
  experiment: string,
  spec: unknown,
  count: number,
): Promise<RunResult[]> {
  let done = 0;
  return ctx.executor(experiment, spec, count, {
    signal: ctx.signal,
    onRun: () => ctx.onProgress?.({ phase: "simulation", done: ++done, total: count }),
  });
}

/**
 * The ensemble of an experiment as its `simulation` series: runs `runs` runs of the spec through the context's
 * executor, summarises them on the record grid `t` (mean and standard error per statistic), pushes the
 * series into `body` with the `failedRuns` scalar and the simulation timing, and returns the series, the
 * ensemble's outcome (for the record's status) and the per-run results.
 *
 * @param dt the time of one step (for the failed-run messages)
 * @example const sim = await simulationSeries(ctx, "spiked-tensor", spec, spec.runs, names, grid.t, dt, body)
 */
export async function simulationSeries(
  ctx: Required<Pick<RunContext, "executor">> & RunContext,
  experiment: string,
  spec: unknown,
  runs: number,
  names: readonly string[],
  t: readonly number[],
  dt: number,
  body: RecordBody,
): Promise<{ series: Series; outcome: Outcome; results: RunResult[] }> {
  const start = performance.now();
  const results = await runEnsemble(ctx, experiment, spec, runs);
  const summary = summariseEnsemble(results, names, t, dt);
  const series: Series = {
    source: "simulation",
    t: summary.t,
    values: summary.mean,
    stderr: summary.stderr,
    runs,
  };
  body.series.push(series);
  body.scalars.failedRuns = summary.failedRuns;
  if (summary.failedRuns > 0)
    summary.outcome.messages.unshift(messages.divergedRuns(summary.failedRuns, runs));
  body.timing.simulationSeconds = (performance.now() - start) / 1000;
  return { series, outcome: summary.outcome, results };
}
