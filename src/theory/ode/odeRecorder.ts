import type { Status } from "../../core/status.js";
import type { OdeSetup } from "./normaliseOdeInput.js";
import type { OdeSolution, OdeStats } from "./types.js";

/**
 * Collects the states at the output times of one integration and builds its {@link OdeSolution}.
 *
 * Integrators advance their state and call `record(y)` each time they reach (or interpolate at)
 * `nextTime`; on numerical failure `fail(...)` fills every output not reached with NaN. The output
 * arrays are allocated once, in the constructor.
 *
 * @example
 * const rec = new OdeRecorder(setup);
 * while (!rec.done) { ...advance to rec.nextTime...; rec.record(y); }
 * return rec.finish();
 */
export class OdeRecorder {
  readonly t: Float64Array;
  readonly y: Float64Array[];
  readonly stats: OdeStats = { steps: 0, rejected: 0, rhsEvaluations: 0 };
  /** Index of the next output to fill. */
  next = 0;

  constructor(setup: OdeSetup) {
    this.t = setup.times;
    this.y = Array.from({ length: setup.dim }, () => new Float64Array(setup.times.length));
  }

  /** Whether every output has been filled. */
  get done(): boolean {
    return this.next >= this.t.length;
  }

  /** The next output time (`Infinity` when done). */
  get nextTime(): number {
    return this.next < this.t.length ? this.t[this.next] : Number.POSITIVE_INFINITY;
  }

  /** Store `state` as the value at the next output time. */
  record(state: Float64Array): void {
    const j = this.next++;
    for (let i = 0; i < state.length; i++) this.y[i][j] = state[i];
  }

  /** Store `state` at every pending output time equal to `t` (outputs may repeat a time). */
  recordAt(t: number, state: Float64Array): void {
    while (this.next < this.t.length && this.t[this.next] === t) this.record(state);
  }

  /** A successful solution. */
  finish(): OdeSolution {
    return { t: this.t, y: this.y, status: "ok", stats: this.stats };
  }

  /** A failed solution: outputs not reached are NaN, `failedAt` is the time the failure was detected. */
  fail(status: Status, failedAt: number, message: string): OdeSolution {
    for (const column of this.y) column.fill(Number.NaN, this.next);
    this.next = this.t.length;
    return { t: this.t, y: this.y, status, message, stats: this.stats, failedAt };
  }
}
