import { z } from "zod";

/**
 * Smallest value of a positive real field. Anything smaller is subnormal or nearly so, and dividing by
 * it, or dividing it by a dimension (`delta = cDelta / N`), gives 0 or infinity: a step of 1e-323 made
 * every record time NaN (found by the property tests).
 */
export const minPositive = 1e-300;

/** Reusable spec fields, so every experiment spells and validates the shared options the same way. */
export const fields = {
  positiveInt: () => z.number().int().min(1),
  positive: () => z.number().gt(0).min(minPositive),
  nonNegative: () => z.number().min(0),
  seed: () => z.number().int().min(0).max(4294967295).default(1).describe("root seed of all random streams"),
  runs: (d: number) => z.number().int().min(1).max(1_000_000).default(d).describe("independent runs (seeds)"),
  horizon: (d: number) => z.number().gt(0).min(minPositive).default(d).describe("final effective time t"),
  points: (d: number) =>
    z.number().int().min(2).max(100_000).default(d).describe("record points in [0, horizon]"),
  title: () => z.string().max(200).optional().describe("free text shown on figures and reports"),
  schemaRef: () => z.string().optional().describe("JSON Schema reference, ignored (for editors)"),
};
