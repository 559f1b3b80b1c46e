/** A quadrature rule for expectations under the standard normal law: `E f(Z) ≈ Σ_k w_k f(x_k)`. */
export interface GaussRule {
  nodes: Float64Array;
  weights: Float64Array;
}

const cache = new Map<number, GaussRule>();

/**
 * The n-point Gauss–Hermite rule for the standard normal law (probabilists' form).
 *
 * The physicists' rule `∫ e^{-x²} f(x) dx ≈ Σ W_k f(X_k)` (roots of H_n by Newton's method on the
 * orthonormal recurrence, started from the asymptotic guesses of Numerical Recipes `gauher`) is mapped to
 * `E f(Z) ≈ Σ_k (W_k/√π) f(√2 X_k)`. Exact for polynomials of degree ≤ 2n − 1. Cached per n.
 *
 * @param n number of nodes, 1 ≤ n ≤ 200
 * @example const { nodes, weights } = gaussHermite(10); // Σ w x⁴ = 3
 * Reference: W. H. Press et al., Numerical Recipes, 3rd ed. (2007), §4.6.
 */
export function gaussHermite(n: number): GaussRule {
  const hit = cache.get(n);
  if (hit) return hit;
  if (!(Number.isInteger(n) && n >= 1 && n <= 200)) throw new Error(`gaussHermite: n = ${n} not in 1..200`);
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const pim4 = Math.PI ** -0.25;
  let z = 0;
  for (let i = 0; i < (n + 1) >> 1; i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** -0.16667;
    else if (i === 1) z -= (1.14 * n ** 0.426) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * x[0];
    else if (i === 3) z = 1.91 * z - 0.91 * x[1];
    else z = 2 * z - x[i - 2];
    let pp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p1 = pim4;
      let p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / (j + 1)) * p2 - Math.sqrt(j / (j + 1)) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 1e-15 * Math.max(1, Math.abs(z))) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = 2 / (pp * pp);
    w[n - 1 - i] = w[i];
  }
  const rule = { nodes: new Float64Array(n), weights: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    rule.nodes[i] = Math.SQRT2 * x[n - 1 - i];
    rule.weights[i] = w[n - 1 - i] / Math.sqrt(Math.PI);
  }
  cache.set(n, rule);
  return rule;
}
