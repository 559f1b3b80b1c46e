import { z } from "zod";
import { messages } from "../../core/messages.js";
import { fields } from "../../experiment/fields.js";
import { parameterGrid } from "../../theory/maps/orbit-diagram.js";

/** Analyses of the cubic-map experiment (issue 3). */
export const cubicAnalyses = [
  "phases",
  "orbit-diagram",
  "phase-diagram",
  "lyapunov",
  "ergodic-average",
] as const;

/** Largest number of grid points (r values, or r × z0 cells) of one spec. */
export const maxGridPoints = 200_000;

/** An evenly spaced range `from, from + step, ..., to`. */
export const rangeSpec = z.strictObject({
  from: z.number().describe("first value"),
  to: z.number().describe("last value (> from)"),
  step: fields.positive().describe("spacing (> 0)"),
});
export type Range = z.output<typeof rangeSpec>;

const valuesSpec = (what: string) =>
  z.union([rangeSpec, z.number(), z.array(z.number()).min(1).max(maxGridPoints)], {
    error: () => messages.cubicValues(what),
  });

/**
 * The public spec of the cubic-map experiment (field names are a public interface: issue 3).
 *
 * @example cubicMapSpec.parse({ model: { name: "cubic-map" }, analysis: "phases" }).r // { from: 0.005, to: 2.2, step: 0.005 }
 */
export const cubicMapSpec = z.strictObject({
  $schema: fields.schemaRef(),
  title: fields.title(),
  model: z.strictObject({ name: z.literal("cubic-map") }),
  analysis: z
    .enum(cubicAnalyses)
    .default("phases")
    .describe("phases | orbit-diagram | phase-diagram (r × z0) | lyapunov | ergodic-average"),
  r: valuesSpec("step sizes r > 0")
    .default({ from: 0.005, to: 2.2, step: 0.005 })
    .describe("normalised step sizes: a range { from, to, step }, a list or one number"),
  z0: valuesSpec("initial conditions")
    .default(0.001)
    .describe("initial condition(s): one number; a list (orbit-diagram); a range (phase-diagram)"),
  transient: z.number().int().min(0).max(10_000_000).default(2000).describe("iterations discarded"),
  keep: z.number().int().min(2).max(1_000_000).default(256).describe("iterations kept after the transient"),
  maxPeriod: z.number().int().min(1).max(64).default(64).describe("largest period resolved"),
  escapeRadius: fields.positive().default(1e6).describe("|z| beyond this counts as divergence"),
  samples: z
    .number()
    .int()
    .min(100)
    .max(10_000_000)
    .default(100_000)
    .describe("iterations averaged per r (ergodic-average)"),
  bins: z
    .number()
    .int()
    .min(2)
    .max(1000)
    .default(60)
    .describe("invariant-density bins of s = z^2 (ergodic-average)"),
});

export type CubicMapSpec = z.output<typeof cubicMapSpec>;
export type CubicValues = CubicMapSpec["r"];

/**
 * The values a `r` or `z0` field stands for: a range expanded as `from + i step` (to within half a step of
 * `to`), a list as given, a number as a list of one.
 *
 * @example expandValues({ from: 1, to: 2, step: 0.5 }) // [1, 1.5, 2]
 */
export function expandValues(v: CubicValues): number[] {
  if (typeof v === "number") return [v];
  if (Array.isArray(v)) return v;
  return parameterGrid(v.from, v.to, v.step);
}

/** Number of values of a field without expanding it (ranges may be huge before validation). */
export function countValues(v: CubicValues): number {
  if (typeof v === "number") return 1;
  if (Array.isArray(v)) return v.length;
  return Math.floor((v.to - v.from) / v.step + 0.5) + 1;
}
