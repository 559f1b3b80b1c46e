/**
 * A finite-sum objective $f(x) = \frac1M \sum_{i=1}^M f_i(x)$ in $\mathbb{R}^d$, given by per-sample
 * gradients and Hessian-vector products: everything the continuous-time models of SGD need.
 *
 * For implementers: `gradient(i, x, out)` writes $\nabla f_i(x)$ and `hvp(i, x, v, out)` writes
 * $\nabla^2 f_i(x) v$, both allocation-free; `loss(x)` is $f(x)$. Check a new model with the finite-difference
 * conformance test of `test/models/finite-sum/finite-sum.test.ts`. Quadratic models also implement
 * {@link QuadraticForm}, which unlocks the exact moment analyses. Least squares,
 * $f_i(x) = \tfrac12 (a_i \cdot x - y_i)^2$, may also give its rows as `data`: the flows then run on the
 * data matrix with the wasm kernels (one matrix product per pass instead of M callbacks).
 */
export interface FiniteSum {
  readonly dim: number;
  /** M, the number of samples (uniform weights 1/M). */
  readonly count: number;
  /** For least squares only: the rows $a_i$ (row-major M × d) and labels $y_i$ with $f_i = \tfrac12(a_i \cdot x - y_i)^2$. */
  readonly data?: { readonly a: Float64Array; readonly y: Float64Array };
  gradient(i: number, x: Float64Array, out: Float64Array): void;
  hvp(i: number, x: Float64Array, v: Float64Array, out: Float64Array): void;
  loss(x: Float64Array): number;
}

/** $f_i(x) = \tfrac12 x^\top A_i x - b_i^\top x + c_i$ with symmetric $A_i$ (row-major d x d). */
export interface QuadraticForm {
  readonly A: readonly Float64Array[];
  readonly b: readonly Float64Array[];
  readonly c: readonly number[];
}

/** A finite sum that is quadratic, with its coefficients. */
export type QuadraticFiniteSum = FiniteSum & QuadraticForm;

/**
 * The quadratic finite sum $f_i(x) = \tfrac12 x^\top A_i x - b_i^\top x + c_i$.
 *
 * @param A per-sample symmetric matrices (M of d x d); `b` M vectors of length d; `c` constants (default 0)
 * @example quadraticFiniteSum([[[0.5]], [[1.5]]], [[0], [0]]) // random curvature, sigma = 0.5
 *
 * Reference: science/05-modified-flows.md §2 T2.
 */
export function quadraticFiniteSum(
  A: readonly (readonly (readonly number[])[])[],
  b: readonly (readonly number[])[],
  c: readonly number[] = A.map(() => 0),
): QuadraticFiniteSum {
  const d = b[0].length;
  const As = A.map((rows) => Float64Array.from(rows.flat()));
  const bs = b.map((v) => Float64Array.from(v));
  const mv = (i: number, v: Float64Array, out: Float64Array) => {
    const a = As[i];
    for (let r = 0; r < d; r++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += a[r * d + k] * v[k];
      out[r] = s;
    }
  };
  return {
    dim: d,
    count: As.length,
    A: As,
    b: bs,
    c: [...c],
    gradient(i, x, out) {
      mv(i, x, out);
      for (let r = 0; r < d; r++) out[r] -= bs[i][r];
    },
    hvp: (i, _x, v, out) => mv(i, v, out),
    loss(x) {
      let total = 0;
      const ax = new Float64Array(d);
      for (let i = 0; i < As.length; i++) {
        mv(i, x, ax);
        for (let r = 0; r < d; r++) total += 0.5 * x[r] * ax[r] - bs[i][r] * x[r];
        total += c[i];
      }
      return total / As.length;
    },
  };
}
