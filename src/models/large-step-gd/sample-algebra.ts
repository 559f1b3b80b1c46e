/**
 * Small dense kernels on n × n sample-space matrices (row-major) acting on n × w blocks. No allocation
 * except where a result is returned.
 */

/** `C = X Xᵀ` (n × n) for the n × d rows of X. */
export function gram(X: Float64Array, n: number, d: number): Float64Array {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = i; k < n; k++) {
      let s = 0;
      for (let l = 0; l < d; l++) s += X[i * d + l] * X[k * d + l];
      C[i * n + k] = s;
      C[k * n + i] = s;
    }
  return C;
}

/**
 * Lower-triangular L with `L Lᵀ = C` for a positive semidefinite C: a pivot below `1e-12 max diag` (a
 * direction C does not span, e.g. n > d) gives a zero column, so rank-deficient C are handled.
 *
 * @example lowerCholesky(Float64Array.of(4, 2, 2, 2), 2) // [2, 0, 1, 1]
 */
export function lowerCholesky(C: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, C[i * n + i]);
  for (let j = 0; j < n; j++) {
    let diag = C[j * n + j];
    for (let k = 0; k < j; k++) diag -= L[j * n + k] * L[j * n + k];
    if (diag <= 1e-12 * scale) continue;
    const ljj = Math.sqrt(diag);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = C[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = s / ljj;
    }
  }
  return L;
}

/** `out += alpha S B` for an n × n S and an n × w block B. */
export function symmetricTimes(
  S: Float64Array,
  B: Float64Array,
  n: number,
  w: number,
  out: Float64Array,
  alpha: number,
): void {
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const s = alpha * S[i * n + k];
      if (s === 0) continue;
      for (let j = 0; j < w; j++) out[i * w + j] += s * B[k * w + j];
    }
}

/** `out = L B` for a lower-triangular L. */
export function lowerTimes(L: Float64Array, B: Float64Array, n: number, w: number, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < n; i++)
    for (let k = 0; k <= i; k++) {
      const l = L[i * n + k];
      if (l === 0) continue;
      for (let j = 0; j < w; j++) out[i * w + j] += l * B[k * w + j];
    }
}

/** `out = Lᵀ B` for a lower-triangular L. */
export function lowerTransposeTimes(
  L: Float64Array,
  B: Float64Array,
  n: number,
  w: number,
  out: Float64Array,
): void {
  out.fill(0);
  for (let k = 0; k < n; k++)
    for (let i = k; i < n; i++) {
      const l = L[i * n + k];
      if (l === 0) continue;
      for (let j = 0; j < w; j++) out[k * w + j] += l * B[i * w + j];
    }
}
