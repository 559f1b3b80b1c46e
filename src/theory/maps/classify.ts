import { iterateMap } from "./iterate.js";
import { finiteTimeLyapunov, lyapunov1d } from "./lyapunov.js";
import { type IterateOptions, iterateDefaults, type Map1D } from "./types.js";

/** Kind of attractor reached from an initial condition. */
export type AttractorKind = "fixed-point" | "periodic" | "chaotic" | "unresolved" | "escape";

/** What {@link classifyAttractor} found. */
export interface Attractor {
  kind: AttractorKind;
  /** Smallest period (1 for a fixed point); 0 when not periodic. */
  period: number;
  /**
   * Largest Lyapunov exponent over the kept points; for an escaping orbit, the finite-time exponent of the
   * steps before escape (positive, finite).
   */
  lyapunov: number;
  /** Iterations before the kept points (the transient, extended while a cycle was still converging). */
  transient: number;
  /** 1-based escape step; 0 when the orbit stays bounded. */
  escapeStep: number;
  /** The kept points (a copy; length `keep`, or fewer for an escaping orbit). */
  points: Float64Array;
}

/** Options of {@link classifyAttractor}. */
export interface ClassifyOptions extends IterateOptions {
  /** Largest period looked for (default 64; `keep` must be at least twice it). */
  maxPeriod?: number;
  /** `|x_{t+p} - x_t| <= tolerance (1 + |x_t|)` over the kept points means period p (default 1e-9). */
  tolerance?: number;
  /** While the orbit has a negative exponent but no period yet, extend the transient up to this (default 64×). */
  maxTransientFactor?: number;
}

/**
 * Classify the attractor of a 1-D map reached from `x0`: escape, fixed point, period p <= maxPeriod,
 * chaotic (positive Lyapunov exponent), or unresolved (non-positive exponent but no period <= maxPeriod:
 * a longer cycle, or one converging too slowly, e.g. at a bifurcation point).
 *
 * Near a bifurcation a stable cycle converges like `|mu|^{t/p}` with multiplier `mu` close to ±1, so while
 * the exponent is negative and no period is found, the transient is doubled (up to `maxTransientFactor`
 * times the given one) before concluding "unresolved".
 *
 * @example classifyAttractor(logistic, 3.2, 0.1).period // 2
 */
export function classifyAttractor(
  map: Map1D,
  p: number,
  x0: number,
  options: ClassifyOptions = {},
): Attractor {
  const keep = options.keep ?? iterateDefaults.keep;
  const maxPeriod = Math.min(options.maxPeriod ?? 64, Math.floor(keep / 2));
  const tolerance = options.tolerance ?? 1e-9;
  const radius = options.escapeRadius ?? iterateDefaults.escapeRadius;
  const base = options.transient ?? iterateDefaults.transient;
  const limit = base * (options.maxTransientFactor ?? 64);
  let x = x0;
  let done = 0;
  let chunk = base;
  for (;;) {
    const orbit = iterateMap(map, p, x, { transient: chunk, keep, escapeRadius: radius });
    done += chunk;
    if (orbit.escapeStep > 0) {
      const escapeStep = orbit.escapeStep + done - chunk;
      const lyapunov = finiteTimeLyapunov(map, p, x0, escapeStep, radius);
      return {
        kind: "escape",
        period: 0,
        lyapunov,
        transient: done,
        escapeStep,
        points: orbit.points.slice(0, orbit.filled),
      };
    }
    const period = smallestPeriod(orbit.points, maxPeriod, tolerance);
    const lyapunov = lyapunov1d(map, p, orbit.points);
    const result = { transient: done, escapeStep: 0, points: orbit.points, lyapunov };
    if (period === 1) return { ...result, kind: "fixed-point", period };
    if (period > 1) return { ...result, kind: "periodic", period };
    if (lyapunov > 0) return { ...result, kind: "chaotic", period: 0 };
    if (done + keep >= limit) return { ...result, kind: "unresolved", period: 0 };
    x = orbit.points[keep - 1];
    done += keep;
    chunk = Math.min(done, limit - done);
  }
}

/**
 * Smallest p in 1..maxPeriod with `|x_{t+p} - x_t| <= tolerance (1 + |x_t|)` for every kept t; 0 if none.
 *
 * @example smallestPeriod(Float64Array.of(1, 2, 1, 2, 1, 2), 3, 1e-12) // 2
 */
export function smallestPeriod(points: Float64Array, maxPeriod: number, tolerance: number): number {
  const n = points.length;
  for (let p = 1; p <= maxPeriod && 2 * p <= n; p++) {
    let ok = true;
    for (let t = 0; t + p < n; t++) {
      if (Math.abs(points[t + p] - points[t]) > tolerance * (1 + Math.abs(points[t]))) {
        ok = false;
        break;
      }
    }
    if (ok) return p;
  }
  return 0;
}
