import { odeMessages } from "./messages.js";
import type { OdeSetup } from "./normaliseOdeInput.js";
import { OdeRecorder } from "./odeRecorder.js";
import { maxAbs, stateStatus } from "./stateStatus.js";
import type { OdeSolution } from "./types.js";

/**
 * One step of a fixed-step method: advances `y` in place from `t` to `t + h`.
 *
 * For implementers: allocate the stage arrays once, when the stepper is built, and nothing in `step`;
 * set `stages` to the number of `rhs` calls per step (it feeds `stats.rhsEvaluations`).
 */
export interface FixedStepper {
  stages: number;
  step(t: number, h: number, y: Float64Array): void;
}

/**
 * Drive a {@link FixedStepper} through the output times with step $h$, hitting every output exactly.
 *
 * An output interval of length $\Delta$ takes $n = \lceil \Delta / h \rceil$ steps: $n - 1$ of length
 * $h$ (their ends computed as $t_\mathrm{start} + k h$, so round-off does not accumulate) and a last one
 * ending exactly at the output time. After every step the state is checked: NaN gives status `"failed"`, a
 * component above `blowUp` gives `"diverged"`, and more than `maxSteps` steps give `"not-converged"`.
 *
 * Args: `setup` from `normaliseOdeInput` (with `h` set), `stepper` the method's step.
 *
 * @example integrateFixedStep(setup, rk4Stepper(problem, setup.dim))
 */
export function integrateFixedStep(setup: OdeSetup, stepper: FixedStepper): OdeSolution {
  const rec = new OdeRecorder(setup);
  const y = setup.y0;
  const h = setup.h as number;
  const { maxSteps, blowUp } = setup;
  const stats = rec.stats;
  let t = setup.t0;
  const initial = stateStatus(y, blowUp);
  if (initial !== "ok") return rec.fail(initial, t, odeMessages.badInitialState(initial, t));
  rec.recordAt(t, y);
  while (!rec.done) {
    const start = t;
    const target = rec.nextTime;
    // The 1e-9 slack keeps an interval that is a whole number of steps up to round-off from taking a
    // spurious extra step of length ~1e-16.
    const n = Math.max(1, Math.ceil((target - start) / h - 1e-9));
    for (let k = 1; k <= n; k++) {
      if (stats.steps >= maxSteps) return rec.fail("not-converged", t, odeMessages.maxSteps(t, maxSteps));
      const tNext = k === n ? target : start + k * h;
      stepper.step(t, tNext - t, y);
      stats.steps++;
      stats.rhsEvaluations += stepper.stages;
      const status = stateStatus(y, blowUp);
      if (status === "failed") return rec.fail(status, tNext, odeMessages.nan(t, tNext));
      if (status === "diverged")
        return rec.fail(status, tNext, odeMessages.diverged(tNext, maxAbs(y), blowUp));
      t = tNext;
    }
    rec.recordAt(t, y);
  }
  return rec.finish();
}
