/**
 * Index bookkeeping of the committee machine: the joint fields, the ODE state and the statistic names.
 *
 * Fields: `φ = (λ_1..λ_p, ν_1..ν_k)`, student fields first (index `i`), then teacher fields (index
 * `p + n`). Their covariance is the joint Gram matrix `C = [[Q, M], [Mᵀ, P]]` (n×n, `n = p + k`, row-major).
 * Weights on the fields: `u = (v, −A)`, so that the error signal is `e = Σ_c u_c g(φ_c) − σ ζ`.
 *
 * ODE state `y = [Q upper triangle row by row, M row-major (p×k), v (p, when the readout is trained)]`.
 *
 * @example const lay = committeeLayout(2, 2, false); lay.size // 3 + 4 = 7
 */
export interface CommitteeLayout {
  p: number;
  k: number;
  /** Number of fields `p + k`. */
  n: number;
  /** Offset of M in the state (= p(p+1)/2, Q comes first). */
  m: number;
  /** Offset of v in the state, or -1 when v is frozen. */
  v: number;
  /** Length of the state. */
  size: number;
}

/** The layout for p students, k teachers, with or without a trained readout. */
export function committeeLayout(p: number, k: number, trainReadout: boolean): CommitteeLayout {
  const m = (p * (p + 1)) / 2;
  const v = trainReadout ? m + p * k : -1;
  return { p, k, n: p + k, m, v, size: m + p * k + (trainReadout ? p : 0) };
}

/** Position of `Q[i, j]` (i <= j) in the packed upper triangle of a p×p matrix. */
export function packedIndex(p: number, i: number, j: number): number {
  return i * p - (i * (i - 1)) / 2 + (j - i);
}

/**
 * Statistic names, in the order every simulator and the ODE write them: `eg`, then `Q[i,j]` (i <= j),
 * `M[i,n]`, and `v[i]` when the readout is trained; indices are 0-based.
 *
 * @example committeeStatisticNames(committeeLayout(2, 1, false)) // ["eg", "Q[0,0]", "Q[0,1]", "Q[1,1]", "M[0,0]", "M[1,0]"]
 */
export function committeeStatisticNames(lay: CommitteeLayout): string[] {
  const names = ["eg"];
  for (let i = 0; i < lay.p; i++) for (let j = i; j < lay.p; j++) names.push(`Q[${i},${j}]`);
  for (let i = 0; i < lay.p; i++) for (let n = 0; n < lay.k; n++) names.push(`M[${i},${n}]`);
  if (lay.v >= 0) for (let i = 0; i < lay.p; i++) names.push(`v[${i}]`);
  return names;
}

/**
 * Fill the joint covariance `C` (n×n) and the field weights `u = (v, −A)` from an ODE state.
 *
 * @param lay the layout
 * @param y the state (Q packed, M, v)
 * @param P teacher–teacher overlaps (k×k row-major)
 * @param v0 the frozen readout (used when `lay.v < 0`)
 * @param A the teacher readout
 * @param C output, length n²
 * @param u output, length n
 */
export function fillJoint(
  lay: CommitteeLayout,
  y: ArrayLike<number>,
  P: ArrayLike<number>,
  v0: ArrayLike<number>,
  A: ArrayLike<number>,
  C: Float64Array,
  u: Float64Array,
): void {
  const { p, k, n } = lay;
  let q = 0;
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      C[i * n + j] = y[q];
      C[j * n + i] = y[q++];
    }
  for (let i = 0; i < p; i++)
    for (let r = 0; r < k; r++) {
      const x = y[lay.m + i * k + r];
      C[i * n + p + r] = x;
      C[(p + r) * n + i] = x;
    }
  for (let r = 0; r < k; r++) for (let s = 0; s < k; s++) C[(p + r) * n + p + s] = P[r * k + s];
  for (let i = 0; i < p; i++) u[i] = lay.v >= 0 ? y[lay.v + i] : v0[i];
  for (let r = 0; r < k; r++) u[p + r] = -A[r];
}
