/**
 * Gram–Schmidt QR of a growing set of vectors `u_0, u_1, ...` of length S, with one re-orthogonalisation
 * pass ("twice is enough"), so that `u_t = Σ_{k<=t} R(k, t) e_k` with orthonormal `e_k` to rounding even
 * when the vectors become nearly dependent (a converged GD). A vector with nothing left after the
 * projections gets `e_t = 0` and `R(t, t) = 0`: the identity `U^T U = R^T R` still holds.
 *
 * @example const qr = new IncrementalQr(S, T); const r = qr.push(u); // r[k] = R(k, t)
 * Reference: science/02 §3; L. Giraud et al., Numer. Math. 101 (2005) (twice is enough).
 */
export class IncrementalQr {
  private readonly basis: Float64Array[] = [];
  private readonly residual: Float64Array;

  constructor(readonly length: number) {
    this.residual = new Float64Array(length);
  }

  /** Number of vectors pushed so far. */
  get size(): number {
    return this.basis.length;
  }

  /** The orthonormal basis vector `e_k` (not to be modified). */
  vector(k: number): Float64Array {
    return this.basis[k];
  }

  /** Add `u` (not modified) and return its column of R (length = new size). */
  push(u: Float64Array): Float64Array {
    const S = this.length;
    const t = this.basis.length;
    const r = new Float64Array(t + 1);
    const x = this.residual;
    x.set(u);
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < t; k++) {
        const e = this.basis[k];
        let c = 0;
        for (let i = 0; i < S; i++) c += e[i] * x[i];
        r[k] += c;
        for (let i = 0; i < S; i++) x[i] -= c * e[i];
      }
    }
    let n2 = 0;
    for (let i = 0; i < S; i++) n2 += x[i] * x[i];
    const norm = Math.sqrt(n2);
    r[t] = norm;
    const e = new Float64Array(S);
    if (norm > 0) for (let i = 0; i < S; i++) e[i] = x[i] / norm;
    this.basis.push(e);
    return r;
  }
}
