/**
 * Flat `Float64Array` kernels for hot loops: no allocation, no checks (validate at the boundary).
 *
 * @example const x = new Float64Array([3, 4]); norm2(x) // 25
 */

/** Inner product `<a, b>` over the first `a.length` entries. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Squared Euclidean norm `|a|^2`. */
export function norm2(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}

/** `y <- y + alpha x`. */
export function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
}

/** `x <- alpha x`. */
export function scale(alpha: number, x: Float64Array): void {
  for (let i = 0; i < x.length; i++) x[i] *= alpha;
}

/**
 * Make `x` a unit vector orthogonal to the unit vector `v` (one Gram–Schmidt step, then normalise).
 * Drawing `x` from N(0, I) first gives a uniformly random unit vector in the orthogonal complement of v.
 */
export function orthonormaliseAgainst(x: Float64Array, v: Float64Array): void {
  axpy(-dot(x, v), v, x);
  scale(1 / Math.sqrt(norm2(x)), x);
}
