/**
 * A one-parameter family of maps of the line, `x -> f_p(x)`, with its derivative in x.
 *
 * For implementers: `step` and `derivative` must be pure, allocation-free and total (return a non-finite
 * number rather than throw); the engine detects escape itself. Test a new map as
 * `test/theory/maps/classify.test.ts` does the logistic map: fixed points and multipliers against their
 * closed forms, and `derivative` against a central finite difference of `step`.
 */
export interface Map1D {
  /** `f_p(x)`. */
  step(x: number, p: number): number;
  /** `∂f_p/∂x (x)`. */
  derivative(x: number, p: number): number;
}

/**
 * A one-parameter family of maps of `R^dim`, `x -> F_p(x)`, with its Jacobian.
 *
 * For implementers: `step` writes `F_p(x)` into `out` (which may not alias `x`); `jacobian` writes
 * `∂F_i/∂x_j` row-major into `out` (length `dim * dim`). Both allocate nothing. Test the Jacobian against
 * finite differences and the exponents of {@link lyapunovSpectrum} on a case with a closed form (e.g. the
 * sum of the exponents equals the mean log-determinant).
 */
export interface MapND {
  readonly dim: number;
  step(x: Float64Array, p: number, out: Float64Array): void;
  jacobian(x: Float64Array, p: number, out: Float64Array): void;
}

/** Options shared by the iterating tools. */
export interface IterateOptions {
  /** Iterations discarded before anything is kept (default 2000). */
  transient?: number;
  /** Iterations kept after the transient (default 256). */
  keep?: number;
  /** `|x| > escapeRadius` (or a non-finite x) counts as escape to infinity (default 1e6). */
  escapeRadius?: number;
}

/** Defaults of {@link IterateOptions}. */
export const iterateDefaults = { transient: 2000, keep: 256, escapeRadius: 1e6 } as const;
