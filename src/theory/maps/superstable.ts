import { composeMap } from "./cycle.js";
import type { Map1D } from "./types.js";

/** The critical point of a unimodal map as a function of the parameter (`f_p'(c(p)) = 0`). */
export type CriticalPoint = (p: number) => number;

/**
 * The parameter near `guess` at which the critical point lies on a cycle of length `period`, i.e. the
 * cycle is superstable (multiplier 0): a root of `G(p) = f_p^period(c(p)) - c(p)`, found by the secant
 * method from `guess` and `guess + step`.
 *
 * Superstable parameters are the classic way to locate a period-doubling cascade: `R_k` (period 2^k)
 * converge geometrically to the accumulation point with ratio Feigenbaum's delta (M. J. Feigenbaum,
 * J. Stat. Phys. 19 (1978) 25).
 *
 * @example superstableParameter(logistic, () => 0.5, 2, 3.2).p // 3.2360679... = 1 + sqrt5
 */
export function superstableParameter(
  map: Map1D,
  critical: CriticalPoint,
  period: number,
  guess: number,
  step = 1e-6,
  tol = 1e-15,
): { p: number; converged: boolean } {
  const G = (p: number) => composeMap(map, p, critical(p), period).value - critical(p);
  let p0 = guess;
  let p1 = guess + step;
  let g0 = G(p0);
  let g1 = G(p1);
  for (let i = 0; i < 100; i++) {
    if (g1 === g0) break;
    const p2 = p1 - (g1 * (p1 - p0)) / (g1 - g0);
    if (!Number.isFinite(p2)) break;
    [p0, g0] = [p1, g1];
    p1 = p2;
    g1 = G(p1);
    if (Math.abs(p1 - p0) <= tol * (1 + Math.abs(p1))) return { p: p1, converged: true };
  }
  return { p: p1, converged: Math.abs(g1) < 1e-12 };
}

/** A period-doubling cascade located by its superstable parameters, and its Feigenbaum extrapolation. */
export interface Feigenbaum {
  /** `R_k`: superstable parameter of period `2^k`, k = 0, 1, ... */
  superstable: number[];
  /** `delta_k = (R_{k-1} - R_{k-2}) / (R_k - R_{k-1})` for k >= 2 (tends to 4.6692016...). */
  ratios: number[];
  /** Accumulation point `R_inf ≈ R_K + (R_K - R_{K-1}) / (delta_K - 1)` from the last level. */
  accumulation: number;
  /** `|accumulation|` change between the last two levels: an error estimate. */
  error: number;
  converged: boolean;
}

/**
 * Follow a period-doubling cascade through its superstable parameters and extrapolate its accumulation
 * point (the onset of chaos). Level k is searched for from the geometric prediction
 * `R_{k-1} + (R_{k-1} - R_{k-2}) / delta`, with delta the last measured ratio (4.669 at first).
 *
 * @param map a unimodal map family (on the interval of the cascade)
 * @param critical its critical point c(p)
 * @param guesses guesses of `R_0` (period 1) and `R_1` (period 2)
 * @param levels number of levels (periods up to 2^(levels-1); default 12)
 * @example feigenbaum(logistic, () => 0.5, [2, 3.2]).accumulation // 3.5699456718...
 */
export function feigenbaum(
  map: Map1D,
  critical: CriticalPoint,
  guesses: [number, number],
  levels = 12,
): Feigenbaum {
  const R: number[] = [];
  let converged = true;
  for (let k = 0; k < levels; k++) {
    const n = R.length;
    const delta = n >= 3 ? (R[n - 2] - R[n - 3]) / (R[n - 1] - R[n - 2]) : 4.669;
    const guess = k < 2 ? guesses[k] : R[n - 1] + (R[n - 1] - R[n - 2]) / delta;
    const step = k < 2 ? 1e-6 : (R[n - 1] - R[n - 2]) * 1e-3;
    const found = superstableParameter(map, critical, 2 ** k, guess, step);
    if (!found.converged) {
      converged = false;
      break;
    }
    R.push(found.p);
  }
  const ratios = R.slice(2).map((r, i) => (R[i + 1] - R[i]) / (r - R[i + 1]));
  const extrapolate = (K: number) => R[K] + (R[K] - R[K - 1]) / (ratios[K - 2] - 1);
  const K = R.length - 1;
  const accumulation = K >= 2 ? extrapolate(K) : Number.NaN;
  const error = K >= 3 ? Math.abs(accumulation - extrapolate(K - 1)) : Number.POSITIVE_INFINITY;
  return { superstable: R, ratios, accumulation, error, converged: converged && K >= 3 };
}
