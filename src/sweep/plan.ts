import { SpecError } from "../core/errors.js";
import { messages } from "../core/messages.js";
import { type Axis, axisProduct, sweepAxes } from "./axes.js";
import { type CodeVersion, pointKey, sweepId } from "./key.js";
import { withPath } from "./paths.js";
import type { SweepFile } from "./sweep-file.js";
import { checkFigure, defaultFigure, type SweepFigureSpec } from "./values.js";

/** One point of a sweep: its axis values, the filled and validated spec, and its key. */
export interface SweepPoint {
  index: number;
  params: Record<string, unknown>;
  experiment: string;
  spec: Record<string, unknown>;
  key: string;
}

/** A sweep ready to run: every point filled and validated. */
export interface SweepPlan {
  id: string;
  name: string;
  title?: string;
  axes: Axis[];
  points: SweepPoint[];
  figure: SweepFigureSpec;
  code: CodeVersion;
}

/** Validates one raw spec the way `sgdlab run` does (e.g. `validateSpec` of `src/index.ts`). */
export type SpecValidator = (input: unknown) => {
  experiment: { name: string };
  spec: Record<string, unknown>;
};

/**
 * Fill every point of a sweep (the base spec with each combination of axis values), validate it with its
 * experiment's own schema and `check`, and key it. Nothing runs: a bad path, a value that makes any
 * point invalid, or a bad figure throws one {@link SpecError} naming the axis, the point and the field.
 *
 * @example const plan = planSweep(file, base, validateSpec, { sgdlab: version, commit: null })
 */
export function planSweep(
  file: SweepFile,
  base: unknown,
  validate: SpecValidator,
  code: CodeVersion,
): SweepPlan {
  const axes = sweepAxes(file);
  const combos = axisProduct(axes);
  const points = combos.map((params, index) => {
    try {
      let raw = base;
      for (const [path, value] of Object.entries(params)) raw = withPath(raw, path, value);
      const { experiment, spec } = validate(raw);
      return { index, params, experiment: experiment.name, spec, key: pointKey(spec, code) };
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      throw pointError(e, axes, params, index, combos.length);
    }
  });
  const figure = file.figure ?? defaultFigure(axes);
  checkFigure(figure, axes);
  const keys = points.map((p) => p.key);
  return { id: sweepId(file.name, keys), name: file.name, title: file.title, axes, points, figure, code };
}

/** The point's error with the sweep context: which axis (the one whose path the field is in), which point. */
function pointError(
  e: SpecError,
  axes: Axis[],
  params: Record<string, unknown>,
  index: number,
  total: number,
) {
  const field = e.field.replace(/^axis /, "");
  const axis = axes.find(
    (a) => field === a.path || field.startsWith(`${a.path}.`) || a.path.startsWith(`${field}.`),
  );
  const where = Object.entries(params)
    .map(([p, v]) => `${p} = ${JSON.stringify(v)}`)
    .join(", ");
  return new SpecError(
    e.field,
    e.value,
    messages.sweepPoint(e.allowed, axis?.path ?? null, index, total, where),
  );
}
