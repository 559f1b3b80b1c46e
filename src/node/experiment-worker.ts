import type { MessagePort } from "node:worker_threads";
import { runExperiment } from "../catalogue/index.js";
import type { ExperimentRecord } from "../experiment/record.js";
import type { ExperimentThreadTask, ThreadError } from "./experiment-thread.js";
import { workerPool } from "./pool.js";

/**
 * Piscina entry of {@link runInThread}: run the whole experiment on this thread (its runs on a pool of
 * `workers` threads below it), posting progress on `progress`, and return the record, or the error as a
 * plain {@link ThreadError} (a `SpecError`'s fields survive the thread boundary that way). The main thread
 * stays free to honour Ctrl-C while a long synchronous theory phase runs here.
 */
export default async function runExperimentTask(
  task: ExperimentThreadTask & { progress: MessagePort },
): Promise<{ record: ExperimentRecord } | { error: ThreadError }> {
  const { spec, workers, commit, progress } = task;
  const pool = workerPool(workers);
  try {
    const record = await runExperiment(spec, {
      executor: pool.executor,
      onProgress: (p) => progress.postMessage(p),
      commit,
    });
    return { record };
  } catch (e) {
    const err = e as Error & { field?: string; value?: unknown; allowed?: string };
    let value: unknown = err.value;
    try {
      structuredClone(value);
    } catch {
      value = String(value);
    }
    return { error: { name: err.name, message: err.message, field: err.field, value, allowed: err.allowed } };
  } finally {
    progress.close();
    await pool.close();
  }
}
