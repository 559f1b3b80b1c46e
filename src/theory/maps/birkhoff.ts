import { iterateMap } from "./iterate.js";
import type { IterateOptions, Map1D } from "./types.js";

/** A time average along an orbit with its batch-means standard error. */
export interface BirkhoffAverage {
  mean: number;
  /** Standard error from `batches` batch means (valid for a mixing attractor; 0 on a cycle). */
  stderr: number;
  /** Averaged iterates (fewer than asked when the orbit escaped). */
  count: number;
  escaped: boolean;
}

/**
 * Birkhoff (ergodic) average `(1/N) sum_{t<N} g(x_{T+t})` of an observable along the orbit of `x0`, after a
 * transient T. By Birkhoff's ergodic theorem it converges to the mean of g under the invariant measure
 * of the attractor. The standard error is from batch means (Flegal and Jones, Ann. Stat. 38 (2010)):
 * the kept iterates are cut into `batches` consecutive batches, `stderr = sd(batch means) / sqrt(batches)`.
 *
 * @param g observable
 * @param options transient, keep (N, default 10^5), escapeRadius; batches (default 20)
 * @example birkhoffAverage(logistic, 4, 0.3, (x) => x).mean // ≈ 0.5
 */
export function birkhoffAverage(
  map: Map1D,
  p: number,
  x0: number,
  g: (x: number) => number,
  options: IterateOptions & { batches?: number } = {},
): BirkhoffAverage {
  const orbit = iterateMap(map, p, x0, { keep: 100_000, ...options });
  const n = orbit.filled;
  const batches = Math.min(options.batches ?? 20, n);
  const size = Math.floor(n / Math.max(batches, 1));
  let total = 0;
  let sumSq = 0;
  for (let b = 0; b < batches; b++) {
    let s = 0;
    for (let t = b * size; t < (b + 1) * size; t++) s += g(orbit.points[t]);
    const m = s / size;
    total += m;
    sumSq += m * m;
  }
  const mean = batches > 0 ? total / batches : Number.NaN;
  const variance = batches > 1 ? Math.max(0, (sumSq - batches * mean * mean) / (batches - 1)) : 0;
  return {
    mean,
    stderr: Math.sqrt(variance / Math.max(batches, 1)),
    count: batches * size,
    escaped: orbit.escapeStep > 0,
  };
}

/**
 * Invariant-density histogram of an observable along an orbit: the fraction of kept iterates in each of
 * `bins` equal bins of `[lo, hi]`, divided by the bin width (a density, integrating to the fraction of
 * iterates inside `[lo, hi]`).
 *
 * @example invariantDensity(logistic, 4, 0.3, (x) => x, 0, 1, 10).density // U-shaped, arcsine law
 */
export function invariantDensity(
  map: Map1D,
  p: number,
  x0: number,
  g: (x: number) => number,
  lo: number,
  hi: number,
  bins: number,
  options: IterateOptions = {},
): { edges: number[]; density: number[]; count: number } {
  const orbit = iterateMap(map, p, x0, { keep: 100_000, ...options });
  const counts = new Float64Array(bins);
  const width = (hi - lo) / bins;
  for (let t = 0; t < orbit.filled; t++) {
    const k = Math.floor((g(orbit.points[t]) - lo) / width);
    if (k >= 0 && k < bins) counts[k]++;
    else if (k === bins && g(orbit.points[t]) === hi) counts[bins - 1]++;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  const n = Math.max(orbit.filled, 1);
  return { edges, density: Array.from(counts, (c) => c / n / width), count: orbit.filled };
}
