import type { Status } from "../../core/status.js";

/**
 * An initial-value problem $y'(t) = f(t, y)$, $y(t_0) = y_0$ in $\mathbb{R}^{\mathrm{dim}}$.
 *
 * Args:
 * - `dim`: the number of components of $y$.
 * - `rhs(t, y, dydt)`: writes $f(t, y)$ into `dydt`; it must not keep or modify `y`, and should allocate
 *   nothing (it is called several times per step).
 * - `y0`: the initial state, of length `dim` (copied, never modified).
 * - `t0`: the initial time; defaults to the first requested output time.
 *
 * @example
 * const decay: OdeProblem = { dim: 1, y0: [1], rhs: (_t, y, dydt) => { dydt[0] = -y[0]; } };
 */
export interface OdeProblem {
  dim: number;
  rhs(t: number, y: Float64Array, dydt: Float64Array): void;
  y0: ArrayLike<number>;
  t0?: number;
}

/**
 * Options of an ODE integration; every field is optional and normalised once by `normaliseOdeInput`.
 *
 * - `h`: the step of a fixed-step method (required there), or the initial step of an adaptive one
 *   (default: the Hairer–Wanner starting-step heuristic).
 * - `rtol`, `atol`: relative and absolute tolerances of adaptive methods, per component the local error
 *   estimate is kept below $\mathrm{atol} + \mathrm{rtol}\,|y_i|$ in the root-mean-square norm
 *   (defaults `1e-8`, `1e-10`).
 * - `maxSteps`: the largest number of attempted steps, accepted plus rejected (default `1e6`); beyond it the
 *   status is `"not-converged"`.
 * - `hMin`: the smallest step an adaptive method may take (default 0, and never below
 *   $16\,\varepsilon\,\max(|t_0|, |t_\mathrm{end}|)$); below it the status is `"step-size-too-small"`.
 * - `blowUp`: a component with $|y_i|$ above it ends the run with status `"diverged"` (default `1e100`).
 * - `fixedStep`: forces an adaptive method to take steps of exactly `h` without error control (used to
 *   measure its convergence order); ignored by fixed-step methods.
 */
export interface OdeOptions {
  h?: number;
  rtol?: number;
  atol?: number;
  maxSteps?: number;
  hMin?: number;
  blowUp?: number;
  fixedStep?: boolean;
}

/** Work counters of one integration. */
export interface OdeStats {
  /** Accepted steps. */
  steps: number;
  /** Rejected steps (adaptive methods only). */
  rejected: number;
  /** Calls of `problem.rhs`. */
  rhsEvaluations: number;
}

/**
 * The solution of an ODE at the requested output times, with its status.
 *
 * `y[i][j]` is component `i` at time `t[j]`. When the integration fails (`status` other than `"ok"`),
 * `failedAt` is the time at which the failure was detected, `message` says what happened and where, and
 * every output not reached is `NaN`.
 */
export interface OdeSolution {
  t: Float64Array;
  y: Float64Array[];
  status: Status;
  message?: string;
  stats: OdeStats;
  failedAt?: number;
}

/**
 * A numerical integrator for {@link OdeProblem}s that produces values at requested output times.
 *
 * `integrate(problem, times, options)` integrates from `problem.t0` (default `times[0]`) to the last of
 * `times` (non-decreasing, all $\ge t_0$) and returns the state at each of them. Numerical failure (NaN,
 * blow-up, too many steps, step-size underflow) is returned as a status, never thrown; a plain `Error` is
 * thrown only for programmer errors (decreasing times, a `y0` whose length is not `dim`, a missing step).
 *
 * @example
 * const sol = rk4.integrate(decay, [0, 1], { h: 0.01 }); // sol.y[0][1] ≈ Math.exp(-1)
 *
 * Reference: E. Hairer, S. P. Nørsett, G. Wanner, Solving Ordinary Differential Equations I, 2nd ed.,
 * Springer (1993), ch. II.
 *
 * For implementers: set `name`, the classical `order` $p$ (global error $O(h^p)$) and `adaptive`; call
 * `normaliseOdeInput` first, then either hand a `FixedStepper` to `integrateFixedStep` or drive an
 * `OdeRecorder` yourself; preallocate all work arrays once per call and allocate nothing per step.
 * Register the method in `odeMethods` (solve.ts): the table-driven test
 * `test/theory/ode/convergence.test.ts` then requires a row of step sizes for it and checks that the
 * measured log-log slope of the error matches the declared `order`.
 */
export interface OdeMethod {
  name: string;
  order: number;
  adaptive: boolean;
  integrate(problem: OdeProblem, times: ArrayLike<number>, options?: OdeOptions): OdeSolution;
}
