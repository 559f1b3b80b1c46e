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
  const issue = innermost(result.error.issues[0], input);
  if (issue.code === "unrecognized_keys") {
    const field = [...issue.path, issue.keys[0]];
    throw new SpecError(
      dotted(field),
      valueAt(input, field),
      messages.unknownField(allowedKeys(schema, issue.path, input)),
    );
  }
  throw new SpecError(dotted(issue.path), valueAt(input, issue.path), allowedText(issue));
}

/**
 * The issue to report for a union (e.g. `init`: statistics or `{ random: true }`): the issue of the branch
 * with the fewest issues, with its full path, when that branch was matched but for one bad value inside
 * it (`init.mMu[1] = "x"`, not the whole `init`); the union's own issue (its message lists the shapes)
 * when the value fits no branch better than another, or the best branch only misses a field.
 */
function innermost(issue: Issue, input: unknown): Issue {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return issue;
  const ranked = [...issue.errors].sort((a, b) => a.length - b.length);
  const [best, next] = ranked;
  const inner = best[0];
  if (!inner || (next && next.length === best.length) || inner.path.length === 0) return issue;
  const full = { ...inner, path: [...issue.path, ...inner.path] } as Issue;
  if (full.code !== "unrecognized_keys" && valueAt(input, full.path) === undefined) return issue;
  return innermost(full, input);
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

/**
 * The keys allowed by the object schema at `path`, looking through defaults, optionals and unions (of a
 * union, the object option that shares the most keys with the input there: the one zod matched).
 */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[], input: unknown): string[] {
  let node: unknown = schema;
  let value: unknown = input;
  for (const key of [...path, null]) {
    node = unwrap(node, value);
    const shape = (node as { shape?: Record<string, unknown> })?.shape;
    if (key === null) return shape ? Object.keys(shape) : [];
    node = shape?.[String(key)] ?? (node as { element?: unknown })?.element;
    value =
      value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return [];
}

function unwrap(node: unknown, value: unknown): unknown {
  const given = value !== null && typeof value === "object" ? Object.keys(value) : [];
  const shared = (o: unknown) => {
    const shape = (o as { shape?: Record<string, unknown> }).shape;
    return shape ? given.filter((k) => k in shape).length : -1;
  };
  for (let i = 0; i < 10; i++) {
    const def = (node as { _zod?: { def?: { innerType?: unknown; options?: unknown[] } } })?._zod?.def;
    if (def?.innerType) node = def.innerType;
    else if (def?.options) node = def.options.reduce((best, o) => (shared(o) > shared(best) ? o : best));
    else break;
  }
  return node;
}
