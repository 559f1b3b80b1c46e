import type { DmftProblem } from "./problem.js";
import type { SampleSide } from "./sample-side.js";
import type { WeightSide } from "./weight-side.js";

/** Pivots of M below this fraction of the largest are truncated (their responses set to 0). */
export const steinPivotTolerance = 1e-8;

/**
 * Row t of Gamma by the Stein estimator (one covariance level): with `omega = M z`, z = (z0, xi_0, ..., xi_{t-1}) standard
 * normal, `E[loss'(t) z_j] = Σ_{s<=t} M(s, j) E[d loss'(t)/d omega(s)]`, so the responses
 * `D = M^{-T} E[loss'(t) z]` (M is lower triangular: back substitution) and `Gamma(t, s) = alpha D(s)`;
 * the diagonal uses `D(t) = E[loss''(t)]` directly. Row t of M:
 * `M(t, 0) = sqrt(q0 s) G0(t)`, `M(t, k+1) = -sqrt(alpha) Σ_{r=k}^{t-1} lr_r s G(t, r+1) R(k, r)`.
 * O(S T) memory and O(S T^2) time in all (against O(S T^2) and O(S T^3) for pathwise responses). When
 * GD converges the new randomness of omega(s) (the pivot M(s, s)) vanishes: pivots below
 * `steinPivotTolerance` × the largest are truncated, which loses those responses — prefer pathwise
 * responses for GD.
 *
 * Reference: science/02 §3 (Stein estimator); C. Stein, Ann. Statist. 9 (1981).
 */
export function steinResponses(p: DmftProblem, ws: WeightSide, side: SampleSide, t: number): void {
  const S = p.samples;
  const { M, d1, d2, R } = side;
  const n = ws.n;
  M[t * n] = ws.initCoefficient(0, t);
  for (let k = 0; k < t; k++) {
    let sum = 0;
    for (let r = k; r < t; r++) sum += ws.noiseCoefficient(0, t, r) * R[r][k];
    M[t * n + k + 1] = -Math.sqrt(p.alpha) * sum;
  }
  const b = new Float64Array(t + 1);
  for (let j = 0; j <= t; j++) {
    const z = j === 0 ? side.b0[0] : side.xi[0][j - 1];
    let sum = 0;
    for (let i = 0; i < S; i++) sum += d1[i] * z[i];
    b[j] = sum / S;
  }
  let diag = 0;
  for (let i = 0; i < S; i++) diag += d2[i];
  const D = new Float64Array(t + 1);
  D[t] = diag / S;
  let largest = 0;
  for (let s = 0; s <= t; s++) largest = Math.max(largest, Math.abs(M[s * n + s]));
  for (let j = t - 1; j >= 0; j--) {
    let rest = b[j];
    for (let s = j + 1; s <= t; s++) rest -= M[s * n + j] * D[s];
    const pivot = M[j * n + j];
    D[j] = Math.abs(pivot) > steinPivotTolerance * largest ? rest / pivot : 0;
  }
  for (let s = 0; s <= t; s++) ws.Gamma[t * n + s] = p.alpha * D[s];
}
