/**
 * Largest eigenvalue of a symmetric operator given by its matrix-vector product (the sharpness, for a
 * Hessian), by power iteration from the warm start `v` (updated in place: the next call starts from the
 * last eigenvector, so along a trajectory a few iterations suffice).
 *
 * Power iteration finds the eigenvalue of largest modulus; when that one is negative, the iteration is
 * rerun on the shifted operator `H + |mu| I`, whose largest-modulus eigenvalue is the largest algebraic
 * one of H plus |mu|. Converged when the Rayleigh quotient changes by less than `tol` (relative).
 *
 * @param apply writes `H v` into `out`
 * @param v start vector (non-zero; overwritten by the eigenvector)
 * @param work scratch of the same length
 * @example largestEigenvalue((v, out) => { out[0] = 2 * v[0]; out[1] = -5 * v[1]; }, Float64Array.of(1, 1), new Float64Array(2)) // 2
 */
export function largestEigenvalue(
  apply: (v: Float64Array, out: Float64Array) => void,
  v: Float64Array,
  work: Float64Array,
  maxIter = 100,
  tol = 1e-8,
): number {
  const mu = powerIteration(apply, 0, v, work, maxIter, tol);
  if (mu >= 0) return mu;
  const shift = -mu;
  return powerIteration(apply, shift, v, work, maxIter, tol) - shift;
}

function powerIteration(
  apply: (v: Float64Array, out: Float64Array) => void,
  shift: number,
  v: Float64Array,
  work: Float64Array,
  maxIter: number,
  tol: number,
): number {
  normalise(v);
  let lambda = 0;
  for (let it = 0; it < maxIter; it++) {
    apply(v, work);
    let rq = 0;
    for (let k = 0; k < v.length; k++) {
      work[k] += shift * v[k];
      rq += v[k] * work[k];
    }
    const norm = Math.sqrt(work.reduce((s, x) => s + x * x, 0));
    if (!(norm > 0)) return 0;
    for (let k = 0; k < v.length; k++) v[k] = work[k] / norm;
    if (it > 0 && Math.abs(rq - lambda) <= tol * Math.abs(rq)) return rq;
    lambda = rq;
  }
  return lambda;
}

function normalise(v: Float64Array): void {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k] * v[k];
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  if (inv === 0) v.fill(1 / Math.sqrt(v.length));
  else for (let k = 0; k < v.length; k++) v[k] *= inv;
}
