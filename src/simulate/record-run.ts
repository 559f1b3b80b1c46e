import { checkFinite, nonFinite, nonFiniteKind } from "../core/non-finite.js";
import { Rng } from "../core/rng.js";
import type { Status } from "../core/status.js";
import type { Stepper } from "./stepper.js";

/** The statistics of one run at the record points, or how it failed. */
export interface RunResult {
  /** `values[s][j]`: statistic `s` at record point `j`; NaN from the first failed point on. */
  values: Float64Array[];
  /** Number of record points reached before a failure (all of them when `status` is "ok"). */
  recorded: number;
  status: Status;
  message?: string;
  /** The 1-based step after which the parameters first left the finite range. */
  failedStep?: number;
}

/** Default bound on the stepper's `size()` (e.g. |x|^2) beyond which a run counts as diverged. */
export const DIVERGENCE_SIZE = 1e100;

/**
 * Run a stepper and read its statistics after each number of steps in `recordSteps` (increasing).
 *
 * Divergence is checked at the record points only, so the hot loop pays nothing for it; when the size at
 * a record point is non-finite or above `limit`, the interval since the previous record point is replayed
 * from a snapshot of the parameters and the Rng state, step by step, to find the exact step. The status
 * and message come from the shared rule (`src/core/non-finite.ts`): `"diverged"` for a size beyond
 * `limit` or infinite, `"failed"` for a NaN; a statistic that is not finite while the size is ends the
 * run as well, naming the statistic and the record point's step.
 *
 * @param stepper the run
 * @param rng its random stream (consumed)
 * @param recordSteps step counts at which to record, e.g. `[0, 400, 800]`
 * @param limit divergence bound on `stepper.size()`
 * @example const res = recordRun(stepper, Rng.fromSeed(1).split(0), [0, 100, 200])
 */
export function recordRun(
  stepper: Stepper,
  rng: Rng,
  recordSteps: ArrayLike<number>,
  limit = DIVERGENCE_SIZE,
): RunResult {
  const names = stepper.statisticNames;
  const values = names.map(() => new Float64Array(recordSteps.length).fill(Number.NaN));
  const buf = new Float64Array(names.length);
  let l = 0;
  for (let j = 0; j < recordSteps.length; j++) {
    const from = l;
    const rngState = rng.state();
    stepper.save();
    if (stepper.advanceMany) {
      stepper.advanceMany(rng, l, recordSteps[j]);
      l = Math.max(l, recordSteps[j]);
    } else {
      for (const target = recordSteps[j]; l < target; l++) stepper.advance(rng, l);
    }
    if (nonFiniteKind(stepper.size(), limit) !== undefined) {
      stepper.restore();
      const [failedStep, size] = replayToFailure(
        stepper,
        Rng.fromState(rngState),
        from,
        recordSteps[j],
        limit,
      );
      const bad = nonFinite("the size of the parameters", size, { step: failedStep }, limit);
      return { values, recorded: j, status: bad.status, message: bad.messages[0], failedStep };
    }
    stepper.read(buf);
    const bad = checkFinite(names, buf, { step: l });
    if (bad) return { values, recorded: j, status: bad.status, message: bad.messages[0], failedStep: l };
    for (let s = 0; s < names.length; s++) values[s][j] = buf[s];
  }
  return { values, recorded: recordSteps.length, status: "ok" };
}

/**
 * The first step in `(from, to]` after which the size leaves the range, and the size there (`to` and its
 * size if the replay never does: a stepper whose `advanceMany` and `advance` differ).
 */
function replayToFailure(
  stepper: Stepper,
  rng: Rng,
  from: number,
  to: number,
  limit: number,
): [number, number] {
  for (let l = from; l < to; l++) {
    stepper.advance(rng, l);
    const size = stepper.size();
    if (nonFiniteKind(size, limit) !== undefined) return [l + 1, size];
  }
  return [to, stepper.size()];
}
