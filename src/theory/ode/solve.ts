import { dopri5 } from "./dopri5.js";
import { euler } from "./euler.js";
import { odeMessages } from "./messages.js";
import { rk4 } from "./rk4.js";
import type { OdeMethod, OdeOptions, OdeProblem, OdeSolution } from "./types.js";

/** The built-in ODE methods by name. */
export const odeMethods = { euler, rk4, dopri5 } as const satisfies Record<string, OdeMethod>;

/** The name of a built-in ODE method: `"euler" | "rk4" | "dopri5"`. */
export type OdeMethodName = keyof typeof odeMethods;

/**
 * Solve an initial-value problem $y' = f(t, y)$, $y(t_0) = y_0$ and return $y$ at the output times.
 *
 * Args:
 * - `problem`: the {@link OdeProblem} (`dim`, `rhs`, `y0`, optional `t0`, default `times[0]`).
 * - `method`: an {@link OdeMethod} or the name of a built-in one (`"euler"`, `"rk4"`, `"dopri5"`).
 * - `times`: non-decreasing output times, the first $\ge t_0$ (it may equal $t_0$).
 * - `options`: {@link OdeOptions} (`h` is required by fixed-step methods).
 *
 * Numerical failure is a status in the returned solution (outputs not reached are NaN); only programmer
 * errors throw.
 *
 * @example
 * const sol = solveOde({ dim: 1, y0: [1], rhs: (t, y, dy) => { dy[0] = -y[0]; } }, "dopri5", [0, 1, 2]);
 * // sol.status === "ok", sol.y[0][2] ≈ Math.exp(-2)
 *
 * Reference: Hairer, Nørsett & Wanner, Solving Ordinary Differential Equations I, 2nd ed. (1993).
 */
export function solveOde(
  problem: OdeProblem,
  method: OdeMethod | OdeMethodName,
  times: ArrayLike<number>,
  options: OdeOptions = {},
): OdeSolution {
  return resolveOdeMethod(method).integrate(problem, times, options);
}

/**
 * The {@link OdeMethod} for a method or a built-in method name; throws for an unknown name.
 *
 * @example resolveOdeMethod("rk4").order // 4
 */
export function resolveOdeMethod(method: OdeMethod | OdeMethodName): OdeMethod {
  if (typeof method !== "string") return method;
  if (!Object.hasOwn(odeMethods, method)) {
    throw new Error(odeMessages.unknownMethod(method, Object.keys(odeMethods)));
  }
  return odeMethods[method];
}
