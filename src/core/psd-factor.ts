/**
 * Pivoted Cholesky factor of a positive semidefinite K×K matrix given by its packed upper triangle:
 * writes `L` (K×K row-major, `A ≈ L Lᵀ`, columns beyond the rank are zero) and returns the rank.
 *
 * Pivots below `1e-13 × max diagonal` (or negative, from rounding) end the factorisation, so a singular or
 * slightly indefinite `A` (e.g. `RPerp` shrinking under the ridge) is handled without NaN. Writes only into
 * `L` and `work` (length K): allocates nothing.
 *
 * @param K size
 * @param packed the upper triangle row by row (see `packedIndex`)
 * @param L output, length K²
 * @param work scratch, length ≥ 2K
 * @example const rank = psdFactor(2, new Float64Array([4, 2, 2]), L, work) // L Lᵀ = [[4,2],[2,2]]
 * Reference: N. J. Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed. (2002), §10.3.
 */
export function psdFactor(K: number, packed: Float64Array, L: Float64Array, work: Float64Array): number {
  L.fill(0, 0, K * K);
  // d[i]: remaining diagonal (Schur complement); done[i] flags pivots already used.
  let maxDiag = 0;
  for (let i = 0; i < K; i++) {
    const d = packed[i * K - (i * (i - 1)) / 2];
    work[i] = d;
    work[K + i] = 0;
    if (d > maxDiag) maxDiag = d;
  }
  const tol = 1e-13 * maxDiag;
  for (let r = 0; r < K; r++) {
    let p = -1;
    let best = tol;
    for (let i = 0; i < K; i++)
      if (work[K + i] === 0 && work[i] > best) {
        best = work[i];
        p = i;
      }
    if (p < 0) return r;
    work[K + p] = 1;
    const s = Math.sqrt(best);
    L[p * K + r] = s;
    for (let i = 0; i < K; i++) {
      if (work[K + i] !== 0) continue;
      let a = packed[Math.min(i, p) * K - (Math.min(i, p) * (Math.min(i, p) - 1)) / 2 + Math.abs(i - p)];
      for (let c = 0; c < r; c++) a -= L[i * K + c] * L[p * K + c];
      const l = a / s;
      L[i * K + r] = l;
      work[i] -= l * l;
    }
  }
  return K;
}

/**
 * Whether a symmetric n×n matrix, given by its packed upper triangle, is positive semidefinite: its pivoted
 * Cholesky factor must reproduce it to 1e-9 of its largest entry (a NaN entry is not PSD).
 *
 * @example isPsd(2, new Float64Array([4, 2, 2])) // true; isPsd(2, new Float64Array([1, 2, 1])) // false
 */
export function isPsd(n: number, packed: Float64Array): boolean {
  const L = new Float64Array(n * n);
  psdFactor(n, packed, L, new Float64Array(2 * n));
  const scale = Math.max(1e-300, ...Array.from(packed, Math.abs));
  let q = 0;
  for (let a = 0; a < n; a++)
    for (let b = a; b < n; b++) {
      let s = 0;
      for (let r = 0; r < n; r++) s += L[a * n + r] * L[b * n + r];
      if (!(Math.abs(s - packed[q++]) <= 1e-9 * scale)) return false;
    }
  return true;
}
