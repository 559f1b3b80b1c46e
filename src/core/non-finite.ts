import { messages } from "./messages.js";
import type { Outcome } from "./status.js";

/**
 * The one mechanism by which a non-finite intermediate value becomes a status (issue 13): a NaN is
 * `"failed"` (an undefined operation, e.g. `Infinity - Infinity` or `0 / 0`: nothing more is known),
 * an infinite value or one beyond a divergence bound is `"diverged"`. Every model, simulator and engine
 * that watches its numbers calls these functions, so the statuses and the messages (the step, the time
 * and the quantity that left the finite range) read the same everywhere; nothing writes `NaN` into a
 * record (`src/experiment/sanitise.ts` is the last guard).
 *
 * @example nonFiniteKind(Number.NaN) // "failed"
 * @example nonFiniteKind(1e101, 1e100) // "diverged"
 * @example nonFinite("|x|^2", Infinity, { step: 12 }).messages[0] // "diverged at step 12: |x|^2 = Infinity"
 */
export type NonFiniteStatus = "diverged" | "failed";

/** Where a value left the finite range: the (1-based) step, the time, or both. */
export interface NonFiniteAt {
  step?: number;
  t?: number;
}

/** An outcome for a value that left the finite range, with what and where. */
export interface NonFinite extends Outcome {
  status: NonFiniteStatus;
  quantity: string;
  value: number;
  step?: number;
  t?: number;
}

/**
 * `"failed"` for NaN, `"diverged"` for an infinite value or `|value| > bound`, `undefined` for a finite
 * value within the bound.
 */
export function nonFiniteKind(value: number, bound = Number.POSITIVE_INFINITY): NonFiniteStatus | undefined {
  if (Number.isNaN(value)) return "failed";
  return Number.isFinite(value) && Math.abs(value) <= bound ? undefined : "diverged";
}

/** The index of the first entry of `values` that {@link nonFiniteKind} flags, or -1. */
export function firstNonFinite(values: ArrayLike<number>, bound = Number.POSITIVE_INFINITY): number {
  for (let i = 0; i < values.length; i++) if (nonFiniteKind(values[i], bound) !== undefined) return i;
  return -1;
}

/**
 * The outcome of `quantity` having reached `value` at `at` (a value {@link nonFiniteKind} flags; a finite
 * value within the bound is reported as `"diverged"` beyond it, which callers never ask for).
 */
export function nonFinite(
  quantity: string,
  value: number,
  at: NonFiniteAt = {},
  bound = Number.POSITIVE_INFINITY,
): NonFinite {
  const status = nonFiniteKind(value, bound) ?? "diverged";
  return {
    status,
    messages: [messages.nonFiniteValue(status, quantity, value, at, bound)],
    quantity,
    value,
    ...at,
  };
}

/**
 * The first of several named quantities (`values[i]` is `names[i]`) that left the finite range, as a
 * {@link NonFinite}, or `undefined` when all are finite within the bound. An infinite (or out-of-bound)
 * quantity is preferred to a NaN: a NaN next to an infinity is its consequence (`Infinity - Infinity`),
 * so the pair is `"diverged"`.
 *
 * @example checkFinite(["m", "q"], [0.5, NaN], { step: 3 })?.status // "failed"
 */
export function checkFinite(
  names: readonly string[],
  values: ArrayLike<number>,
  at: NonFiniteAt = {},
  bound = Number.POSITIVE_INFINITY,
): NonFinite | undefined {
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    const kind = nonFiniteKind(values[i], bound);
    if (kind === "diverged") return nonFinite(names[i] ?? `component ${i}`, values[i], at, bound);
    if (kind === "failed" && first < 0) first = i;
  }
  return first < 0 ? undefined : nonFinite(names[first] ?? `component ${first}`, values[first], at, bound);
}
