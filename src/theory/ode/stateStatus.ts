import { checkFinite, type NonFiniteStatus } from "../../core/non-finite.js";

/**
 * Classify a state through the shared non-finite rule (`src/core/non-finite.ts`, `checkFinite`):
 * `"diverged"` if a component is infinite or above `blowUp` in absolute value, else `"failed"` if one is
 * NaN, else `"ok"`.
 *
 * Args: `y` the state, `blowUp` the divergence threshold ($|y_i| > \mathrm{blowUp}$ means diverged).
 *
 * @example stateStatus(Float64Array.of(1, Infinity), 1e100) // "diverged"
 */
export function stateStatus(y: Float64Array, blowUp: number): "ok" | NonFiniteStatus {
  return checkFinite([], y, {}, blowUp)?.status ?? "ok";
}

/** The largest $|y_i|$ (NaN if a component is NaN), for messages. */
export function maxAbs(y: Float64Array): number {
  let m = 0;
  for (let i = 0; i < y.length; i++) {
    const a = Math.abs(y[i]);
    if (Number.isNaN(a)) return Number.NaN;
    if (a > m) m = a;
  }
  return m;
}
