import { setMaxListeners } from "node:events";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { inThreadExecutor } from "../catalogue/index.js";
import type { RunExecutor } from "../experiment/experiment.js";
import type { RunResult } from "../simulate/record-run.js";
import type { RunTask } from "./worker.js";

/**
 * `execArgv` of a worker thread started from this folder: from the TypeScript sources (tests, `tsx`) the
 * thread loads tsx first, resolved from here (not from the working directory); from `dist/`, nothing.
 * `createRequire` rather than `import.meta.resolve`, which a thread that tsx loaded as CommonJS lacks.
 */
export function threadExecArgv(): string[] {
  return import.meta.url.endsWith(".ts") ? ["--import", createRequire(import.meta.url).resolve("tsx")] : [];
}

/** Default worker count: all cores. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * A {@link RunExecutor} over `workers` worker threads (one run per task). Run i always uses stream i of the
 * seed and results are returned in run order, so the record is identical for any worker count. With one
 * worker, runs happen in this thread (no start-up cost).
 *
 * Call `close()` when done. From TypeScript sources (tests, `tsx`) the workers load the `.ts` worker
 * through tsx; from `dist/` they load the compiled `.js`.
 *
 * @example const pool = workerPool(2); await runExperiment(spec, { executor: pool.executor }); await pool.close()
 */
export function workerPool(workers: number): { executor: RunExecutor; close(): Promise<void> } {
  if (workers <= 1) return { executor: inThreadExecutor, close: async () => {} };
  const fromSource = import.meta.url.endsWith(".ts");
  const piscina = new Piscina<RunTask, RunResult>({
    filename: fileURLToPath(new URL(fromSource ? "./worker.ts" : "./worker.js", import.meta.url)),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    execArgv: threadExecArgv(),
  });
  const executor: RunExecutor = (experiment, spec, count, { onRun, signal }) => {
    // Every queued task listens to the signal: raise Node's leak-warning threshold accordingly.
    if (signal) setMaxListeners(count + 10, signal);
    return Promise.all(
      Array.from({ length: count }, (_, index) =>
        piscina.run({ experiment, spec, index }, { signal: signal ?? null }).then((r) => {
          onRun?.();
          return r;
        }),
      ),
    );
  };
  return { executor, close: () => piscina.destroy() };
}
