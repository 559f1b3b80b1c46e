import type { PointOutcome } from "../../sweep/document.js";
import type { CodeVersion } from "../../sweep/key.js";
import type { FinishedPoint, PointStore } from "./point-store.js";

/**
 * Writes finished points to the store as they arrive, in batches: while one transaction is being written,
 * the next points queue up and go together into the next one (an open of the file costs ~0.1 s, so a
 * sweep of fast points needs a few writes, not one per point). `add` resolves when the point is stored;
 * `oldestWaitMs` says how far the writes lag, for back-pressure. `drain()` waits for everything queued.
 *
 * @example const writer = new PointWriter(store, code); writer.add(point); await writer.drain()
 */
export class PointWriter {
  private queue: { point: FinishedPoint; done: () => void; at: number }[] = [];
  private batchSince: number | null = null;
  private writing: Promise<void> | null = null;
  private failure: unknown = null;
  readonly written: PointOutcome[] = [];

  constructor(
    private readonly store: PointStore,
    private readonly code: CodeVersion,
  ) {}

  /** Queue a point; resolves once it is stored (or its batch failed: see {@link drain}). */
  add(point: FinishedPoint): Promise<void> {
    const stored = new Promise<void>((done) => this.queue.push({ point, done, at: performance.now() }));
    this.writing ??= this.loop();
    return stored;
  }

  /** How long the oldest point not yet stored has waited, in ms (0 when none waits). */
  get oldestWaitMs(): number {
    const since = this.batchSince ?? this.queue[0]?.at;
    return since === undefined ? 0 : performance.now() - since;
  }

  /** Wait until every added point is stored; rethrows a failed write. */
  async drain(): Promise<PointOutcome[]> {
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure;
    return this.written;
  }

  private async loop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        this.batchSince = batch[0].at;
        try {
          this.written.push(
            ...(await this.store.store(
              batch.map((b) => b.point),
              this.code,
            )),
          );
        } finally {
          this.batchSince = null;
          for (const b of batch) b.done();
        }
      }
    } catch (e) {
      this.failure ??= e;
      for (const b of this.queue.splice(0)) b.done();
    } finally {
      this.writing = null;
    }
  }
}
