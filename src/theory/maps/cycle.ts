import type { Map1D } from "./types.js";

/**
 * `f_p^k(x)` and its derivative in x, `(f_p^k)'(x) = prod_{t<k} f_p'(x_t)` (chain rule along the orbit).
 * On a k-cycle the derivative is the cycle's multiplier: stable iff `|mu| < 1`.
 *
 * @example composeMap(logistic, 3.2, 0.5130, 2) // { value: ≈0.5130, derivative: ≈0.16 }
 */
export function composeMap(
  map: Map1D,
  p: number,
  x: number,
  k: number,
): { value: number; derivative: number } {
  let derivative = 1;
  for (let t = 0; t < k; t++) {
    derivative *= map.derivative(x, p);
    x = map.step(x, p);
  }
  return { value: x, derivative };
}

/** Where a cycle's multiplier crosses a target value, or why it was not found. */
export interface CycleBoundary {
  /** The parameter of the crossing. */
  p: number;
  /** A point of the cycle there. */
  x: number;
  converged: boolean;
  iterations: number;
}

/**
 * The parameter at which a `period`-cycle has multiplier `mu`: `mu = -1` period doubling (flip),
 * `mu = +1` tangent (fold, saddle-node: a window opens), `mu = 0` superstable. Solves the regular system
 *
 * `f_p^k(x) - x = 0`, `(f_p^k)'(x) - mu = 0`
 *
 * for `(x, p)` by Newton's method with a finite-difference Jacobian, from a guess near the cycle (for
 * example a point of the stable cycle found by iteration just inside the window). The fold system is
 * regular at a fold (`∂F1/∂p != 0`, `∂F2/∂x = (f^k)'' != 0`), unlike root finding on the multiplier alone,
 * whose cycle does not exist on one side. Converged when the Newton step is below `tol` in both unknowns.
 *
 * Reference: Kuznetsov, *Elements of Applied Bifurcation Theory*, §10.2 (defining systems for fold and flip).
 *
 * @example cycleBoundary(logistic, { period: 1, multiplier: -1, p: 2.9, x: 0.65 }).p // 3
 */
export function cycleBoundary(
  map: Map1D,
  guess: { period: number; multiplier: number; p: number; x: number },
  tol = 1e-13,
  maxIter = 60,
): CycleBoundary {
  const { period, multiplier } = guess;
  let { x, p } = guess;
  const residual = (xx: number, pp: number): [number, number] => {
    const c = composeMap(map, pp, xx, period);
    return [c.value - xx, c.derivative - multiplier];
  };
  for (let i = 1; i <= maxIter; i++) {
    const [f1, f2] = residual(x, p);
    if (!Number.isFinite(f1) || !Number.isFinite(f2)) break;
    const hx = 1e-7 * (1 + Math.abs(x));
    const hp = 1e-7 * (1 + Math.abs(p));
    const [a1, a2] = residual(x + hx, p);
    const [b1, b2] = residual(x, p + hp);
    const j11 = (a1 - f1) / hx;
    const j21 = (a2 - f2) / hx;
    const j12 = (b1 - f1) / hp;
    const j22 = (b2 - f2) / hp;
    const det = j11 * j22 - j12 * j21;
    if (!(Math.abs(det) > 0)) break;
    const dx = (f1 * j22 - f2 * j12) / det;
    const dp = (j11 * f2 - j21 * f1) / det;
    x -= dx;
    p -= dp;
    if (Math.abs(dx) <= tol * (1 + Math.abs(x)) && Math.abs(dp) <= tol * (1 + Math.abs(p)))
      return { p, x, converged: true, iterations: i };
  }
  return { p, x, converged: false, iterations: maxIter };
}
