import type { z } from "zod";
import { SpecError } from "../core/errors.js";
import { messages } from "../core/messages.js";

type Issue = z.core.$ZodIssue;

/**
 * Validate `input` against a zod schema and return the normalised value (defaults filled in), or throw a
 * {@link SpecError} naming the first bad field, its value and what is allowed.
 *
 * @example parseWith(spikedTensorSpec, JSON.parse(text))
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === "unrecognized_keys") {
    const field = [...issue.path, issue.keys[0]];
    throw new SpecError(
      dotted(field),
      valueAt(input, field),
      messages.unknownField(allowedKeys(schema, issue.path)),
    );
  }
  throw new SpecError(dotted(issue.path), valueAt(input, issue.path), allowedText(issue));
}

function dotted(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
    .join(".")
    .replace(/\.\[/g, "[");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const typeNames: Record<string, string> = {
  int: "an integer",
  number: "a number",
  string: "a string",
  boolean: "true or false",
  object: "an object",
  array: "a list",
};

function allowedText(issue: Issue): string {
  switch (issue.code) {
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const op = issue.code === "too_small" ? (issue.inclusive ? ">=" : ">") : issue.inclusive ? "<=" : "<";
      if (issue.origin === "array") return `a list with ${op} ${bound} items`;
      return `a number ${op} ${bound}`;
    }
    case "invalid_type":
      return typeNames[issue.expected] ?? issue.expected;
    case "invalid_value":
      return issue.values.length === 1
        ? JSON.stringify(issue.values[0])
        : `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return issue.message.replace(/^Invalid input: expected /, "");
  }
}

/** The keys allowed by the object schema at `path`, looking through defaults, optionals and unions. */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const key of [...path, null]) {
    node = unwrap(node);
    const shape = (node as { shape?: Record<string, unknown> })?.shape;
    if (key === null) return shape ? Object.keys(shape) : [];
    node = shape?.[String(key)] ?? (node as { element?: unknown })?.element;
  }
  return [];
}

function unwrap(node: unknown): unknown {
  for (let i = 0; i < 10; i++) {
    const def = (node as { _zod?: { def?: { innerType?: unknown; options?: unknown[] } } })?._zod?.def;
    if (def?.innerType) node = def.innerType;
    else if (def?.options) node = def.options.find((o) => (o as { shape?: unknown }).shape) ?? def.options[0];
    else break;
  }
  return node;
}
