import type { MapND } from "./types.js";

/** Options of {@link lyapunovSpectrum}. */
export interface SpectrumOptions {
  /** Iterations discarded before averaging (default 1000). */
  transient?: number;
  /** Iterations averaged (default 10000). */
  steps?: number;
}

/**
 * All Lyapunov exponents of an n-D map by the tangent-map QR method (Benettin et al. 1980; Eckmann and
 * Ruelle 1985, §IV): propagate an orthonormal frame `Q` by the Jacobian, re-orthonormalise it each step
 * by modified Gram–Schmidt `J Q = Q' R`, and average `ln R_ii`:
 *
 * `lambda_i = lim (1/N) sum_t ln R_ii(t)`, sorted in decreasing order.
 *
 * For a linear map `diag(a_1..a_n)` the exponents are `ln|a_i|`; their sum is always the mean of
 * `ln|det J|`. Returns `undefined` when the orbit leaves the finite range.
 *
 * @param map the map family
 * @param p the parameter
 * @param x0 the initial condition (length `map.dim`; not modified)
 * @example lyapunovSpectrum(henon, 1.4, Float64Array.of(0.1, 0.1)) // ≈ [0.42, -1.62]
 */
export function lyapunovSpectrum(
  map: MapND,
  p: number,
  x0: Float64Array,
  options: SpectrumOptions = {},
): number[] | undefined {
  const n = map.dim;
  const transient = options.transient ?? 1000;
  const steps = options.steps ?? 10000;
  let x = Float64Array.from(x0);
  let next = new Float64Array(n);
  for (let t = 0; t < transient; t++) {
    map.step(x, p, next);
    [x, next] = [next, x];
  }
  const J = new Float64Array(n * n);
  const Q = new Float64Array(n * n);
  const W = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Q[i * n + i] = 1;
  const sums = new Float64Array(n);
  for (let t = 0; t < steps; t++) {
    map.jacobian(x, p, J);
    multiply(J, Q, W, n);
    gramSchmidt(W, Q, sums, n);
    map.step(x, p, next);
    [x, next] = [next, x];
    if (!x.every(Number.isFinite)) return undefined;
  }
  return Array.from(sums, (s) => s / steps).sort((a, b) => b - a);
}

/** `W = J Q` for row-major n×n matrices (columns of Q are the frame vectors). */
function multiply(J: Float64Array, Q: Float64Array, W: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += J[i * n + k] * Q[k * n + j];
      W[i * n + j] = s;
    }
  }
}

/** Modified Gram–Schmidt on the columns of W into Q, adding `ln R_jj` to `sums[j]`. */
function gramSchmidt(W: Float64Array, Q: Float64Array, sums: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += W[i * n + j] * Q[i * n + k];
      for (let i = 0; i < n; i++) W[i * n + j] -= dot * Q[i * n + k];
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += W[i * n + j] * W[i * n + j];
    norm = Math.sqrt(norm);
    sums[j] += Math.log(Math.max(norm, 1e-300));
    for (let i = 0; i < n; i++) Q[i * n + j] = norm > 0 ? W[i * n + j] / norm : i === j ? 1 : 0;
  }
}
