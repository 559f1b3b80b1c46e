import { specErrorMessage } from "../../core/errors.js";
import type { Status } from "../../core/status.js";

/** A time or a magnitude, short enough for a message (12 significant digits: near a singularity the
 * failure time matters to many digits). */
function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(12))) : String(x);
}

/**
 * Every user-facing message of the ODE engine: programmer errors (thrown) and failure statuses (returned).
 *
 * @example odeMessages.diverged(1.02, 3e100, 1e100)
 */
export const odeMessages = {
  invalidOption: (name: string, value: unknown, allowed: string): string =>
    specErrorMessage(`options.${name}`, value, allowed),
  missingStep: (method: string): string =>
    specErrorMessage("options.h", undefined, `a positive step for the fixed-step method ${method}`),
  invalidDim: (dim: unknown): string => specErrorMessage("problem.dim", dim, "a positive integer"),
  dimMismatch: (dim: number, length: number): string =>
    specErrorMessage("problem.y0", `an array of length ${length}`, `an array of length problem.dim = ${dim}`),
  invalidT0: (t0: unknown): string => specErrorMessage("problem.t0", t0, "a finite number"),
  invalidTime: (index: number, value: number): string =>
    specErrorMessage(`times[${index}]`, value, "a finite number"),
  decreasingTimes: (index: number, value: number, previous: number): string =>
    specErrorMessage(
      `times[${index}]`,
      value,
      `a non-decreasing sequence (times[${index - 1}] = ${previous})`,
    ),
  timeBeforeT0: (value: number, t0: number): string =>
    specErrorMessage("times[0]", value, `a time >= problem.t0 = ${t0}`),
  unknownMethod: (name: unknown, allowed: readonly string[]): string =>
    specErrorMessage("method", name, `an OdeMethod or one of ${allowed.join(", ")}`),
  badInitialState: (status: Status, t0: number): string =>
    status === "failed"
      ? `ODE failed at t = ${fmt(t0)}: the initial state or its derivative contains NaN`
      : `ODE diverged at t = ${fmt(t0)}: the initial state or its derivative is infinite or exceeds blowUp`,
  nan: (t: number, tNext: number): string =>
    `ODE failed at t = ${fmt(tNext)}: the step from t = ${fmt(t)} produced NaN`,
  diverged: (t: number, norm: number, blowUp: number): string =>
    `ODE diverged at t = ${fmt(t)}: max |y_i| = ${fmt(norm)} exceeds blowUp = ${fmt(blowUp)}`,
  maxSteps: (t: number, maxSteps: number): string =>
    `ODE not converged: maxSteps = ${maxSteps} reached at t = ${fmt(t)}`,
  stepTooSmall: (t: number, h: number, hFloor: number): string =>
    `ODE step size too small at t = ${fmt(t)}: h = ${fmt(h)} is below ${fmt(hFloor)}`,
  nonFiniteStepTooSmall: (status: Status, t: number, h: number): string =>
    `ODE failed at t = ${fmt(t)}: every step tried down to h = ${fmt(h)} produced ${
      status === "failed" ? "NaN" : "an infinite value"
    }`,
} as const;
