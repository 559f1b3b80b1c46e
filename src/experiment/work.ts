import { SpecError } from "../core/errors.js";
import { messages } from "../core/messages.js";

/**
 * The estimated work of a spec: a number of operations of about a nanosecond each on one core, and how it
 * is made up from the spec's fields (shown when the spec is refused).
 */
export interface WorkEstimate {
  operations: number;
  /** e.g. `runs × steps × model.N = 8 × 40000 × 2000` */
  formula: string;
}

/**
 * The work of `factors` multiplied together, `nsPerUnit` nanoseconds for each unit of their product (an
 * experiment's measured cost of its inner loop).
 *
 * @example workProduct({ runs: 8, steps: 40000, "model.N": 2000 }, 8).operations // 5.12e9
 */
export function workProduct(factors: Record<string, number>, nsPerUnit = 1): WorkEstimate {
  const values = Object.values(factors);
  return {
    operations: nsPerUnit * values.reduce((a, b) => a * b, 1),
    formula: `${Object.keys(factors).join(" × ")} = ${values.map(formatCount).join(" × ")}`,
  };
}

/**
 * The work of several parts done one after another (a simulation and a theory, several widths, ...).
 *
 * @example workSum([simulation, theory]).operations
 */
export function workSum(parts: readonly WorkEstimate[]): WorkEstimate {
  return {
    operations: parts.reduce((a, p) => a + p.operations, 0),
    formula: parts.map((p) => `(${p.formula})`).join(" + "),
  };
}

/**
 * The work guard: refuse a spec whose estimated work exceeds `limit` operations, before anything runs,
 * with the estimate and its make-up in the message. A non-finite estimate is refused too (a step count
 * that overflows).
 *
 * @example checkWork(experiment, spec, defaultWorkLimit)
 */
export function checkWork(
  cost: ((spec: never) => WorkEstimate) | undefined,
  spec: unknown,
  limit: number,
): void {
  const estimate = cost?.(spec as never);
  if (estimate && !(estimate.operations <= limit))
    throw new SpecError(
      "work",
      `${estimate.operations.toPrecision(3)} operations`,
      messages.tooMuchWork(estimate.formula, limit),
    );
}

function formatCount(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e7 ? String(n) : n.toPrecision(3);
}
