import { setTimeout as sleep } from "node:timers/promises";
import { type Job, Queue } from "bullmq";
import { SpecError } from "../../core/errors.js";
import { messages } from "../../core/messages.js";
import type { ExperimentRecord } from "../../experiment/record.js";
import type { CodeVersion } from "../../sweep/key.js";
import type { SweepPoint } from "../../sweep/plan.js";
import { type PointJob, redisConnection, sweepQueueName } from "./bullmq-queue.js";
import type { EngineContext, SweepEngine } from "./engine.js";

/** How often the coordinator looks for finished jobs. */
const pollMs = 100;

/**
 * The BullMQ engine (the coordinator's side): queue each missing point as a job whose id is its key (so
 * a point is never queued twice, and a re-run finds jobs that finished while no coordinator was
 * running), then collect finished jobs and hand their records to the caller, which alone writes the store.
 * Workers (`sgdlab worker --redis URL`, any machine with the same code) compute them. A job whose worker
 * died is retried by BullMQ's stalled-job recovery; a job that failed is removed and queued again by the
 * next run. Collected jobs are removed from Redis.
 *
 * @example const engine = bullmqEngine("redis://127.0.0.1:6379", codeVersion())
 */
export function bullmqEngine(url: string, code: CodeVersion): SweepEngine {
  const connection = redisConnection(url);
  const queue = new Queue<PointJob, ExperimentRecord>(sweepQueueName, { connection });
  // Connection failures surface through reachable() and failed commands; BullMQ would also print each one.
  queue.on("error", () => {});
  return {
    name: "bullmq",
    async run(points, ctx) {
      await reachable(connection, url);
      await enqueue(queue, points, code);
      const pending = new Map(points.map((p) => [p.key, p]));
      while (pending.size > 0 && !ctx.signal.aborted) {
        const found = await queue.getJobs(["completed", "failed"], 0, -1);
        for (const job of found) if (job?.id && pending.has(job.id)) await collect(job, pending, ctx);
        if (pending.size > 0) await sleep(pollMs, undefined, { signal: ctx.signal }).catch(() => undefined);
      }
    },
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}

/** Fail fast (a SpecError naming --redis) when Redis does not answer PING within 10 s. */
async function reachable(connection: ReturnType<typeof redisConnection>, url: string): Promise<void> {
  const timeout = sleep(10_000, "timeout");
  const answer = await Promise.race([connection.ping().catch((e: Error) => e.message), timeout]);
  if (answer !== "PONG") throw new SpecError("--redis", url, messages.sweepRedisUnreachable(String(answer)));
}

/** Queue the points not yet in the queue; jobs of a failed earlier attempt are removed and queued afresh. */
async function enqueue(
  queue: Queue<PointJob, ExperimentRecord>,
  points: readonly SweepPoint[],
  code: CodeVersion,
) {
  for (const p of points) {
    const old = await queue.getJob(p.key);
    if (old && (await old.getState()) === "failed") await old.remove();
  }
  await queue.addBulk(
    points.map((p) => ({
      name: p.experiment,
      data: { key: p.key, experiment: p.experiment, spec: p.spec, code },
      opts: { jobId: p.key, attempts: 2, removeOnComplete: false, removeOnFail: false },
    })),
  );
}

async function collect(
  job: Job<PointJob, ExperimentRecord>,
  pending: Map<string, SweepPoint>,
  ctx: EngineContext,
) {
  const point = pending.get(job.id as string) as SweepPoint;
  pending.delete(point.key);
  const record = job.returnvalue;
  if (record && typeof record === "object" && "series" in record) await ctx.onResult(point, { record });
  else await ctx.onResult(point, { error: messages.sweepWorkerFailed(job.failedReason ?? "no result") });
  if (!job.failedReason) await job.remove();
}
