import type { Rng } from "../../../src/core/rng.js";

/**
 * A sampler of `u ~ N(0, C)` (C n×n row-major, positive definite) through its Cholesky factor: the test's
 * own, independent of the pivoted factor in src/.
 *
 * @example const draw = gaussianSampler(C, 4); draw(rng, u)
 */
export function gaussianSampler(C: ArrayLike<number>, n: number): (rng: Rng, u: Float64Array) => void {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = C[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = i === j ? Math.sqrt(s) : s / L[j * n + j];
    }
  const z = new Float64Array(n);
  return (rng, u) => {
    rng.fillNormal(z);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k <= i; k++) s += L[i * n + k] * z[k];
      u[i] = s;
    }
  };
}
