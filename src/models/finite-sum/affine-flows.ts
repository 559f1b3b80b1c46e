import type { AffineBranch, AffineNoise, AffineSde } from "../../theory/sde/index.js";
import type { QuadraticForm } from "./finite-sum.js";
import type { FlowKind } from "./flows.js";

/** $\bar A = \frac1M\sum_i A_i$ and $\bar b = \frac1M\sum_i b_i$. */
export function averages(q: QuadraticForm): { A: Float64Array; b: Float64Array } {
  const M = q.A.length;
  const A = new Float64Array(q.A[0].length);
  const b = new Float64Array(q.b[0].length);
  for (let i = 0; i < M; i++) {
    for (let k = 0; k < A.length; k++) A[k] += q.A[i][k] / M;
    for (let k = 0; k < b.length; k++) b[k] += q.b[i][k] / M;
  }
  return { A, b };
}

/**
 * The drift of a flow on a quadratic finite sum as $B x + c$: GF and SME-1 $B = -\bar A$, $c = \bar b$;
 * SME-2 and SMF $B = -(I + \tfrac{lr}{2}\bar A)\bar A$, $c = (I + \tfrac{lr}{2}\bar A)\bar b$ (science/05 §2 T2).
 *
 * @example affineDrift(quadraticFiniteSum(A, b), "smf", 0.1)
 */
export function affineDrift(q: QuadraticForm, kind: FlowKind, lr: number): AffineSde {
  const { A, b } = averages(q);
  const d = b.length;
  const corrected = kind === "sme2" || kind === "smf";
  const K = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) K[i * d + j] = (corrected ? (lr / 2) * A[i * d + j] : 0) + (i === j ? 1 : 0);
  }
  const B = new Float64Array(d * d);
  const c = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += K[i * d + k] * A[k * d + j];
      B[i * d + j] = -s;
      c[i] += K[i * d + j] * b[j];
    }
  }
  return { dim: d, B, c };
}

/**
 * The finite-sum noise columns $\sqrt{lr/M}\,((A_i - \bar A) x - (b_i - \bar b))$ as $D_i x + e_i$: the SMF
 * noise, and the SME noise's law for one trajectory.
 *
 * @example new LinearSdeMoments(affineDrift(q, "smf", lr), finiteSumNoise(q, lr), "same")
 */
export function finiteSumNoise(q: QuadraticForm, lr: number): AffineNoise {
  const { A, b } = averages(q);
  const M = q.A.length;
  const s = Math.sqrt(lr / M);
  return {
    D: q.A.map((Ai) => Ai.map((v, k) => s * (v - A[k]))),
    e: q.b.map((bi) => bi.map((v, k) => -s * (v - b[k]))),
  };
}

/**
 * SME's principal-root noise in d = 1 with all $b_i = 0$, at a point whose sign stays `sign`:
 * $\sqrt{lr\,\Sigma(x)} = \sqrt{lr}\,s\,|x| = \mathrm{sign}\cdot\sqrt{lr}\,s\,x$ with $s^2 = \frac1M\sum_i (A_i - \bar A)^2$
 * (the solution keeps the sign of its start). Returns null when the model is not of this kind.
 *
 * @example smeRootNoise(randomCurvature, lr, -1) // the noise of the point started at x = -1
 */
export function smeRootNoise(q: QuadraticForm, lr: number, sign: number): AffineNoise | null {
  if (q.b[0].length !== 1 || q.b.some((bi) => bi[0] !== 0)) return null;
  const { A } = averages(q);
  const s2 = q.A.reduce((acc, Ai) => acc + (Ai[0] - A[0]) ** 2, 0) / q.A.length;
  return { D: [Float64Array.of(sign * Math.sqrt(lr * s2))], e: [Float64Array.of(0)] };
}

/**
 * SGD with learning rate `lr` as a random affine map: branch i is $x \mapsto (I - lr A_i) x + lr\,b_i$
 * with probability 1/M.
 *
 * @example affineMomentStep(sgdBranches(q, 0.1), d, moments)
 */
export function sgdBranches(q: QuadraticForm, lr: number): AffineBranch[] {
  return q.A.map((_, i) => combined(q, [[i, 1]], lr, 1 / q.A.length));
}

/**
 * SVAG(l) (Li, Malladi, Arora, arXiv 2102.12470) with learning rate `lr`: step lr/l along
 * $c_1 \nabla f_i + c_2 \nabla f_j$, $c_{1,2} = (1 \pm \sqrt{2l - 1})/2$, i and j independent and uniform.
 * Run for l T/lr steps it converges to SME-1 as l grows, with weak error O(1/l).
 *
 * @example svagBranches(q, 0.125, 16) // M^2 branches
 */
export function svagBranches(q: QuadraticForm, lr: number, l: number): AffineBranch[] {
  const M = q.A.length;
  const root = Math.sqrt(2 * l - 1);
  const branches: AffineBranch[] = [];
  for (let i = 0; i < M; i++)
    for (let j = 0; j < M; j++)
      branches.push(
        combined(
          q,
          [
            [i, (1 + root) / 2],
            [j, (1 - root) / 2],
          ],
          lr / l,
          1 / (M * M),
        ),
      );
  return branches;
}

/** $x \mapsto (I - \eta \sum_k w_k A_{i_k}) x + \eta \sum_k w_k b_{i_k}$ with probability p. */
function combined(q: QuadraticForm, terms: [number, number][], eta: number, p: number): AffineBranch {
  const d = q.b[0].length;
  const P = new Float64Array(d * d);
  const v = new Float64Array(d);
  for (let i = 0; i < d; i++) P[i * d + i] = 1;
  for (const [i, w] of terms) {
    for (let k = 0; k < d * d; k++) P[k] -= eta * w * q.A[i][k];
    for (let k = 0; k < d; k++) v[k] += eta * w * q.b[i][k];
  }
  return { P, q: v, w: p };
}
