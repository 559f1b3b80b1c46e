import { type IterateOptions, iterateDefaults, type Map1D } from "./types.js";

/** An orbit after its transient, or the step at which it escaped. */
export interface Orbit {
  /** The kept iterates `x_{T}, ..., x_{T+keep-1}` (the first `filled` entries are valid). */
  points: Float64Array;
  /** Number of kept iterates written (all of them unless the orbit escaped). */
  filled: number;
  /** 1-based iteration at which `|x|` first exceeded the escape radius; 0 when it never did. */
  escapeStep: number;
}

/**
 * Iterate a 1-D map from `x0`: discard `transient` iterates, keep the next `keep`, stop at escape.
 *
 * `x_{t+1} = f_p(x_t)`; the orbit escapes at step t when `!(|x_t| <= escapeRadius)` (so NaN escapes too).
 *
 * @param map the map family
 * @param p the parameter
 * @param x0 the initial condition
 * @param options transient, keep, escapeRadius (defaults 2000, 256, 1e6)
 * @param out optional buffer of length >= keep for the kept points (allocated when absent)
 * @example iterateMap(logistic, 2.5, 0.1, { transient: 500, keep: 4 }).points // [0.6, 0.6, 0.6, 0.6]
 */
export function iterateMap(
  map: Map1D,
  p: number,
  x0: number,
  options: IterateOptions = {},
  out?: Float64Array,
): Orbit {
  const transient = options.transient ?? iterateDefaults.transient;
  const keep = options.keep ?? iterateDefaults.keep;
  const radius = options.escapeRadius ?? iterateDefaults.escapeRadius;
  const points = out ?? new Float64Array(keep);
  let x = x0;
  for (let t = 1; t <= transient; t++) {
    x = map.step(x, p);
    if (!(Math.abs(x) <= radius)) return { points, filled: 0, escapeStep: t };
  }
  for (let k = 0; k < keep; k++) {
    x = map.step(x, p);
    if (!(Math.abs(x) <= radius)) return { points, filled: k, escapeStep: transient + k + 1 };
    points[k] = x;
  }
  return { points, filled: keep, escapeStep: 0 };
}

/**
 * Iterate `steps` times from `x0` and return the last iterate (non-finite or beyond `escapeRadius` means
 * escape; the caller checks). Allocation-free helper of the classifiers and boundary finders.
 *
 * @example advance(logistic, 4, 0.3, 1) // 0.84
 */
export function advance(map: Map1D, p: number, x0: number, steps: number, escapeRadius = Infinity): number {
  let x = x0;
  for (let t = 0; t < steps; t++) {
    x = map.step(x, p);
    if (!(Math.abs(x) <= escapeRadius)) return x;
  }
  return x;
}
