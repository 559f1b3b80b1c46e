import { type ExperimentRecord, type RunResult, runExperiment } from "./core.js";
import { webMessages } from "./messages.js";
import { partialRecord } from "./partial.js";
import { RecordWorker } from "./record-worker.js";
import { hasEnsemble } from "./theory.js";
import { WorkerPool } from "./worker-pool.js";

/** What a run tells the page while it goes. */
export interface RunCallbacks {
  onProgress(done: number, total: number, workers: number): void;
  /** The record of the runs finished so far (only for experiments whose theory is cheap). */
  onPartial(record: ExperimentRecord): void;
}

/** Refresh the partial figure at most this often, and only while one refresh costs less than `cheapMs`. */
const partialEveryMs = 300;
const cheapMs = 60;

/**
 * Runs a valid spec in the page: the ensemble on the {@link WorkerPool} (one worker per core), the
 * theory and the combination in the page through the core's `runExperiment` (so the record equals the
 * CLI's, number for number), or, for experiments without an ensemble, the whole record in a worker.
 * {@link cancel} terminates the workers.
 */
export class RunControl {
  private readonly pool = new WorkerPool();
  private readonly single = new RecordWorker();
  private controller: AbortController | undefined;

  /** Workers the page runs an ensemble on. */
  get workers(): number {
    return this.pool.size;
  }

  /** Workers alive now (the pool's; the page's theory worker is not counted). */
  get live(): number {
    return this.pool.live;
  }

  /** Run `spec`; resolves to its record, or rejects (AbortError after {@link cancel}). */
  run(spec: Record<string, unknown>, on: RunCallbacks): Promise<ExperimentRecord> {
    this.controller = new AbortController();
    const signal = this.controller.signal;
    if (!hasEnsemble(spec)) return this.inWorker(spec, signal);
    let results: (RunResult | undefined)[] = [];
    let total = 0;
    let calls = 0;
    let last = 0;
    let cheap = true;
    const executor = this.pool.executor((index, result) => {
      results[index] = result;
      const now = performance.now();
      if (!cheap || calls > 1 || now - last < partialEveryMs) return;
      last = now;
      void partialRecord(spec, total, results).then((record) => {
        cheap = performance.now() - now < cheapMs;
        if (record && !signal.aborted) on.onPartial(record);
      });
    });
    return runExperiment(spec, {
      signal,
      executor: (name, s, count, options) => {
        calls++;
        total = count;
        results = [];
        return executor(name, s, count, options);
      },
      onProgress: (p) => {
        if (p.phase === "simulation") on.onProgress(p.done, p.total, Math.min(this.pool.size, p.total));
      },
    });
  }

  /** Stop the run in progress: workers terminated, the run's promise rejects. */
  cancel(): void {
    this.controller?.abort(new DOMException(webMessages.cancelled, "AbortError"));
    this.single.restart();
  }

  private inWorker(spec: Record<string, unknown>, signal: AbortSignal): Promise<ExperimentRecord> {
    return new Promise((resolve, reject) => {
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      this.single.request(spec, (record, error) => (record ? resolve(record) : reject(new Error(error))));
    });
  }
}
