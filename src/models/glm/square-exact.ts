import { checkFinite, type NonFinite } from "../../core/non-finite.js";
import { marchenkoPastur, type SpectralRule } from "../../theory/dmft/marchenko-pastur.js";

/** Ridge regression `y = hStar + sigma eps` trained by GD, heavy ball or SGD with batch fraction b. */
export interface SquareProblem {
  alpha: number;
  ridge: number;
  sigma: number;
  /** Learning rate of each step (length >= steps). */
  lr: ArrayLike<number>;
  momentum: number;
  batchFraction: number;
  m0: number;
  q0: number;
}

/** Exact overlap, squared norm and train loss at steps 0..`reached - 1`. */
export interface SquareCurves {
  m: number[];
  q: number[];
  trainLoss: number[];
  /** First step at which q or the train loss left [0, divergenceBound] (absent when stable). */
  failedStep?: number;
  /** What left the range there (`src/core/non-finite.ts`: diverged beyond the bound, failed on NaN). */
  failure?: NonFinite;
}

/** The curves cut at step `t`, where q or the train loss left the range (or `undefined` if neither did). */
function cutAt(out: SquareCurves, t: number, q: number, train: number): SquareCurves | undefined {
  const failure = checkFinite(["q", "the train loss"], [q, train], { step: t }, divergenceBound);
  return failure && { ...out, failedStep: t, failure };
}

/** Bound on q and the train loss beyond which a run, a recursion or the DMFT counts as diverged. */
export const divergenceBound = 1e8;

/** `s/(lambda + s)`, with 0 at s = lambda = 0 (the null space of an unregularised problem). */
export function ridgeWeight(s: number, ridge: number): number {
  return s === 0 ? 0 : s / (ridge + s);
}

/**
 * Advance the gradient-descent factors `D(t)` of every eigenvalue by one step:
 * $D(t+1) = (1 + \beta - lr(\lambda + s)) D(t) - \beta D(t-1)$ (in place; `prev` holds D(t-1)).
 */
function advanceD(rule: SpectralRule, D: Float64Array, prev: Float64Array, p: SquareProblem, lr: number) {
  const beta = p.momentum;
  for (let k = 0; k < D.length; k++) {
    const next = (1 + beta - lr * (p.ridge + rule.nodes[k])) * D[k] - beta * prev[k];
    prev[k] = D[k];
    D[k] = next;
  }
}

/** `m(t)` and `q(t)` of GD from the factors D on the law of S (science/02 §5). */
export function weightSide(S: SpectralRule, D: Float64Array, p: SquareProblem): [number, number] {
  let m = 0;
  let q = 0;
  const s2 = p.sigma * p.sigma;
  for (let k = 0; k < D.length; k++) {
    const s = S.nodes[k];
    const d = D[k];
    const f = ridgeWeight(s, p.ridge);
    const w = S.weights[k];
    m += w * (p.m0 * d + (1 - d) * f);
    const noise = s === 0 ? 0 : (s * s + s2 * s) / (p.ridge + s) ** 2;
    q += w * ((p.m0 * p.m0 + p.q0) * d * d + 2 * p.m0 * d * (1 - d) * f + (1 - d) ** 2 * noise);
  }
  return [m, q];
}

/** Twice the GD train loss, `L2(t)`, from the factors D on the law of K (science/02 §5). */
export function sampleSide(K: SpectralRule, D: Float64Array, p: SquareProblem): number {
  let sum = 0;
  const s2 = p.sigma * p.sigma;
  for (let j = 0; j < D.length; j++) {
    const k = K.nodes[j];
    const d = D[j];
    const f = ridgeWeight(k, p.ridge);
    const shrink = 1 - f; // lambda/(lambda + k), 1 at k = 0
    sum +=
      K.weights[j] * (k * (d * (p.m0 - f) - shrink) ** 2 + k * d * d * p.q0 + s2 * (f * (1 - d) - 1) ** 2);
  }
  return sum;
}

/**
 * Exact GD and heavy-ball curves of ridge regression in the proportional limit, by Marchenko–Pastur
 * quadrature of the per-eigenvalue factors `D(t)`, `D(-1) = D(0) = 1`:
 * $m = E_S[m_0 D + (1-D) f]$, $q = E_S[(m_0^2+q_0) D^2 + 2 m_0 D(1-D) f + (1-D)^2 (s^2+\sigma^2 s)/(\lambda+s)^2]$,
 * $2\,\mathrm{train} = E_K[k (D(m_0 - f) - \lambda/(\lambda+k))^2 + k D^2 q_0 + \sigma^2 (k(1-D)/(\lambda+k) - 1)^2]$,
 * `f = s/(lambda + s)`. `batchFraction` is ignored (m(t) is the same for SGD at every b).
 *
 * @param steps last step T (curves at 0..T)
 * @param nodes quadrature nodes of each law
 * @example squareGd({ alpha: 3, ridge: 0.5, sigma: 0, lr: [0.1], ... }, 200).m[200] // 0.81386
 * Reference: science/02 §5.
 */
export function squareGd(p: SquareProblem, steps: number, nodes = 4000): SquareCurves {
  const S = marchenkoPastur(p.alpha, "S", nodes);
  const K = marchenkoPastur(p.alpha, "K", nodes);
  const [DS, DK] = [S, K].map((r) => new Float64Array(r.nodes.length).fill(1));
  const [PS, PK] = [S, K].map((r) => new Float64Array(r.nodes.length).fill(1));
  const out: SquareCurves = { m: [], q: [], trainLoss: [] };
  for (let t = 0; ; t++) {
    const [m, q] = weightSide(S, DS, p);
    const train = sampleSide(K, DK, p) / 2;
    const cut = cutAt(out, t, q, train);
    if (cut) return cut;
    out.m.push(m);
    out.q.push(q);
    out.trainLoss.push(train);
    if (t === steps) return out;
    advanceD(S, DS, PS, p, p.lr[t]);
    advanceD(K, DK, PK, p, p.lr[t]);
  }
}

/**
 * Exact SGD curves of ridge regression with batch fraction b ("discrete homogenized SGD", momentum 0):
 * `m` is the GD overlap; with `c = (1-b)/b` and `L2 = 2 train`,
 * $\Sigma_K(t+1) = (1-lr\lambda-lr k)^2 \Sigma_K(t) + lr^2 c L_2(t) k^2$,
 * $\Omega_S(t+1) = (1-lr\lambda-lr s)^2 \Omega_S(t) + lr^2 c L_2(t) s$,
 * $L_2 = L_2^{GD} + E_K \Sigma_K$, $q = q^{GD} + E_S \Omega_S$.
 *
 * @example squareSgd({ ...problem, batchFraction: 0.3 }, 50).q
 * Reference: science/02 §5.
 */
export function squareSgd(p: SquareProblem, steps: number, nodes = 4000): SquareCurves {
  const gd = squareGd(p, steps, nodes);
  if (p.batchFraction === 1) return gd;
  const S = marchenkoPastur(p.alpha, "S", nodes);
  const K = marchenkoPastur(p.alpha, "K", nodes);
  const sigmaK = new Float64Array(K.nodes.length);
  const omegaS = new Float64Array(S.nodes.length);
  const c = (1 - p.batchFraction) / p.batchFraction;
  const out: SquareCurves = { m: [], q: [], trainLoss: [] };
  for (let t = 0; t < gd.m.length; t++) {
    let l2 = 2 * gd.trainLoss[t];
    let q = gd.q[t];
    for (let j = 0; j < sigmaK.length; j++) l2 += K.weights[j] * sigmaK[j];
    for (let j = 0; j < omegaS.length; j++) q += S.weights[j] * omegaS[j];
    const cut = cutAt(out, t, q, l2 / 2);
    if (cut) return cut;
    out.m.push(gd.m[t]);
    out.q.push(q);
    out.trainLoss.push(l2 / 2);
    if (t === steps) return out;
    const lr = p.lr[t];
    const kick = lr * lr * c * l2;
    for (let j = 0; j < sigmaK.length; j++) {
      const k = K.nodes[j];
      sigmaK[j] = (1 - lr * (p.ridge + k)) ** 2 * sigmaK[j] + kick * k * k;
    }
    for (let j = 0; j < omegaS.length; j++) {
      const s = S.nodes[j];
      omegaS[j] = (1 - lr * (p.ridge + s)) ** 2 * omegaS[j] + kick * s;
    }
  }
  return { ...out, failedStep: gd.failedStep, failure: gd.failure };
}
