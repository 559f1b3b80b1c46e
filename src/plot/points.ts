import type { Series } from "../experiment/record.js";

/** One plotted point of a series: time, value and, for a simulation, the mean ± one standard error. */
export interface Point {
  t: number;
  y: number;
  lo: number;
  hi: number;
}

/** Which axes are logarithmic: their non-positive values cannot be drawn and are dropped. */
export interface AxisTypes {
  logX: boolean;
  logY: boolean;
}

/** True for a finite number; false for NaN, ±Infinity and the `null` that NaN becomes in a JSON record. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * The drawable points of one statistic of one series. A non-finite value (or a non-positive one on a log
 * axis) becomes a point with `y = NaN`, which Plot leaves out of the scale domains and draws as a gap in
 * the line (it never writes `NaN` into a path); a non-finite time (or t <= 0 on a log axis) is dropped.
 * Where the standard error is missing or not finite, `lo` and `hi` are NaN: a gap in the band.
 *
 * @example seriesPoints({ source: "ode", t: [0, 1], values: { m: [0.1, NaN] } }, "m", { logX: false, logY: false })
 * // [{ t: 0, y: 0.1, lo: NaN, hi: NaN }, { t: 1, y: NaN, lo: NaN, hi: NaN }]
 */
export function seriesPoints(series: Series, statistic: string, axes: AxisTypes): Point[] {
  const values = series.values[statistic] ?? [];
  const stderr = series.stderr?.[statistic];
  const points: Point[] = [];
  const n = Math.min(series.t.length, values.length);
  for (let i = 0; i < n; i++) {
    const t = series.t[i];
    const y = values[i];
    if (!isFiniteNumber(t) || (axes.logX && t <= 0)) continue;
    if (!isFiniteNumber(y) || (axes.logY && y <= 0)) {
      points.push({ t, y: Number.NaN, lo: Number.NaN, hi: Number.NaN });
      continue;
    }
    const se = stderr?.[i];
    const band = isFiniteNumber(se);
    points.push({ t, y, lo: band ? y - se : Number.NaN, hi: band ? y + se : Number.NaN });
  }
  return points;
}

/**
 * Clip the lower edge of stderr bands to `floor` on a log axis (a band reaching zero or below is drawn to
 * the bottom of the axis instead of vanishing). Returns new points; the input is not modified.
 *
 * @example clipBand([{ t: 1, y: 0.1, lo: -0.05, hi: 0.25 }], 0.01) // [{ t: 1, y: 0.1, lo: 0.01, hi: 0.25 }]
 */
export function clipBand(points: readonly Point[], floor: number): Point[] {
  return points.map((p) => (p.lo > floor || Number.isNaN(p.lo) ? p : { ...p, lo: floor }));
}
