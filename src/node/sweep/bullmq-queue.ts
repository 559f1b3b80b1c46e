import { Redis } from "ioredis";
import { messages } from "../../core/messages.js";
import type { CodeVersion } from "../../sweep/key.js";

/** The BullMQ queue every sgdlab coordinator and worker uses (jobs carry their code version). */
export const sweepQueueName = "sgdlab-sweep";

/** A queued point: its key (also the job id, so a point is queued at most once), spec and code version. */
export interface PointJob {
  key: string;
  experiment: string;
  spec: Record<string, unknown>;
  code: CodeVersion;
}

/**
 * An ioredis connection for BullMQ (`maxRetriesPerRequest: null`, as BullMQ's blocking commands need).
 *
 * @example const connection = redisConnection("redis://127.0.0.1:6379")
 */
export function redisConnection(url: string): Redis {
  const connection = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  // Connection errors are retried by ioredis and surface as failed commands; do not crash on the event.
  connection.on("error", () => {});
  return connection;
}

/** `sgdlab 0.1.0 (commit abc123)`, how a code version is named in messages. */
export function describeCode(code: CodeVersion): string {
  return `sgdlab ${code.sgdlab} (commit ${code.commit ?? "none"})`;
}

/**
 * Why a worker must refuse a job: null when the job's code version is its own, else the message (a
 * different version or commit could compute different numbers under the same key).
 *
 * @example versionRefusal({ sgdlab: "0.1.0", commit: "a" }, { sgdlab: "0.1.0", commit: "b" }) // "this worker runs ..."
 */
export function versionRefusal(job: CodeVersion, mine: CodeVersion): string | null {
  if (job.sgdlab === mine.sgdlab && job.commit === mine.commit) return null;
  return messages.workerVersion(describeCode(job), describeCode(mine));
}
