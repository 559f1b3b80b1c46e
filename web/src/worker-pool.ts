import type { RunExecutor, RunResult } from "./core.js";
import type { FromWorker, ToWorker } from "./worker-protocol.js";

/** A new page worker (web/src/worker.ts); Vite bundles it as its own module chunk. */
export function startWorker(): Worker {
  return new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "sgdlab" });
}

/**
 * Runs an ensemble on Web Workers, one per core by default (`navigator.hardwareConcurrency`).
 *
 * Workers take run indices from one queue, one at a time, so a slow run never holds back the others;
 * results are returned in run order (run i is stream i of the seed), so the record is the one that
 * `sgdlab run` writes with any `--workers`. Cancelling (the run's AbortSignal or {@link cancel})
 * terminates the workers at once, mid-run; the next run starts fresh ones.
 *
 * @example
 * const pool = new WorkerPool();
 * const record = await runExperiment(spec, { executor: pool.executor((i) => console.log("run", i)) });
 */
export class WorkerPool {
  private workers: Worker[] = [];
  private stop: ((reason: unknown) => void) | undefined;

  constructor(readonly size = Math.max(1, navigator.hardwareConcurrency || 1)) {}

  /** Workers alive now (0 when idle after a cancel, up to {@link size} while running). */
  get live(): number {
    return this.workers.length;
  }

  /** Stop every worker now; a run in progress rejects with `reason`. */
  cancel(reason: unknown = new DOMException("cancelled", "AbortError")): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.stop?.(reason);
    this.stop = undefined;
  }

  /** A {@link RunExecutor} over this pool; `onResult(index, result)` sees each run as it finishes. */
  executor(onResult?: (index: number, result: RunResult) => void): RunExecutor {
    return (experiment, spec, count, { onRun, signal }) =>
      new Promise<RunResult[]>((resolve, reject) => {
        if (count === 0) return resolve([]);
        signal?.throwIfAborted();
        const results: RunResult[] = new Array(count);
        let next = 0;
        let done = 0;
        const feed = (w: Worker) => {
          if (next < count)
            w.postMessage({ kind: "run", experiment, spec, index: next++ } satisfies ToWorker);
        };
        const onAbort = () => this.cancel(signal?.reason);
        signal?.addEventListener("abort", onAbort, { once: true });
        this.stop = (reason) => {
          signal?.removeEventListener("abort", onAbort);
          reject(reason);
        };
        for (const w of this.ensure(Math.min(this.size, count))) {
          w.onmessage = ({ data }: MessageEvent<FromWorker>) => {
            if (data.kind !== "result")
              return this.cancel(new Error(data.kind === "error" ? data.message : data.kind));
            results[data.index] = data.result;
            onRun?.();
            onResult?.(data.index, data.result);
            if (++done < count) return feed(w);
            signal?.removeEventListener("abort", onAbort);
            this.stop = undefined;
            resolve(results);
          };
          w.onerror = (e) => this.cancel(new Error(e.message || "a worker failed to start"));
          feed(w);
        }
      });
  }

  private ensure(n: number): Worker[] {
    while (this.workers.length < n) this.workers.push(startWorker());
    return this.workers.slice(0, n);
  }
}
