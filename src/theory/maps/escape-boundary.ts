import { advance } from "./iterate.js";
import { bisectPredicate, type Root } from "./root.js";
import type { Map1D } from "./types.js";

/**
 * The parameter above which the orbit of `x0` escapes to infinity, by bisection in p on the outcome
 * "`|x_t|` exceeds `escapeRadius` within `maxSteps` iterations" (false at `lo`, true at `hi`).
 *
 * Where escape past the threshold is slow (a small hole opening in an invariant interval, mean escape
 * time ~ (p - p*)^{-1/2} for a quadratic maximum), the located threshold errs high by about
 * `maxSteps^{-2}`; with the default 10^6 steps that is far below 1e-6.
 *
 * @example escapeBoundary(cubic, 0.001, 1.9, 2.1).x // 2 (z -> z(1 + r(1 - z^2)))
 */
export function escapeBoundary(
  map: Map1D,
  x0: number,
  lo: number,
  hi: number,
  options: { escapeRadius?: number; maxSteps?: number; tol?: number } = {},
): Root {
  const radius = options.escapeRadius ?? 1e6;
  const maxSteps = options.maxSteps ?? 1_000_000;
  const escapes = (p: number) => !(Math.abs(advance(map, p, x0, maxSteps, radius)) <= radius);
  return bisectPredicate(escapes, lo, hi, options.tol ?? 1e-10);
}
