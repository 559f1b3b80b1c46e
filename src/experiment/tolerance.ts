import { studentTQuantile } from "../core/student-t.js";

/**
 * The one tolerance rule of every agreement check, shared by all models (issue 13): a simulated value is
 * compared with a theory within
 *
 *   `t(runs) × se + bias + accuracy(theory)`,
 *
 * the Monte-Carlo error at the 4-sigma level ({@link meanGapMultiplier}: the Student-t quantile, because
 * `se` is estimated from the runs), the model's derived bias bound (its README), and the theory's own
 * numerical accuracy ({@link theoryAccuracy}). A model supplies `se` (or the theory's predicted spread),
 * `bias` and the theory value; it never writes its own multiplier.
 *
 * @example meanTolerance(0.01, 16, 0.002, 0.5) // 4.88 × 0.01 + 0.002 + 1e-8
 */

/** One-sided Gaussian tail beyond 4 standard deviations, `1 - Phi(4)` (A&S Table 26.1). */
const tail4Sigma = 3.167124183311992e-5;

/** The Gaussian confidence of every check, in standard deviations (for errors known, not estimated). */
export const gaussianSigmas = 4;

/**
 * Multiplier of an estimated standard error of a mean over `runs` runs that keeps the two-sided false-alarm
 * probability of one point at the 4-sigma Gaussian level (6.3e-5): the Student t quantile with `runs - 1`
 * degrees of freedom, because the standard error itself is estimated from the runs (8.47 for 8 runs,
 * 4.04 for 400, -> 4).
 */
export function meanGapMultiplier(runs: number): number {
  let z = multipliers.get(runs);
  if (z === undefined) {
    z = studentTQuantile(1 - tail4Sigma, runs - 1);
    multipliers.set(runs, z);
  }
  return z;
}

/** {@link meanGapMultiplier} by run count: the quantile is iterative, and tolerances ask for it per point. */
const multipliers = new Map<number, number>();

/**
 * Numerical accuracy of a theory value: theories are solved with relative tolerance 1e-10 (ode-series.ts);
 * 1e-8 relative (absolute below 1) covers its accumulation over a horizon, so that runs that are identical
 * at a point (zero standard error, e.g. a fixed start at t = 0) are not failed by rounding.
 */
export function theoryAccuracy(value: number): number {
  return 1e-8 * Math.max(1, Math.abs(value));
}

/**
 * Tolerance of the mean of `runs` runs with standard error `se` against a theory value `theory` whose
 * bias bound is `bias`: `meanGapMultiplier(runs) se + bias + theoryAccuracy(theory)`.
 */
export function meanTolerance(se: number, runs: number, bias: number, theory: number): number {
  return meanGapMultiplier(runs) * se + bias + theoryAccuracy(theory);
}

/**
 * Tolerance of one new run against a theory when `sd` is the sample standard deviation of `runs` runs of
 * the same law: the 4-sigma prediction interval `t(runs) sd sqrt(1 + 1/runs)` plus the bias bound and the
 * theory's accuracy.
 */
export function predictionTolerance(sd: number, runs: number, bias: number, theory: number): number {
  return meanTolerance(sd * Math.sqrt(1 + 1 / runs), runs, bias, theory);
}
