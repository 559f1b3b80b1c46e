import type { Level } from "./weight-side.js";

/**
 * A loss of a generalized linear model as a function of the preactivation H and the label y, with its
 * first two derivatives in H.
 *
 * For implementers: `d1` and `d2` must be the exact derivatives of `value` (test them by finite
 * differences, as test/models/glm/losses.test.ts does); where the loss has a kink, provide a smoothed
 * version, because the DMFT responses need a second derivative.
 */
export interface DmftLoss {
  readonly name: string;
  value(H: number, y: number): number;
  d1(H: number, y: number): number;
  d2(H: number, y: number): number;
}

/**
 * The discrete DMFT of SGD with extensive batches on a generalized linear model (isotropic data, ridge).
 * Steps t = 0..steps; `w(t+1) = w(t) - lr_t [ridge w(t) + (1/sqrt d) Σ_mu kappa_mu(t) loss'(H_mu, y_mu) x_mu]
 * + momentum (w(t) - w(t-1))`, selections `kappa = 1/b` with probability b, else 0.
 *
 * For implementers: a model builds this from its spec; `label(hStar, eps)` is the teacher (eps a standard
 * normal independent of hStar, for label noise); `classify` adds the train error `E[1{H y <= 0}]`.
 */
export interface DmftProblem {
  /** Samples per dimension, n/d. */
  alpha: number;
  ridge: number;
  momentum: number;
  /** b in (0, 1]; 1 is full-batch GD. */
  batchFraction: number;
  m0: number;
  q0: number;
  /** Learning rate of each step 0..steps-1 (a schedule). */
  lr: ArrayLike<number>;
  steps: number;
  /** Monte Carlo samples S of the effective sample process. */
  samples: number;
  loss: DmftLoss;
  /** Data covariance levels (default one level s = 1: isotropic); fractions sum to 1. */
  levels?: readonly Level[];
  /** How the responses are estimated: "pathwise" (default) or "stein" (O(S T) memory; SGD). */
  response?: "pathwise" | "stein";
  label(hStar: number, eps: number): number;
  classify?: boolean;
}

/** Largest memory the solver will allocate (bytes); above it, it refuses before starting. */
export const maxDmftBytes = 2 ** 31;

/**
 * Bytes the forward pass allocates at its peak, for `levels` covariance levels: the moment-matched normals
 * (`1 + levels (T + 2)` columns of S doubles, twice while they are whitened), the QR basis, the kicks g
 * and the level noises (S × T doubles each), for pathwise responses also the curvatures and a scratch
 * (S × T doubles each) and the responses `chi(t, s)`, s < t (S T (T-1)/2 floats), and the kernels
 * ((T+1)^2 doubles, 3 + 3 levels of them).
 *
 * @example dmftMemoryBytes(10_000, 100) // about 0.3 GB
 */
export function dmftMemoryBytes(
  samples: number,
  steps: number,
  response: "pathwise" | "stein" = "pathwise",
  levels = 1,
): number {
  const S = samples;
  const T = steps;
  const columns = 1 + levels * (T + 2);
  const common = 2 * 8 * S * columns + (2 + levels) * 8 * S * T + 8 * (4 + 3 * levels) * (T + 1) ** 2;
  return response === "stein" ? common : common + 2 * 8 * S * T + 4 * S * ((T * (T - 1)) / 2);
}
