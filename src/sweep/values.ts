import { SpecError } from "../core/errors.js";
import { messages } from "../core/messages.js";
import { verdictWord } from "../experiment/power.js";
import type { Axis } from "./axes.js";
import type { PointSummary } from "./summary.js";

/** The figure of a sweep: `x` (and, for two axes, `y`) are axis paths; `value` names what is drawn. */
export interface SweepFigureSpec {
  x: string;
  y?: string;
  color?: string;
  /** A logarithmic colour scale (cells whose value is not > 0 are left blank). */
  logColor?: boolean;
  /** The ± error bar of a line when the value has no standard error of its own (e.g. a scalar's). */
  error?: string;
}

/** A point summary value: a number (with a standard error when it has one), a category, or missing. */
export type PointValue =
  | { kind: "number"; value: number; stderr: number | null }
  | { kind: "category"; value: string }
  | { kind: "missing" };

/**
 * The value a name denotes in a point summary:
 * - `status` (ok / diverged / failed ...), a category;
 * - `scalars.<name>` (e.g. `scalars.lambdaC`);
 * - `agreement.<statistic>.<source>`: the verdict, "agrees", "underpowered" or "disagrees";
 * - `tables.<table>.<column>`: the point's value in a one-row table (a number or a category);
 * - `<source>.<statistic>.final` (mean, with its stderr) or `<source>.<statistic>.max`.
 *
 * @example pointValue(summary, "simulation.m.final") // { kind: "number", value: 0.8, stderr: 0.01 }
 */
export function pointValue(summary: PointSummary, name: string): PointValue {
  const missing: PointValue = { kind: "missing" };
  if (name === "status") return { kind: "category", value: summary.status };
  const num = (x: number | null | undefined, stderr: number | null = null): PointValue =>
    x === null || x === undefined ? missing : { kind: "number", value: x, stderr };
  if (name.startsWith("scalars.")) return num(summary.scalars[name.slice("scalars.".length)]);
  const parts = name.split(".");
  if (parts[0] === "agreement" && parts.length === 3) {
    const verdict = summary.agreement[parts[1]]?.[parts[2]];
    return verdict ? { kind: "category", value: verdictWord(verdict) } : missing;
  }
  if (parts[0] === "tables" && parts.length === 3) {
    const cell = summary.tables?.[parts[1]]?.[parts[2]];
    if (typeof cell === "string") return { kind: "category", value: cell };
    return num(cell);
  }
  const [source, stat, which] = [parts[0], parts.slice(1, -1).join("."), parts.at(-1)];
  if (which === "final") {
    const f = summary.final[source]?.[stat];
    return num(f?.mean, f?.stderr ?? null);
  }
  return num(summary.max[source]?.[stat]);
}

/**
 * Whether a name has the syntax of a point value (see {@link pointValue}); the sources and statistics
 * themselves are only known once points have run.
 *
 * @example isValueName("simulation.m.final") // true
 */
export function isValueName(name: string): boolean {
  if (name === "status" || /^scalars\../.test(name)) return true;
  if (/^(agreement|tables)\.[^.]+\.[^.]+$/.test(name)) return true;
  return /^[^.]+\..+\.(final|max)$/.test(name);
}

/** The figure a sweep gets without a `figure:` entry: the first two axes, coloured by status. */
export function defaultFigure(axes: readonly Axis[]): SweepFigureSpec {
  return axes.length >= 2
    ? { x: axes[0].path, y: axes[1].path, color: "status" }
    : { x: axes[0].path, y: "status" };
}

/**
 * Check a figure against the axes: `x` an axis; with `color`, `y` is an axis too; the drawn value (`color`,
 * or `y` without `color`) has the syntax of a point value. Throws {@link SpecError} naming the field.
 */
export function checkFigure(figure: SweepFigureSpec, axes: readonly Axis[]): void {
  const paths = axes.map((a) => a.path);
  if (!paths.includes(figure.x)) throw new SpecError("figure.x", figure.x, messages.sweepFigureAxis(paths));
  if (figure.color !== undefined && (figure.y === undefined || !paths.includes(figure.y)))
    throw new SpecError("figure.y", figure.y, messages.sweepFigureAxis(paths));
  const [field, value] = figure.color === undefined ? ["figure.y", figure.y] : ["figure.color", figure.color];
  if (value === undefined || !isValueName(value))
    throw new SpecError(field, value, messages.sweepFigureValue);
  if (figure.error !== undefined && !isValueName(figure.error))
    throw new SpecError("figure.error", figure.error, messages.sweepFigureValue);
}
