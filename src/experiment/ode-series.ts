import { messages } from "../core/messages.js";
import { checkFinite, type NonFinite } from "../core/non-finite.js";
import type { Outcome } from "../core/status.js";
import { type OdeMethodName, solveOde } from "../theory/ode/solve.js";
import type { OdeOptions, OdeProblem } from "../theory/ode/types.js";
import type { Series } from "./record.js";

/**
 * Solve an ODE limit at the given times and turn its state into named statistics: a theory series.
 *
 * The series stops at the last finite point; a solver failure becomes an outcome with a message, never
 * an exception or a NaN in the record.
 *
 * @param source the series name (`"ode"`, `"gradient-flow"`, ...)
 * @param problem the ODE
 * @param t output times (increasing, starting at the initial time)
 * @param statistics state `y` and time -> statistic values
 * @param solver method and options (default Dormand–Prince 5(4), rtol 1e-10, atol 1e-12); a fixed-step method
 *   such as `{ method: "rk4", options: { h: 0.05 } }` suits piecewise-smooth right-hand sides
 * @example odeSeries("ode", spikedOde(p, true, [0.3, 1]), t, (y) => ({ m: y[0], rPerp2: y[1] }))
 */
export function odeSeries(
  source: string,
  problem: OdeProblem,
  t: readonly number[],
  statistics: (y: Float64Array, t: number) => Record<string, number>,
  solver: { method: OdeMethodName; options: OdeOptions } = {
    method: "dopri5",
    options: { rtol: 1e-10, atol: 1e-12 },
  },
): { series: Series; outcome: Outcome } {
  const sol = solveOde(problem, solver.method, t, solver.options);
  const series: Series = { source, t: [], values: {} };
  const y = new Float64Array(problem.dim);
  let bad: NonFinite | undefined;
  for (let j = 0; j < t.length; j++) {
    for (let i = 0; i < problem.dim; i++) y[i] = sol.y[i][j];
    const values = statistics(y, t[j]);
    bad = checkFinite(Object.keys(values), Object.values(values), { t: t[j] });
    if (bad) break;
    series.t.push(t[j]);
    for (const [name, v] of Object.entries(values)) {
      series.values[name] ??= [];
      series.values[name].push(v);
    }
  }
  if (sol.status === "ok" && bad === undefined) return { series, outcome: { status: "ok", messages: [] } };
  // The solver's own failure first; else a statistic of a finite state left the finite range.
  const failure = sol.status !== "ok" ? { status: sol.status, detail: sol.message ?? sol.status } : undefined;
  const status = failure?.status ?? bad?.status ?? "failed";
  const detail = failure?.detail ?? bad?.messages[0] ?? "";
  return { series, outcome: { status, messages: [messages.theoryFailed(source, detail)] } };
}

/** The first `n` points of a series (all of its columns). */
export function truncateSeries(series: Series, n: number): Series {
  const cut = (r: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.slice(0, n)]));
  return {
    ...series,
    t: series.t.slice(0, n),
    values: cut(series.values),
    ...(series.stderr && { stderr: cut(series.stderr) }),
  };
}
