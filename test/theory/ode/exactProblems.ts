import type { OdeProblem } from "../../../src/theory/ode/index.js";

/** An ODE with a closed-form solution, for convergence tests. */
export interface ExactProblem {
  name: string;
  problem: OdeProblem;
  /** The exact solution at time t, component i. */
  exact(t: number, i: number): number;
}

/**
 * The four reference problems (t0 = 0):
 * (a) y' = A y, A = [[-1, 2], [-2, -1]], y0 = (1, 0): A = -I + 2J with J the rotation generator, so
 *     y(t) = e^{-t} (cos 2t, -sin 2t);
 * (b) logistic y' = y (1 - y), y0 = 0.1: y(t) = 1 / (1 + 9 e^{-t});
 * (c) non-autonomous y' = -2 t y, y0 = 1: y(t) = exp(-t^2);
 * (d) y' = cos(t) y, y0 = 1: y(t) = exp(sin t).
 */
export const exactProblems: ExactProblem[] = [
  {
    name: "linear rotation-decay",
    problem: {
      dim: 2,
      y0: [1, 0],
      rhs: (_t, y, dydt) => {
        dydt[0] = -y[0] + 2 * y[1];
        dydt[1] = -2 * y[0] - y[1];
      },
    },
    exact: (t, i) => Math.exp(-t) * (i === 0 ? Math.cos(2 * t) : -Math.sin(2 * t)),
  },
  {
    name: "logistic",
    problem: {
      dim: 1,
      y0: [0.1],
      rhs: (_t, y, dydt) => {
        dydt[0] = y[0] * (1 - y[0]);
      },
    },
    exact: (t) => 1 / (1 + 9 * Math.exp(-t)),
  },
  {
    name: "non-autonomous y' = -2ty",
    problem: {
      dim: 1,
      y0: [1],
      rhs: (t, y, dydt) => {
        dydt[0] = -2 * t * y[0];
      },
    },
    exact: (t) => Math.exp(-t * t),
  },
  {
    name: "y' = cos(t) y",
    problem: {
      dim: 1,
      y0: [1],
      rhs: (t, y, dydt) => {
        dydt[0] = Math.cos(t) * y[0];
      },
    },
    exact: (t) => Math.exp(Math.sin(t)),
  },
];

/** The largest |numerical - exact| over all components and output times of a solution. */
export function maxError(
  entry: ExactProblem,
  solution: { t: ArrayLike<number>; y: ArrayLike<number>[] },
): number {
  let max = 0;
  for (let i = 0; i < solution.y.length; i++) {
    for (let j = 0; j < solution.t.length; j++) {
      max = Math.max(max, Math.abs(solution.y[i][j] - entry.exact(solution.t[j], i)));
    }
  }
  return max;
}

/** Least-squares slope of log(err) against log(h). */
export function logLogSlope(hs: readonly number[], errors: readonly number[]): number {
  const x = hs.map(Math.log);
  const y = errors.map(Math.log);
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < x.length; k++) {
    sxy += (x[k] - mx) * (y[k] - my);
    sxx += (x[k] - mx) ** 2;
  }
  return sxy / sxx;
}
