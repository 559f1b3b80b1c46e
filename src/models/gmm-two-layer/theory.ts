import { messages } from "../../core/messages.js";
import type { Outcome } from "../../core/status.js";
import { odeSeries } from "../../experiment/ode-series.js";
import type { Series } from "../../experiment/record.js";
import { type GmmParams, stateNames } from "./geometry.js";
import { gmmOde, odeStep, quadratureNodes } from "./limits.js";

/**
 * The finite-snr ODE with corrector (`"ode"`, Gauss–Hermite functionals with `nodes + extraNodes` nodes
 * per dimension) or the snr = Infinity ODE (`"ode-infinite-snr"`) from the statistics `u0`, as a series of
 * the state statistics on the record times, by fixed-step RK4 (both right-hand sides are piecewise
 * smooth: the quadrature nodes cross the ReLU kinks). `undefined` with a message when the finite-snr
 * quadrature is too large (XOR at large K).
 *
 * @example gmmTheorySeries(params, 1, "ode", u0, t)
 */
export function gmmTheorySeries(
  params: GmmParams,
  cDelta: number,
  source: "ode" | "ode-infinite-snr",
  u0: ArrayLike<number>,
  t: readonly number[],
  extraNodes = 0,
): { series?: Series; outcome: Outcome } {
  const names = stateNames(params.task, params.K);
  const toStats = (y: Float64Array) => Object.fromEntries(names.map((n, s) => [n, y[s]]));
  const solver = { method: "rk4" as const, options: { h: odeStep } };
  if (source === "ode-infinite-snr")
    return odeSeries(
      source,
      gmmOde({ ...params, snr: Number.POSITIVE_INFINITY }, 0, u0, 1),
      t,
      toStats,
      solver,
    );
  const nodes = quadratureNodes(params.task, params.K);
  if (nodes === undefined)
    return { outcome: { status: "ok", messages: [messages.gmmOdeSkipped(params.K, params.task)] } };
  return odeSeries(source, gmmOde(params, cDelta, u0, nodes + extraNodes), t, toStats, solver);
}
