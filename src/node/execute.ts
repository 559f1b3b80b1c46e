import { runExperiment, validateSpec } from "../catalogue/index.js";
import type { ExperimentRecord } from "../experiment/record.js";
import { workerPool } from "./pool.js";
import { delayedProgressBar } from "./progress.js";
import { gitCommit } from "./provenance.js";
import { RunStore } from "./store.js";

export interface ExecuteOptions {
  workers: number;
  quiet: boolean;
  /** Database path, or null not to store the run. */
  db: string | null;
}

/**
 * Validate, run on the worker pool with a progress bar, and store the run in DuckDB: the Node side of
 * `sgdlab run` and `sgdlab reproduce`.
 *
 * The spec is validated before anything is opened or written. The run is registered as "running" first
 * and finished in one transaction; Ctrl-C (SIGINT/SIGTERM) or an exception marks it "interrupted" or
 * "failed" instead, so nothing is ever marked finished that did not finish.
 */
export async function executeSpec(input: unknown, options: ExecuteOptions): Promise<ExperimentRecord> {
  const { experiment, spec } = validateSpec(input);
  const store = options.db === null ? null : await RunStore.open(options.db);
  const commit = gitCommit();
  const startedAt = new Date().toISOString();
  const node = process.version;
  const platform = `${process.platform}-${process.arch}`;
  const id = await store?.begin(spec, { commit, node, platform, startedAt }, experiment.name);
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error("interrupted by signal"));
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  const pool = workerPool(options.workers);
  const bar = options.quiet ? undefined : delayedProgressBar();
  try {
    const record = await runExperiment(spec, {
      executor: pool.executor,
      signal: controller.signal,
      onProgress: bar?.update,
      commit,
    });
    if (id) await store?.finish(id, record);
    return record;
  } catch (e) {
    const interrupted = controller.signal.aborted;
    if (id) await store?.abort(id, interrupted ? "interrupted" : "failed", (e as Error).message);
    throw interrupted ? new InterruptedError() : e;
  } finally {
    bar?.stop();
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
    await pool.close();
    await store?.close();
  }
}

/** The run was stopped by a signal (exit code 130). */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  constructor() {
    super("interrupted: the run was stopped and marked 'interrupted' in the run database");
  }
}
