import { validateSpec } from "../catalogue/index.js";
import type { ExperimentRecord } from "../experiment/record.js";
import { runInThread } from "./experiment-thread.js";
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
 * Validate, run on a worker thread (its runs on a pool of `workers` threads) with a progress bar, and
 * store the run in DuckDB: the Node side of `sgdlab run` and `sgdlab reproduce`.
 *
 * The spec is validated before anything is opened or written. The run is registered as "running" first
 * and finished in one transaction; Ctrl-C (SIGINT/SIGTERM) or an exception marks it "interrupted" or
 * "failed" instead, so nothing is ever marked finished that did not finish. The experiment runs off the
 * main thread (`./experiment-thread.ts`), so a signal is honoured at once even during a long synchronous
 * theory phase: the handler terminates the thread, whatever it is doing.
 */
export async function executeSpec(input: unknown, options: ExecuteOptions): Promise<ExperimentRecord> {
  const { experiment, spec } = validateSpec(input);
  // The handler is installed before anything is opened, so that a signal at any later moment is ours
  // (before the thread starts it only sets the flag; the thread is then never started).
  let interrupted = false;
  let thread: ReturnType<typeof runInThread> | undefined;
  const onSignal = () => {
    interrupted = true;
    thread?.stop(new Error("interrupted by signal"));
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  let store: RunStore | null = null;
  let id: string | undefined;
  const bar = options.quiet ? undefined : delayedProgressBar();
  try {
    store = options.db === null ? null : await RunStore.open(options.db);
    const commit = gitCommit();
    const provenance = { commit, node: process.version, platform: `${process.platform}-${process.arch}` };
    id = await store?.begin(spec, { ...provenance, startedAt: new Date().toISOString() }, experiment.name);
    if (interrupted) throw new InterruptedError();
    thread = runInThread({ spec, workers: options.workers, commit }, bar?.update);
    const record = await thread.result;
    if (id) await store?.finish(id, record);
    return record;
  } catch (e) {
    if (id) await store?.abort(id, interrupted ? "interrupted" : "failed", (e as Error).message);
    throw interrupted ? new InterruptedError() : e;
  } finally {
    bar?.stop();
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
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
