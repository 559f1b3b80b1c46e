/**
 * First and cross moments of two points: $\mu_a = E X_a$, $\mu_b = E X_b$, $C = E[X_a X_b^\top]$ (row-major),
 * the state of the exact moment engines (`LinearSdeMoments`, `affineMomentStep`).
 */
export interface CrossMoments {
  muA: Float64Array;
  muB: Float64Array;
  C: Float64Array;
}

/**
 * The cross moments of two deterministic starts.
 *
 * @example startMoments([1], [-1]) // { muA: [1], muB: [-1], C: [-1] }
 */
export function startMoments(xa: ArrayLike<number>, xb: ArrayLike<number>): CrossMoments {
  const d = xa.length;
  const C = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) C[i * d + j] = xa[i] * xb[j];
  return { muA: Float64Array.from(xa), muB: Float64Array.from(xb), C };
}

/** $\mathrm{tr}\, C = E[X_a \cdot X_b]$. */
export function traceOf(m: CrossMoments, d: number): number {
  let s = 0;
  for (let i = 0; i < d; i++) s += m.C[i * d + i];
  return s;
}
