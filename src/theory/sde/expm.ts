/**
 * Matrix exponential $e^{A}$ of an n x n row-major matrix, by scaling and squaring of a Taylor series.
 *
 * $A$ is scaled by $2^{-s}$ so that $\|A 2^{-s}\|_1 \le 1/2$, the series is summed until a term is below
 * $10^{-18}$ of the sum in the 1-norm (at most 40 terms), then squared s times. Accurate to a few ulps
 * times $e^{\|A\|}$-conditioning for the small, well-scaled generators of moment equations (n up to a few
 * hundred); not a general-purpose routine for stiff or huge matrices. A non-finite entry gives NaN
 * throughout.
 *
 * @example expm(Float64Array.of(0, 1, -1, 0), 2) // rotation by one radian
 *
 * Reference: C. Moler and C. Van Loan, "Nineteen dubious ways to compute the exponential of a matrix,
 * twenty-five years later", SIAM Review 45(1), 2003, §3 (method 3, scaling and squaring).
 */
export function expm(a: Float64Array, n: number): Float64Array {
  const norm = norm1(a, n);
  // An infinite or NaN entry has no exponential: NaN throughout (the caller's overflow check reports it).
  if (!Number.isFinite(norm)) return new Float64Array(n * n).fill(Number.NaN);
  // log2(norm) + 1, not log2(norm / 0.5): norm / 0.5 overflows to Infinity above 9e307, and s = Infinity
  // squarings never end (a hang, found by the property tests with a model.b entry of -1e308).
  const s = norm > 0.5 ? Math.ceil(Math.log2(norm) + 1) : 0;
  const scaled = a.map((v) => v * 2 ** -s); // 2 ** s itself overflows for s > 1023
  let sum = identity(n);
  let term = identity(n);
  for (let k = 1; k <= 40; k++) {
    term = multiply(term, scaled, n);
    for (let i = 0; i < n * n; i++) term[i] /= k;
    for (let i = 0; i < n * n; i++) sum[i] += term[i];
    if (norm1(term, n) <= 1e-18 * norm1(sum, n)) break;
  }
  for (let i = 0; i < s; i++) sum = multiply(sum, sum, n);
  return sum;
}

/**
 * Product of two n x n row-major matrices.
 *
 * @example multiply(a, b, 3)
 */
export function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
    }
  return c;
}

/** y = A x for an n x n row-major A. */
export function apply(a: Float64Array, x: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j] * x[j];
    y[i] = s;
  }
  return y;
}

function identity(n: number): Float64Array {
  const e = new Float64Array(n * n);
  for (let i = 0; i < n; i++) e[i * n + i] = 1;
  return e;
}

function norm1(a: Float64Array, n: number): number {
  let best = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(a[i * n + j]);
    best = Math.max(best, s);
  }
  return best;
}
