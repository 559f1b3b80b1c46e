import type { FixedStepper } from "./integrateFixedStep.js";
import { integrateFixedStep } from "./integrateFixedStep.js";
import { normaliseOdeInput } from "./normaliseOdeInput.js";
import type { OdeMethod, OdeProblem } from "./types.js";

/**
 * The explicit Euler step $y_{n+1} = y_n + h\,f(t_n, y_n)$, one `rhs` call, work array preallocated.
 *
 * @example eulerStepper(problem, problem.dim).step(0, 0.1, y)
 */
export function eulerStepper(problem: OdeProblem, dim: number): FixedStepper {
  const k = new Float64Array(dim);
  return {
    stages: 1,
    step(t, h, y) {
      problem.rhs(t, y, k);
      for (let i = 0; i < dim; i++) y[i] += h * k[i];
    },
  };
}

/**
 * Explicit Euler method, fixed step, order 1: global error $O(h)$.
 *
 * $$y_{n+1} = y_n + h\,f(t_n, y_n).$$
 *
 * Options: `h` (required), `maxSteps`, `blowUp`. Output times are hit exactly (see `integrateFixedStep`).
 *
 * @example euler.integrate(problem, [0, 1], { h: 1e-3 })
 *
 * Reference: Hairer, Nørsett & Wanner, Solving ODEs I (1993), sec. I.7 and II.3.
 */
export const euler: OdeMethod = {
  name: "euler",
  order: 1,
  adaptive: false,
  integrate(problem, times, options = {}) {
    const setup = normaliseOdeInput(problem, times, options, "euler", true);
    return integrateFixedStep(setup, eulerStepper(problem, setup.dim));
  },
};
