import type { Map1D } from "./types.js";

/** Smallest |f'| used in ln|f'|: a superstable point (f' = 0) counts as ln(1e-300) ≈ -691, not -inf. */
const tiny = 1e-300;

/**
 * Largest Lyapunov exponent of a 1-D map along an orbit: the mean of `ln|f_p'(x_t)|` over the given points.
 *
 * `lambda = lim (1/N) sum_{t<N} ln|f_p'(x_t)|` (Lyapunov 1892; Ott, *Chaos in Dynamical Systems*, §2.3).
 * Positive on a chaotic attractor, `ln|multiplier| / p` on a stable p-cycle, `ln 2` for the logistic map
 * at r = 4. Pass the points kept after a transient ({@link iterateMap}).
 *
 * @param map the map family (its analytic derivative is used)
 * @param p the parameter
 * @param points orbit points
 * @param count how many of `points` to use (default all)
 * @example lyapunov1d(logistic, 4, iterateMap(logistic, 4, 0.3, { keep: 1e5 }).points) // ≈ 0.693
 */
export function lyapunov1d(map: Map1D, p: number, points: Float64Array, count = points.length): number {
  let sum = 0;
  for (let t = 0; t < count; t++) sum += Math.log(Math.max(Math.abs(map.derivative(points[t], p)), tiny));
  return count > 0 ? sum / count : 0;
}

/**
 * Finite-time Lyapunov exponent of the first `steps` iterates from `x0`, stopping early at escape (then
 * the mean is over the steps taken). Finite for every finite orbit, also for escaping ones.
 *
 * @example finiteTimeLyapunov(logistic, 4, 0.3, 1000, 1e6) // ≈ 0.69
 */
export function finiteTimeLyapunov(map: Map1D, p: number, x0: number, steps: number, radius: number): number {
  let x = x0;
  let sum = 0;
  let t = 0;
  for (; t < steps && Math.abs(x) <= radius; t++) {
    sum += Math.log(Math.max(Math.abs(map.derivative(x, p)), tiny));
    x = map.step(x, p);
  }
  return t > 0 ? sum / t : 0;
}
