import { UnrecoverableError, Worker } from "bullmq";
import type { ExperimentRecord } from "../../experiment/record.js";
import { runExperiment } from "../../index.js";
import { workerPool } from "../pool.js";
import { type PointJob, redisConnection, sweepQueueName, versionRefusal } from "./bullmq-queue.js";
import { codeVersion } from "./read-sweep.js";

/** Options of {@link startSweepWorker}. */
export interface SweepWorkerOptions {
  /** Worker threads for the runs of a point (default 1: runs in this thread). */
  workers?: number;
  /**
   * How long a job stays locked without a heartbeat before another worker may take it over (ms; default
   * 30000). A SIGKILLed worker's job is retried after about this long.
   */
  lockMs?: number;
  /** Where to log refusals and failures (default stderr). */
  log?: (line: string) => void;
}

/**
 * `sgdlab worker --redis URL`: take point jobs from the sweep queue, one at a time, and return each
 * point's record (the coordinator stores it). A job queued by another sgdlab version or commit is refused
 * (failed, unrecoverably, with a message naming both versions). Stalled jobs of dead workers are put back
 * into the queue by the live ones (checked every lockMs/2), up to 5 times.
 *
 * @example const worker = startSweepWorker("redis://127.0.0.1:6379"); process.once("SIGTERM", () => worker.close())
 */
export function startSweepWorker(url: string, options: SweepWorkerOptions = {}): { close(): Promise<void> } {
  const mine = codeVersion();
  const pool = workerPool(options.workers ?? 1);
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const connection = redisConnection(url);
  const lockDuration = options.lockMs ?? 30_000;
  const worker = new Worker<PointJob, ExperimentRecord>(
    sweepQueueName,
    async (job) => {
      const refusal = versionRefusal(job.data.code, mine);
      if (refusal !== null) {
        log(`sgdlab worker: refused job ${job.id}: ${refusal}`);
        throw new UnrecoverableError(refusal);
      }
      return runExperiment(job.data.spec, { executor: pool.executor, commit: mine.commit });
    },
    {
      connection,
      concurrency: 1,
      lockDuration,
      stalledInterval: Math.max(500, lockDuration / 2),
      maxStalledCount: 5,
    },
  );
  worker.on("failed", (job, error) => log(`sgdlab worker: job ${job?.id} failed: ${error.message}`));
  let lastError = "";
  worker.on("error", (error) => {
    // Log a connection problem once, not on every reconnection attempt.
    if (error.message !== lastError) log(`sgdlab worker: ${error.message}`);
    lastError = error.message;
  });
  return {
    async close() {
      await worker.close();
      await pool.close();
      connection.disconnect();
    },
  };
}
