/**
 * Invalid user input: names the field (a dotted path such as `model.k`), the bad value and what is allowed.
 *
 * The CLI maps it to exit code 2 and writes nothing. Build the message with {@link specErrorMessage} so
 * every message has the same shape.
 */
export class SpecError extends Error {
  override readonly name = "SpecError";
  /** The dotted path of the bad field; `"spec"` for the whole input (an empty path). */
  readonly field: string;
  constructor(
    field: string,
    readonly value: unknown,
    readonly allowed: string,
  ) {
    super(specErrorMessage(field, value, allowed));
    this.field = field || "spec";
  }
}

/** `model.k = 1 is invalid: expected an integer >= 2` */
export function specErrorMessage(field: string, value: unknown, allowed: string): string {
  return `${field || "spec"} = ${formatValue(value)} is invalid: expected ${allowed}`;
}

function formatValue(value: unknown): string {
  if (value === undefined) return "(missing)";
  if (typeof value === "string") return JSON.stringify(value);
  try {
    const s = JSON.stringify(value);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(value);
  }
}
