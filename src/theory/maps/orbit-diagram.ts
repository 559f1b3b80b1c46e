import { iterateMap } from "./iterate.js";
import type { IterateOptions, Map1D } from "./types.js";

/** Points of an orbit (bifurcation) diagram: `x[i]` is a kept iterate at parameter `p[i]`. */
export interface OrbitDiagram {
  p: Float64Array;
  x: Float64Array;
  /** Index into the initial conditions of each point. */
  start: Uint16Array;
}

/**
 * The orbit (bifurcation) diagram of a 1-D map: for each parameter and each initial condition, the
 * `keep` iterates after a `transient`, deduplicated to distinct values (to `resolution`) so that a
 * p-cycle contributes p points. Escaping orbits contribute nothing.
 *
 * @param map the map family
 * @param params parameter values
 * @param starts initial conditions (several show coexisting attractors, e.g. the two symmetric ones of an odd map)
 * @param options transient, keep, escapeRadius; resolution of the deduplication (default 1e-7)
 * @example orbitDiagram(logistic, [2.8, 3.2], [0.1]).x // [0.642857..., 0.513..., 0.799...]
 */
export function orbitDiagram(
  map: Map1D,
  params: ArrayLike<number>,
  starts: ArrayLike<number>,
  options: IterateOptions & { resolution?: number } = {},
): OrbitDiagram {
  const resolution = options.resolution ?? 1e-7;
  const keep = options.keep ?? 256;
  const buf = new Float64Array(keep);
  const ps: number[] = [];
  const xs: number[] = [];
  const from: number[] = [];
  for (let i = 0; i < params.length; i++) {
    for (let s = 0; s < starts.length; s++) {
      const orbit = iterateMap(map, params[i], starts[s], options, buf);
      if (orbit.escapeStep > 0) continue;
      const sorted = buf.slice(0, orbit.filled).sort();
      for (let k = 0; k < sorted.length; k++) {
        if (k > 0 && sorted[k] - sorted[k - 1] <= resolution * (1 + Math.abs(sorted[k]))) continue;
        ps.push(params[i]);
        xs.push(sorted[k]);
        from.push(s);
      }
    }
  }
  return { p: Float64Array.from(ps), x: Float64Array.from(xs), start: Uint16Array.from(from) };
}

/**
 * `count` evenly spaced values `from, from + step, ...` up to `to` (inclusive within half a step), computed
 * as `from + i * step` so that errors do not accumulate.
 *
 * @example parameterGrid(0.5, 1, 0.25) // [0.5, 0.75, 1]
 */
export function parameterGrid(from: number, to: number, step: number): number[] {
  const count = Math.floor((to - from) / step + 0.5) + 1;
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12)));
}
