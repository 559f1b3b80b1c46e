/**
 * Test error of a quadratic predictor `f(x) = xᵀ A x` against the teacher `y*(x) = xᵀ A* x` for
 * `x ~ N(0, I_d / d)`, in closed form (never Monte-Carlo what has one): with `D = A - A*` symmetric,
 *
 * `E[(xᵀ D x)^2] = (tr D)^2 / d^2 + 2 tr(D^2) / d^2`
 *
 * (Isserlis: `E[x_k x_l x_m x_p] = (δkl δmp + δkm δlp + δkp δlm) / d^2`).
 *
 * @example quadraticTestError(Float64Array.of(1), Float64Array.of(0), 1) // 3 (E z^4 for z ~ N(0, 1))
 */
export function quadraticTestError(A: Float64Array, teacher: Float64Array, d: number): number {
  let trace = 0;
  let frobenius = 0;
  for (let k = 0; k < d; k++) {
    trace += A[k * d + k] - teacher[k * d + k];
    for (let l = 0; l < d; l++) {
      const D = A[k * d + l] - teacher[k * d + l];
      frobenius += D * D;
    }
  }
  return (trace * trace + 2 * frobenius) / (d * d);
}
