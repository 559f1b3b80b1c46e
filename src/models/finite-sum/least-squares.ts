import { Rng } from "../../core/rng.js";
import type { QuadraticFiniteSum } from "./finite-sum.js";

/**
 * A random least-squares finite sum $f_i(x) = \tfrac12 (a_i \cdot x - y_i)^2$, $i = 1..n$, with
 * $a_i \sim N(0, I_d)$, a teacher $w^* \sim N(0, I_d/d)$ and $y_i = a_i \cdot w^* + \mathrm{noise}\,\varepsilon_i$,
 * all drawn from stream 0 of `seed`. Gradients and Hessian-vector products cost O(d) per sample; the
 * quadratic coefficients ($A_i = a_i a_i^\top$, $b_i = y_i a_i$, $c_i = y_i^2/2$) feed the exact moment analyses;
 * `data` holds the rows $a_i$ (row-major n x d) and the labels.
 *
 * @param d dimension; `n` samples; `seed` of the data; `noise` label noise (default 0.5)
 * @example leastSquares(10, 50, 3).loss(new Float64Array(10))
 */
export function leastSquares(
  d: number,
  n: number,
  seed: number,
  noise = 0.5,
): QuadraticFiniteSum & { data: { a: Float64Array; y: Float64Array } } {
  const rng = Rng.fromSeed(seed).split(0);
  const a = new Float64Array(n * d);
  rng.fillNormal(a);
  const w = new Float64Array(d);
  rng.fillNormal(w);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += (a[i * d + k] * w[k]) / Math.sqrt(d);
    y[i] = s + noise * rng.normal();
  }
  const dot = (i: number, v: Float64Array) => {
    let s = 0;
    for (let k = 0; k < d; k++) s += a[i * d + k] * v[k];
    return s;
  };
  const A = Array.from({ length: n }, (_, i) => {
    const m = new Float64Array(d * d);
    for (let r = 0; r < d; r++) for (let k = 0; k < d; k++) m[r * d + k] = a[i * d + r] * a[i * d + k];
    return m;
  });
  return {
    dim: d,
    count: n,
    data: { a, y },
    A,
    b: Array.from({ length: n }, (_, i) => a.slice(i * d, (i + 1) * d).map((v) => v * y[i])),
    c: Array.from(y, (v) => (v * v) / 2),
    gradient(i, x, out) {
      const r = dot(i, x) - y[i];
      for (let k = 0; k < d; k++) out[k] = a[i * d + k] * r;
    },
    hvp(i, _x, v, out) {
      const s = dot(i, v);
      for (let k = 0; k < d; k++) out[k] = a[i * d + k] * s;
    },
    loss(x) {
      let total = 0;
      for (let i = 0; i < n; i++) total += 0.5 * (dot(i, x) - y[i]) ** 2;
      return total / n;
    },
  };
}
