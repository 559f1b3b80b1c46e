/** A root of a scalar function, or why there is none. */
export interface Root {
  /** The root (the last iterate when not converged). */
  x: number;
  converged: boolean;
  iterations: number;
}

/**
 * Brent's method: a root of `g` in `[a, b]` where `g(a)` and `g(b)` have opposite signs (R. P. Brent,
 * *Algorithms for Minimization without Derivatives*, 1973, ch. 4). Bisection safeguarded inverse
 * quadratic interpolation; converges to `|b - a| <= 2 tol` whatever g does in between.
 *
 * Returns `converged: false` (never throws) when the bracket has no sign change.
 *
 * @example brentRoot((x) => x * x - 2, 0, 2).x // 1.4142135623730951
 */
export function brentRoot(g: (x: number) => number, a: number, b: number, tol = 1e-14, maxIter = 200): Root {
  let fa = g(a);
  let fb = g(b);
  if (fa === 0) return { x: a, converged: true, iterations: 0 };
  if (fb === 0) return { x: b, converged: true, iterations: 0 };
  if (!(fa * fb < 0)) return { x: Number.NaN, converged: false, iterations: 0 };
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 1; i <= maxIter; i++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      [a, b, c] = [b, c, b];
      [fa, fb, fc] = [fb, fc, fb];
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol1 || fb === 0) return { x: b, converged: true, iterations: i };
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : m > 0 ? tol1 : -tol1;
    fb = g(b);
  }
  return { x: b, converged: false, iterations: maxIter };
}

/**
 * Bisection on a predicate that is false at `lo` and true at `hi`: the switch point to within `tol`.
 * Used where the quantity is a yes/no outcome (does the orbit escape?) rather than a smooth function.
 *
 * @example bisectPredicate((x) => x > 0.3, 0, 1).x // ≈ 0.3
 */
export function bisectPredicate(pred: (x: number) => boolean, lo: number, hi: number, tol = 1e-12): Root {
  if (pred(lo) || !pred(hi)) return { x: Number.NaN, converged: false, iterations: 0 };
  let i = 0;
  while (hi - lo > tol && i < 200) {
    const mid = 0.5 * (lo + hi);
    if (pred(mid)) hi = mid;
    else lo = mid;
    i++;
  }
  return { x: 0.5 * (lo + hi), converged: true, iterations: i };
}
