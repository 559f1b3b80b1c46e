/**
 * Classify a state: `"nan"` if a component is NaN, `"diverged"` if one is infinite or above `blowUp` in
 * absolute value, else `"ok"`.
 *
 * Args: `y` the state, `blowUp` the divergence threshold ($|y_i| > \mathrm{blowUp}$ means diverged).
 *
 * @example stateStatus(Float64Array.of(1, Infinity), 1e100) // "diverged"
 */
export function stateStatus(y: Float64Array, blowUp: number): "ok" | "nan" | "diverged" {
  let status: "ok" | "nan" | "diverged" = "ok";
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (Number.isNaN(v)) return "nan";
    if (!(Math.abs(v) <= blowUp)) status = "diverged";
  }
  return status;
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
