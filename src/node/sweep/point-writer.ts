import type { PointOutcome } from "../../sweep/document.js";
import type { CodeVersion } from "../../sweep/key.js";
import type { FinishedPoint, PointStore } from "./point-store.js";

/**
 * Writes finished points to the store as they arrive, in batches: while one transaction is being written,
 * the next points queue up and go together into the next one (an open of the file costs ~0.1 s, so a
 * sweep of fast points needs a few writes, not one per point). `drain()` waits for everything queued.
 *
 * @example const writer = new PointWriter(store, code); writer.add(point); await writer.drain()
 */
export class PointWriter {
  private queue: FinishedPoint[] = [];
  private writing: Promise<void> | null = null;
  private failure: unknown = null;
  readonly written: PointOutcome[] = [];

  constructor(
    private readonly store: PointStore,
    private readonly code: CodeVersion,
  ) {}

  add(point: FinishedPoint): void {
    this.queue.push(point);
    this.writing ??= this.loop();
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
        this.written.push(...(await this.store.store(batch, this.code)));
      }
    } catch (e) {
      this.failure ??= e;
      this.queue = [];
    } finally {
      this.writing = null;
    }
  }
}
