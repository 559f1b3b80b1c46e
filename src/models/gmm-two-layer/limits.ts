import type { OdeProblem } from "../../theory/ode/types.js";
import { GmmFunctionals } from "./functionals.js";
import type { GmmParams, GmmTask } from "./geometry.js";

/**
 * `C_alpha`, the squared norm per occupied category at the snr = Infinity fixed points:
 * `ln((1 − 2 alpha)/(2 alpha))` (binary) and `ln((1 − 4 alpha)/(4 alpha))` (XOR). It solves
 * `(1/p) sigmoid(−C) = alpha` with p = 2 (binary) or 4 (XOR): `m' = (v/p) sigmoid(−v m) − alpha m` at
 * `m = v = sqrt(C)`. Positive iff ridge < 1/4 (binary), < 1/8 (XOR).
 *
 * @example cAlpha("binary", 0.1) // ln 4 = 1.3863
 * Reference: science/01 §3.
 */
export function cAlpha(task: GmmTask, ridge: number): number {
  const p = task === "binary" ? 2 : 4;
  return Math.log((1 - p * ridge) / (p * ridge));
}

/**
 * Probability that a Gaussian initialisation ends at an optimal classifier. Each neuron lands in one of
 * `c` categories uniformly and independently (c = 4 for XOR, 2 for binary), and the network is optimal iff
 * all are occupied: by inclusion–exclusion, XOR `P_K = 1 − 4(3/4)^K + 6(1/2)^K − 4(1/4)^K` (K = 4: 3/32),
 * binary `1 − 2 (1/2)^K` (K = 2: 1/2).
 *
 * @example successProbability("xor", 4) // 0.09375
 * Reference: science/01 §3 (XOR mixture).
 */
export function successProbability(task: GmmTask, K: number): number {
  if (task === "binary") return 1 - 2 * 0.5 ** K;
  return 1 - 4 * 0.75 ** K + 6 * 0.5 ** K - 4 * 0.25 ** K;
}

/**
 * The ballistic ODE of the statistics `u = [v, mMu, mNu, RPerp]` (science/01 §3): `u' = −f(u) + g(u)`
 * with the Gaussian functionals by Gauss–Hermite quadrature ({@link GmmFunctionals}); the corrector
 * `g_{RPerp_ij} = cDelta v_i v_j B_ij / snr` is included when `cDelta > 0` (0 gives gradient flow).
 * With `snr = Infinity` it is the infinite-SNR limit: piecewise smooth, solve it with a fixed step.
 *
 * @param params task, K, snr (Infinity allowed), ridge
 * @param cDelta step constant (corrector)
 * @param u0 initial statistics
 * @param nodes Gauss–Hermite nodes per dimension (ignored at snr = Infinity)
 * @example solveOde(gmmOde(params, 1, u0, 16), "rk4", t, { h: 0.05 })
 */
export function gmmOde(params: GmmParams, cDelta: number, u0: ArrayLike<number>, nodes: number): OdeProblem {
  const f = new GmmFunctionals(params, nodes);
  return {
    dim: f.layout.size,
    y0: u0,
    rhs(_t, y, dy) {
      f.evaluate(y);
      f.drift(y, cDelta, dy);
    },
  };
}

/** Largest number of quadrature points per component and evaluation of the finite-snr drift. */
export const quadratureBudget = 1000;

/**
 * Gauss–Hermite nodes per dimension for the finite-snr functionals: the most with
 * `nodes^(d + K) <= quadratureBudget`, at most 10 (binary K = 2 at snr 100: 8 and 24 nodes agree to 1e-4,
 * and the experiment adds the change from n to n + 4 nodes to its tolerance); `undefined` below 3 (too
 * coarse to use: XOR K >= 6).
 *
 * @example quadratureNodes("binary", 2) // 10
 */
export function quadratureNodes(task: GmmTask, K: number): number | undefined {
  const dims = (task === "binary" ? 1 : 2) + K;
  const n = Math.min(10, Math.floor(quadratureBudget ** (1 / dims) + 1e-9));
  return n >= 3 ? n : undefined;
}

/** The fixed RK4 step of both ballistic ODEs (rates are O(1) and at most ~1: error ~ h⁴ ≈ 6e-6). */
export const odeStep = 0.05;
