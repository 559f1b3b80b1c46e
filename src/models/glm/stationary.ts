import { marchenkoPastur, type SpectralRule, spectralMean } from "../../theory/dmft/marchenko-pastur.js";
import { type SquareProblem, sampleSide, weightSide } from "./square-exact.js";

/** Stationary state of GD/SGD on ridge regression, and the SGD divergence threshold. */
export interface SquareStationary {
  /** Largest stable learning rate at this alpha, ridge, b (and momentum when b = 1); absent if unknown. */
  lrCritical?: number;
  /** Stationary values at the spec's learning rate (absent when it is not below `lrCritical`). */
  q?: number;
  m?: number;
  testError?: number;
  trainLoss?: number;
}

/** Limits of the GD factors D(t): 0, except 1 on the null space (s = 0) of an unregularised problem. */
function limitD(rule: SpectralRule, ridge: number): Float64Array {
  return Float64Array.from(rule.nodes, (s) => (s + ridge === 0 ? 1 : 0));
}

/**
 * Noise-feedback kernel of homogenized SGD:
 * $\kappa_K = lr\, c\, E_K[k^2/((\lambda+k)(2 - lr(\lambda+k)))]$, `c = (1-b)/b`; SGD converges iff
 * `lr (lambda + (1+sqrt alpha)^2) < 2` and `kappa_K < 1`.
 */
export function noiseFeedback(K: SpectralRule, ridge: number, lr: number, c: number): number {
  return lr * c * spectralMean(K, (k) => (k === 0 ? 0 : (k * k) / ((ridge + k) * (2 - lr * (ridge + k)))));
}

/**
 * The SGD divergence threshold: the smallest of `2(1+beta)/(lambda + b+)` (the top of the spectrum,
 * `b+ = (1+sqrt alpha)^2`) and, for b < 1, the root of `kappa_K(lr) = 1` (increasing in lr; bisection
 * to 1e-14 relative). Momentum with b < 1 has no exact threshold here: `undefined`.
 *
 * @example lrCritical(marchenkoPastur(3, "K"), { alpha: 3, ridge: 0.5, momentum: 0, batchFraction: 0.3 })
 * Reference: science/02 §5 (stationary state and divergence).
 */
export function lrCritical(
  K: SpectralRule,
  p: Pick<SquareProblem, "alpha" | "ridge" | "momentum" | "batchFraction">,
): number | undefined {
  const top = 2 / (p.ridge + (1 + Math.sqrt(p.alpha)) ** 2);
  if (p.batchFraction === 1) return top * (1 + p.momentum);
  if (p.momentum !== 0) return undefined;
  const c = (1 - p.batchFraction) / p.batchFraction;
  if (noiseFeedback(K, p.ridge, top * (1 - 1e-15), c) < 1) return top;
  let [lo, hi] = [0, top];
  while (hi - lo > 1e-14 * hi) {
    const mid = (lo + hi) / 2;
    if (noiseFeedback(K, p.ridge, mid, c) < 1) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Stationary values of SGD (GD for b = 1) on ridge regression at a constant learning rate `p.lr[0]`:
 * the ridge solution plus the noise floor, $L_2^\infty = L_2^{ridge}/(1 - \kappa_K)$,
 * $q^\infty = q^{ridge} + lr\, c\, L_2^\infty E_S[s/((\lambda+s)(2 - lr(\lambda+s)))]$,
 * test error `(1 - 2m + q)/2`, train loss `L2/2`.
 *
 * @example squareStationary(problem).lrCritical
 * Reference: science/02 §5.
 */
export function squareStationary(p: SquareProblem, nodes = 4000): SquareStationary {
  const S = marchenkoPastur(p.alpha, "S", nodes);
  const K = marchenkoPastur(p.alpha, "K", nodes);
  const critical = lrCritical(K, p);
  if (critical === undefined) return {};
  const lr = p.lr[0];
  if (!(lr < critical)) return { lrCritical: critical };
  const [m, qRidge] = weightSide(S, limitD(S, p.ridge), p);
  const l2Ridge = sampleSide(K, limitD(K, p.ridge), p);
  const c = (1 - p.batchFraction) / p.batchFraction;
  const l2 = l2Ridge / (1 - noiseFeedback(K, p.ridge, lr, c));
  const floor = spectralMean(S, (s) => (s === 0 ? 0 : s / ((p.ridge + s) * (2 - lr * (p.ridge + s)))));
  const q = qRidge + lr * c * l2 * floor;
  return { lrCritical: critical, m, q, testError: (1 - 2 * m + q) / 2, trainLoss: l2 / 2 };
}
