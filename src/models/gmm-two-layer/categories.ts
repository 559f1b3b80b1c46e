import { type GmmParams, stateLayout } from "./geometry.js";
import { cAlpha } from "./limits.js";

/** Category of a hidden unit at the end of training (science/01 §3). */
export type NeuronCategory = "+mu" | "-mu" | "+nu" | "-nu" | "dead";

/** A unit whose `v² + m² + n²` is below this fraction of `C_alpha` counts as dead. */
export const deadFraction = 0.01;

/**
 * The category of unit i of statistics `u`: binary, `+mu`/`-mu` by the sign of `m_i`; XOR, a `mu` detector
 * when `v_i > 0` (label 1) with the sign of `mMu_i`, a `nu` detector when `v_i < 0` with the sign of
 * `mNu_i`; `dead` when `v_i² + m_i² + n_i² < deadFraction × C_alpha` (a lone unit of a category ends at
 * `2 C_alpha`, K units sharing one at `2 C_alpha / K` or more).
 *
 * @example neuronCategory(params, u, 0) // "+mu"
 */
export function neuronCategory(params: GmmParams, u: ArrayLike<number>, i: number): NeuronCategory {
  const lay = stateLayout(params.task, params.K);
  const v = u[lay.v + i];
  const m = u[lay.mMu + i];
  const n = lay.mNu >= 0 ? u[lay.mNu + i] : 0;
  if (v * v + m * m + n * n < deadFraction * cAlpha(params.task, params.ridge)) return "dead";
  if (params.task === "binary" || v > 0) return m >= 0 ? "+mu" : "-mu";
  return n >= 0 ? "+nu" : "-nu";
}

/** Whether every category of the task (2 binary, 4 XOR) is occupied: the network is an optimal classifier. */
export function isSuccess(params: GmmParams, u: ArrayLike<number>): boolean {
  const needed = params.task === "binary" ? ["+mu", "-mu"] : ["+mu", "-mu", "+nu", "-nu"];
  const seen = new Set<string>();
  for (let i = 0; i < params.K; i++) seen.add(neuronCategory(params, u, i));
  return needed.every((c) => seen.has(c));
}
