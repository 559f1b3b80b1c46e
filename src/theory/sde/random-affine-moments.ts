import type { CrossMoments } from "./cross-moments.js";

/** One branch of a random affine map: $x \mapsto P x + q$ with probability w (P row-major d x d). */
export interface AffineBranch {
  P: Float64Array;
  q: Float64Array;
  w: number;
}

/**
 * One step of the exact first and cross moments of two points driven by the *same* random affine map
 * $x \mapsto P_k x + q_k$ (branch k with probability $w_k$): SGD on a quadratic finite sum (one branch per
 * data point), SVAG, or a one-step SDE scheme on a linear SDE with its noise on quadrature nodes.
 *
 * $\mu' = \sum_k w_k (P_k \mu + q_k)$,
 * $C' = \sum_k w_k (P_k C P_k^\top + P_k \mu_a q_k^\top + q_k \mu_b^\top P_k^\top + q_k q_k^\top)$.
 *
 * @param branches the map's branches (weights summing to 1)
 * @param d dimension
 * @param m the moments before the step
 * @returns the moments after the step (new arrays)
 * @example affineMomentStep(sgdBranches(A, b, lr), 2, { muA, muB, C })
 *
 * Reference: science/05-modified-flows.md §2 T2 (the SGD moment recursion).
 */
export function affineMomentStep(
  branches: readonly AffineBranch[],
  d: number,
  m: CrossMoments,
): CrossMoments {
  const muA = new Float64Array(d);
  const muB = new Float64Array(d);
  const C = new Float64Array(d * d);
  const pa = new Float64Array(d);
  const pb = new Float64Array(d);
  const pc = new Float64Array(d * d);
  for (const { P, q, w } of branches) {
    for (let i = 0; i < d; i++) {
      let sa = 0;
      let sb = 0;
      for (let j = 0; j < d; j++) {
        sa += P[i * d + j] * m.muA[j];
        sb += P[i * d + j] * m.muB[j];
      }
      pa[i] = sa;
      pb[i] = sb;
      muA[i] += w * (sa + q[i]);
      muB[i] += w * (sb + q[i]);
    }
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += P[i * d + k] * m.C[k * d + j];
        pc[i * d + j] = s;
      }
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += pc[i * d + k] * P[j * d + k];
        C[i * d + j] += w * (s + pa[i] * q[j] + q[i] * pb[j] + q[i] * q[j]);
      }
  }
  return { muA, muB, C };
}
