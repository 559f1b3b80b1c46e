import { validateSpec } from "../src/catalogue/index.js";
import { SpecError } from "../src/core/errors.js";

/** The field named by the SpecError that validating `spec` throws, or "(accepted)" when it is valid. */
export function badField(spec: unknown): string {
  try {
    validateSpec(spec);
  } catch (e) {
    if (e instanceof SpecError) return e.field;
    throw e;
  }
  return "(accepted)";
}
