import { z } from "zod";
import { SpecError } from "../core/errors.js";
import { messages } from "../core/messages.js";
import { parseWith } from "../experiment/parse.js";

/** Most points one sweep may have (the product of its axes). */
export const maxSweepPoints = 100_000;

/** Values of one axis: an explicit list, or `num` points from `from` to `to` (geometric with `log`). */
const axisSpec = z.union(
  [
    z.array(z.unknown()).min(1).max(maxSweepPoints),
    z.strictObject({
      from: z.number(),
      to: z.number(),
      num: z.number().int().min(1).max(maxSweepPoints),
      log: z.boolean().default(false),
    }),
  ],
  { error: () => messages.sweepAxis },
);

/** What the figure of a sweep shows: `x` (and `y`) are axes; `color` (or `y`) a point summary name. */
const figureSpec = z.strictObject({
  x: z.string().min(1).describe("an axis path, e.g. model.snr"),
  y: z.string().min(1).optional().describe("a second axis, or (one axis) the value drawn against x"),
  color: z.string().min(1).optional().describe("the value of each cell, e.g. simulation.m.final"),
  logColor: z.boolean().optional().describe("a logarithmic colour scale (values > 0; others are not drawn)"),
  error: z
    .string()
    .min(1)
    .optional()
    .describe("a value giving the ± error bar of a line, e.g. scalars.successStderr"),
});

/**
 * A sweep file (YAML or JSON, issue 11): a base spec (`base`, a spec file, or `spec` inline), the axes
 * (`grid`: cartesian product; `zip`: axes of equal length that vary together) by dotted path into the
 * spec, and the figure.
 *
 * @example sweepFileSpec.parse({ name: "s", spec: {...}, grid: { "model.snr": { from: 0.2, to: 1.6, num: 15 } } })
 */
export const sweepFileSpec = z.strictObject({
  $schema: z.string().optional(),
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/)
    .describe("letters, digits, '.', '_', '-'"),
  title: z.string().max(200).optional(),
  base: z.string().min(1).optional().describe("a spec file, relative to the sweep file"),
  spec: z.record(z.string(), z.unknown()).optional().describe("the base spec, inline"),
  grid: z.record(z.string(), axisSpec).default({}),
  zip: z.record(z.string(), axisSpec).default({}),
  figure: figureSpec.optional(),
});

export type SweepFile = z.output<typeof sweepFileSpec>;
export type AxisSpec = z.output<typeof axisSpec>;

/**
 * Validate a parsed sweep file; `loadBase(path)` reads a `base` spec file (the caller resolves the path).
 * Throws {@link SpecError} naming the field: exactly one of `base` and `spec`, at least one axis, zip axes
 * of one length.
 *
 * @example const file = parseSweepFile(YAML.parse(text), readSpecFile)
 */
export function parseSweepFile(
  input: unknown,
  loadBase: (path: string) => unknown,
): { file: SweepFile; base: unknown } {
  const file = parseWith(sweepFileSpec, input);
  if ((file.base === undefined) === (file.spec === undefined))
    throw new SpecError("base", file.base, messages.sweepBaseOrSpec);
  if (Object.keys(file.grid).length + Object.keys(file.zip).length === 0)
    throw new SpecError("grid", file.grid, messages.sweepNoAxes);
  const base = file.spec ?? loadBase(file.base as string);
  return { file, base };
}
