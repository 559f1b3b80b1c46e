import type { ExperimentRecord } from "./core.js";
import { startWorker } from "./worker-pool.js";
import type { FromWorker, ToWorker } from "./worker-protocol.js";

/**
 * Computes whole records in one background worker, latest request wins: while one is computing, newer
 * requests replace each other and only the last is computed next, so dragging a slider never queues up
 * stale theories. {@link restart} drops the current one (the worker is terminated).
 *
 * @example const records = new RecordWorker(); records.request(spec, (r) => draw(r), (e) => show(e));
 */
export class RecordWorker {
  private busy: number | null = null;
  private pending: { spec: unknown; done: Done } | undefined;
  private current: Done | undefined;
  private nextId = 1;
  private worker: Worker | undefined;

  /** Compute the record of `spec` (valid), then call `done` — unless a newer request came first. */
  request(spec: unknown, done: Done): void {
    this.pending = { spec, done };
    if (this.busy === null) this.sendPending();
  }

  /** Start the worker now (it loads the core), so that the first request does not wait for it. */
  warm(): void {
    this.started();
  }

  /** Terminate the worker (a computation in progress is dropped silently). */
  restart(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.busy = null;
    this.pending = undefined;
  }

  private sendPending(): void {
    if (!this.pending) return;
    const { spec, done } = this.pending;
    this.pending = undefined;
    this.busy = this.nextId++;
    this.current = done;
    this.started().postMessage({ kind: "record", id: this.busy, spec } satisfies ToWorker);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.kind === "result" || data.id !== this.busy) return;
      this.busy = null;
      const done = this.current;
      // A newer request supersedes this answer: compute that one instead of drawing a stale record.
      if (this.pending) return this.sendPending();
      if (data.kind === "record") done?.(data.record, undefined);
      else done?.(undefined, data.message);
    };
    this.worker = worker;
    return worker;
  }
}

/** Called with the record, or with the error message when the computation threw. */
export type Done = (record: ExperimentRecord | undefined, error: string | undefined) => void;
