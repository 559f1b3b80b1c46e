import { SpecError } from "../core/errors.js";
import { messages } from "../core/messages.js";
import { type AxisSpec, maxSweepPoints, type SweepFile } from "./sweep-file.js";

/** One axis of a sweep: a dotted path into the spec and its values; zip axes vary together. */
export interface Axis {
  path: string;
  values: unknown[];
  zip: boolean;
}

/**
 * The values of an axis. A range `{ from, to, num }` is `from + i (to - from)/(num - 1)`, or with
 * `log: true` `from (to/from)^{i/(num-1)}` (from, to > 0); values are rounded to 12 significant digits so
 * that 0.1 + 0.2 is the 0.3 another sweep lists (and the two share the point).
 *
 * @example axisValues({ from: 0, to: 1, num: 3, log: false }) // [0, 0.5, 1]
 */
export function axisValues(spec: AxisSpec, path: string): unknown[] {
  if (Array.isArray(spec)) return spec;
  const { from, to, num, log } = spec;
  if (log && (from <= 0 || to <= 0)) throw new SpecError(`grid.${path}`, spec, messages.sweepLogRange);
  if (num === 1) return [from];
  return Array.from({ length: num }, (_, i) => {
    const s = i / (num - 1);
    const x = log ? from * (to / from) ** s : from + s * (to - from);
    return i === num - 1 ? to : Number(x.toPrecision(12));
  });
}

/**
 * The axes of a sweep file, grid axes first (in file order), then the zip axes (of one common length).
 *
 * @example sweepAxes(file).map((a) => a.path) // ["model.snr", "optimizer.cDelta"]
 */
export function sweepAxes(file: SweepFile): Axis[] {
  const grid = Object.entries(file.grid).map(([path, s]) => ({
    path,
    values: axisValues(s, path),
    zip: false,
  }));
  const zip = Object.entries(file.zip).map(([path, s]) => ({ path, values: axisValues(s, path), zip: true }));
  const lengths = new Set(zip.map((a) => a.values.length));
  if (lengths.size > 1)
    throw new SpecError(
      "zip",
      Object.fromEntries(zip.map((a) => [a.path, a.values.length])),
      messages.sweepZip,
    );
  for (const axis of zip) {
    if (file.grid[axis.path] !== undefined)
      throw new SpecError(`zip.${axis.path}`, axis.path, messages.sweepTwice);
  }
  const axes = [...grid, ...zip];
  const count = pointCount(axes);
  if (count > maxSweepPoints) throw new SpecError("grid", count, messages.sweepTooLarge(maxSweepPoints));
  return axes;
}

/** Number of points: the product of the grid axes' lengths times the (common) zip length. */
export function pointCount(axes: readonly Axis[]): number {
  const zipLength = axes.find((a) => a.zip)?.values.length ?? 1;
  return axes.filter((a) => !a.zip).reduce((n, a) => n * a.values.length, zipLength);
}

/**
 * Every combination of axis values, as `params` (path -> value) in row-major order: the first grid axis
 * varies slowest, the zip axes together fastest.
 *
 * @example axisProduct([{ path: "a", values: [1, 2], zip: false }, { path: "b", values: [3], zip: false }])
 * // [{ a: 1, b: 3 }, { a: 2, b: 3 }]
 */
export function axisProduct(axes: readonly Axis[]): Record<string, unknown>[] {
  const grid = axes.filter((a) => !a.zip);
  const zip = axes.filter((a) => a.zip);
  const dims = [...grid.map((a) => a.values.length), ...(zip.length > 0 ? [zip[0].values.length] : [])];
  const total = dims.reduce((n, d) => n * d, 1);
  const out: Record<string, unknown>[] = [];
  for (let index = 0; index < total; index++) {
    const params: Record<string, unknown> = {};
    let rest = index;
    const digits = dims.map(() => 0);
    for (let d = dims.length - 1; d >= 0; d--) {
      digits[d] = rest % dims[d];
      rest = Math.floor(rest / dims[d]);
    }
    grid.forEach((a, d) => {
      params[a.path] = a.values[digits[d]];
    });
    for (const a of zip) params[a.path] = a.values[digits[grid.length]];
    out.push(params);
  }
  return out;
}
