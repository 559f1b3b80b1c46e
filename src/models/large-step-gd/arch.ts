import type { Map1D } from "../../theory/maps/types.js";
import { cubicMap, squareMap } from "../cubic-map/map.js";
import type { LargeStepGdSpec } from "./spec.js";

/**
 * The shared architecture of both GD models: `f(x; U) = c sum_{j<width} (u_j·x)^2 = c |Uᵀx|^2` with U a
 * d × width matrix, loss `L = (lossFactor / n) sum_i (f(x_i) - y_i)^2`. Phase retrieval is width 1, c = 1,
 * lossFactor 1/4; the quadratic network has lossFactor 1/2. One code path serves both.
 *
 * `∇_U L = g sum_i e_i x_i P_iᵀ` with `P = X U`, `e_i = f_i - y_i` and **`g = 4 c lossFactor / n`**, so the
 * per-sample normalised step is `r_i = g lr y_i` (phase retrieval `lr y_i / n`, network `2 c lr y_i / n`).
 */
export interface QuadraticArch {
  width: number;
  c: number;
  lossFactor: number;
  /** Per-sample map: `"cubic"` on `z = P_i / sqrt(y_i)` (width 1 only) or `"square"` on `s = f_i / y_i`. */
  map: "cubic" | "square";
}

/** The architecture of a spec. */
export function archOf(spec: LargeStepGdSpec): QuadraticArch {
  return spec.model.name === "phase-retrieval"
    ? { width: 1, c: 1, lossFactor: 0.25, map: "cubic" }
    : { width: spec.model.width, c: spec.model.outer, lossFactor: 0.5, map: "square" };
}

/** `g = 4 c lossFactor / n`: the gradient scale, and `r_i = g lr y_i`. */
export function gradientScale(arch: QuadraticArch, n: number): number {
  return (4 * arch.c * arch.lossFactor) / n;
}

/** The 1-D map a sample follows, and its cubic-map variable z of a map value (s = z^2 for the square map). */
export function sampleMap(arch: QuadraticArch): { map: Map1D; toCubic: (v: number) => number } {
  return arch.map === "cubic"
    ? { map: cubicMap, toCubic: (z) => z }
    : { map: squareMap, toCubic: (s) => Math.sqrt(Math.max(s, 0)) };
}
