import type { FixedStepper } from "./integrateFixedStep.js";
import { integrateFixedStep } from "./integrateFixedStep.js";
import { normaliseOdeInput } from "./normaliseOdeInput.js";
import type { OdeMethod, OdeProblem } from "./types.js";

/**
 * One classical Runge–Kutta step, four `rhs` calls, stage arrays preallocated.
 *
 * @example rk4Stepper(problem, problem.dim).step(0, 0.1, y)
 */
export function rk4Stepper(problem: OdeProblem, dim: number): FixedStepper {
  const k1 = new Float64Array(dim);
  const k2 = new Float64Array(dim);
  const k3 = new Float64Array(dim);
  const k4 = new Float64Array(dim);
  const tmp = new Float64Array(dim);
  return {
    stages: 4,
    step(t, h, y) {
      const half = 0.5 * h;
      problem.rhs(t, y, k1);
      for (let i = 0; i < dim; i++) tmp[i] = y[i] + half * k1[i];
      problem.rhs(t + half, tmp, k2);
      for (let i = 0; i < dim; i++) tmp[i] = y[i] + half * k2[i];
      problem.rhs(t + half, tmp, k3);
      for (let i = 0; i < dim; i++) tmp[i] = y[i] + h * k3[i];
      problem.rhs(t + h, tmp, k4);
      const sixth = h / 6;
      for (let i = 0; i < dim; i++) y[i] += sixth * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
    },
  };
}

/**
 * Classical fourth-order Runge–Kutta method, fixed step, order 4: global error $O(h^4)$.
 *
 * $$k_1 = f(t_n, y_n),\ k_2 = f(t_n + \tfrac h2, y_n + \tfrac h2 k_1),\ k_3 = f(t_n + \tfrac h2, y_n + \tfrac h2 k_2),\
 *   k_4 = f(t_n + h, y_n + h k_3),\quad y_{n+1} = y_n + \tfrac h6 (k_1 + 2k_2 + 2k_3 + k_4).$$
 *
 * Options: `h` (required), `maxSteps`, `blowUp`. The step is $\min(h, \text{distance to the next output})$,
 * so each output interval $\Delta$ takes $\lceil \Delta/h \rceil$ steps and output times are hit exactly.
 *
 * @example rk4.integrate(problem, [0, 0.5, 1], { h: 0.01 })
 *
 * Reference: Hairer, Nørsett & Wanner, Solving ODEs I (1993), sec. II.1, Table 1.2 (left).
 */
export const rk4: OdeMethod = {
  name: "rk4",
  order: 4,
  adaptive: false,
  integrate(problem, times, options = {}) {
    const setup = normaliseOdeInput(problem, times, options, "rk4", true);
    return integrateFixedStep(setup, rk4Stepper(problem, setup.dim));
  },
};
