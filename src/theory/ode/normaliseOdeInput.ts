import { odeMessages } from "./messages.js";
import type { OdeOptions, OdeProblem } from "./types.js";

/** The validated input of one integration, all defaults filled in. */
export interface OdeSetup {
  dim: number;
  t0: number;
  /** The last output time. */
  tEnd: number;
  /** The output times, copied. */
  times: Float64Array;
  /** A fresh copy of the initial state (integrators may advance it in place). */
  y0: Float64Array;
  /** Fixed step, or initial step of an adaptive method (undefined: choose one). */
  h: number | undefined;
  rtol: number;
  atol: number;
  maxSteps: number;
  hMin: number;
  blowUp: number;
  fixedStep: boolean;
}

/** Defaults of {@link OdeOptions}. */
export const odeDefaults = { rtol: 1e-8, atol: 1e-10, maxSteps: 1e6, hMin: 0, blowUp: 1e100 } as const;

/**
 * Validate a problem, its output times and options once, at the boundary, and fill in the defaults.
 *
 * Throws a plain `Error` (message from `odeMessages`) for programmer errors: `dim` not a positive
 * integer, `y0.length !== dim`, non-finite or decreasing times, a first time before `t0`, an invalid
 * option, or a missing `h` when `needsStep` is set.
 *
 * Args: `problem`, `times`, `options`; `method` (its name, for messages); `needsStep` (whether `h` is
 * required: fixed-step methods and adaptive ones in `fixedStep` mode).
 *
 * @example normaliseOdeInput(problem, [0, 1], { h: 0.1 }, "rk4", true).tEnd // 1
 */
export function normaliseOdeInput(
  problem: OdeProblem,
  times: ArrayLike<number>,
  options: OdeOptions,
  method: string,
  needsStep: boolean,
): OdeSetup {
  const dim = problem.dim;
  if (!Number.isInteger(dim) || dim < 1) throw new Error(odeMessages.invalidDim(dim));
  if (problem.y0.length !== dim) throw new Error(odeMessages.dimMismatch(dim, problem.y0.length));
  const t = Float64Array.from(times);
  for (let i = 0; i < t.length; i++) {
    if (!Number.isFinite(t[i])) throw new Error(odeMessages.invalidTime(i, t[i]));
    if (i > 0 && t[i] < t[i - 1]) throw new Error(odeMessages.decreasingTimes(i, t[i], t[i - 1]));
  }
  const t0 = problem.t0 ?? (t.length > 0 ? t[0] : 0);
  if (!Number.isFinite(t0)) throw new Error(odeMessages.invalidT0(problem.t0));
  if (t.length > 0 && t[0] < t0) throw new Error(odeMessages.timeBeforeT0(t[0], t0));
  const fixedStep = options.fixedStep ?? false;
  if (typeof fixedStep !== "boolean")
    throw new Error(odeMessages.invalidOption("fixedStep", fixedStep, "a boolean"));
  const h = options.h;
  if (h !== undefined) positive("h", h);
  else if (needsStep) throw new Error(odeMessages.missingStep(method));
  const rtol = options.rtol ?? odeDefaults.rtol;
  if (!(rtol >= 0 && rtol < 1))
    throw new Error(odeMessages.invalidOption("rtol", rtol, "a number in [0, 1)"));
  const maxSteps = options.maxSteps ?? odeDefaults.maxSteps;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new Error(odeMessages.invalidOption("maxSteps", maxSteps, "a positive integer"));
  }
  const hMin = options.hMin ?? odeDefaults.hMin;
  if (!(hMin >= 0 && hMin < Number.POSITIVE_INFINITY)) {
    throw new Error(odeMessages.invalidOption("hMin", hMin, "a finite number >= 0"));
  }
  return {
    dim,
    t0,
    tEnd: t.length > 0 ? t[t.length - 1] : t0,
    times: t,
    y0: Float64Array.from(problem.y0),
    h,
    rtol,
    atol: positive("atol", options.atol ?? odeDefaults.atol),
    maxSteps,
    hMin,
    blowUp: positive("blowUp", options.blowUp ?? odeDefaults.blowUp),
    fixedStep,
  };
}

function positive(name: string, value: number): number {
  if (!(value > 0 && value < Number.POSITIVE_INFINITY)) {
    throw new Error(odeMessages.invalidOption(name, value, "a positive finite number"));
  }
  return value;
}
