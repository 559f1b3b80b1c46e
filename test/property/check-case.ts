/**
 * One property case end to end: validate in this thread (cheap, and most mutations stop here), run what
 * validates in the case worker, and check the outcome against the contract.
 */
import { isDeepStrictEqual } from "node:util";
import { SpecError, validateSpec } from "../../src/index.js";
import type { CaseOutcome, CaseRunner } from "./case-runner.js";
import { contractViolations } from "./contract.js";
import { caseLimits } from "./settings.js";

/**
 * The contract violations of running `input` (empty when it meets the contract). A spec that validates to
 * the same normalised spec as `baseline` (e.g. a changed title) is not run again: its example runs in
 * test/examples.test.ts.
 */
export async function checkCase(runner: CaseRunner, input: unknown, baseline?: unknown): Promise<string[]> {
  const validated = validateCase(input);
  if ("violations" in validated) return validated.violations;
  if (baseline !== undefined && sameRun(validated.spec, validateSpec(baseline).spec)) return [];
  return contractViolations(input, await runner.run(input, caseLimits));
}

/**
 * Validate `input` at the harness's work limit: the normalised spec, or the contract violations of its
 * refusal (empty for a clean SpecError).
 */
export function validateCase(input: unknown): { spec: unknown } | { violations: string[] } {
  try {
    return { spec: validateSpec(input, caseLimits.workLimit).spec };
  } catch (e) {
    return { violations: contractViolations(input, validationOutcome(e)) };
  }
}

function validationOutcome(e: unknown): CaseOutcome {
  if (e instanceof SpecError)
    return { kind: "spec-error", field: e.field, value: e.value, message: e.message };
  const err = e as Error;
  return {
    kind: "crash",
    message: `validateSpec threw ${err?.name}: ${err?.message}`,
    stack: String(err?.stack),
  };
}

/** Two normalised specs that differ only in free text describe the same run. */
function sameRun(a: unknown, b: unknown): boolean {
  const strip = (s: unknown) => ({ ...(s as object), title: undefined, $schema: undefined });
  return isDeepStrictEqual(strip(a), strip(b));
}
