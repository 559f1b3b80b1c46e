import type { SdeProblem } from "../../../src/theory/sde/index.js";

/**
 * The exact-solution problems of science/05-modified-flows.md §3 (the usual SDE integrator suite).
 * `exact(t, W_t)` is the solution on the path; `mean(t)` and `second(t)` are its first two moments.
 */
export interface ExactProblem {
  name: string;
  problem: SdeProblem;
  u0: number;
  exact(t: number, w: number): number;
  mean(t: number): number;
  second(t: number): number;
}

/** du = 1.01 u dt + 0.87 u dW, u0 = 1/2: u = u0 exp((1.01 - 0.87^2/2) t + 0.87 W) = u0 exp(0.63155 t + 0.87 W). */
export const multiplicative: ExactProblem = {
  name: "multiplicative",
  problem: {
    dim: 1,
    noise: 1,
    structure: "diagonal",
    drift: (_t, x, out) => {
      out[0] = 1.01 * x[0];
    },
    diffusion: (_t, x, out) => {
      out[0] = 0.87 * x[0];
    },
  },
  u0: 0.5,
  exact: (t, w) => 0.5 * Math.exp(0.63155 * t + 0.87 * w),
  // E u = u0 e^{1.01 t}, E u^2 = u0^2 e^{(2.02 + 0.87^2) t} (Itô: d(u^2) = (2a + b^2) u^2 dt + ...)
  mean: (t) => 0.5 * Math.exp(1.01 * t),
  second: (t) => 0.25 * Math.exp((2.02 + 0.87 ** 2) * t),
};

const alpha = 0.1;
const beta = 0.05;

/**
 * du = (beta/sqrt(1+t) - u/(2(1+t))) dt + alpha beta/sqrt(1+t) dW, u0 = 1:
 * u = u0/sqrt(1+t) + beta (t + alpha W)/sqrt(1+t); E u = (1 + beta t)/sqrt(1+t), Var u = (alpha beta)^2 t/(1+t).
 */
export const additive: ExactProblem = {
  name: "additive",
  problem: {
    dim: 1,
    noise: 1,
    structure: "additive",
    drift: (t, x, out) => {
      out[0] = beta / Math.sqrt(1 + t) - x[0] / (2 * (1 + t));
    },
    diffusion: (t, _x, out) => {
      out[0] = (alpha * beta) / Math.sqrt(1 + t);
    },
  },
  u0: 1,
  exact: (t, w) => 1 / Math.sqrt(1 + t) + (beta * (t + alpha * w)) / Math.sqrt(1 + t),
  mean: (t) => (1 + beta * t) / Math.sqrt(1 + t),
  second: (t) => ((1 + beta * t) / Math.sqrt(1 + t)) ** 2 + ((alpha * beta) ** 2 * t) / (1 + t),
};
