/**
 * Single-point mutations of a JSON spec, as a hostile (or hurried) user makes them: one value somewhere in
 * the spec set to null, a string, a list, 1e308, -1, 0, deleted, multiplied by 1e6 (or 1e-6, which
 * multiplies step counts), or any JSON value; or an unknown key added.
 *
 * @example fc.sample(mutationOf(spec), { seed: 1, numRuns: 3 }).map(describeMutation)
 */
import fc from "fast-check";

export type JsonPath = readonly (string | number)[];

export type Mutation =
  | { op: "set"; path: JsonPath; value: unknown }
  | { op: "delete"; path: JsonPath }
  | { op: "scale"; path: JsonPath; factor: number }
  | { op: "add-key"; path: JsonPath; key: string; value: unknown };

/** Every path to a node of `value` (objects, lists and leaves), the root included. */
export function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...prefix, i]));
  } else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

/** The fixed replacement values of the issue, plus a few neighbours (a fraction, a tiny number, true). */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, "x", "", [], {}, 1e308, -1e308, -1, 0, 0.5, 1e-300, true, 2 ** 53),
  fc.string({ maxLength: 6 }),
  fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A mutation of `spec` at one of its paths (the root only as a replacement: the whole spec a string). */
export function mutationOf(spec: unknown): fc.Arbitrary<Mutation> {
  const paths = pathsOf(spec);
  return fc.constantFrom(...paths).chain((path): fc.Arbitrary<Mutation> => {
    const here = nodeAt(spec, path);
    // Replacements carry most of the variety, so they are drawn three times as often as each other op.
    const ops: fc.WeightedArbitrary<Mutation>[] = [
      {
        arbitrary: fc.record({ op: fc.constant("set"), path: fc.constant(path), value: hostileValue }),
        weight: 3,
      },
    ];
    if (path.length > 0) ops.push({ arbitrary: fc.constant({ op: "delete", path }), weight: 1 });
    if (typeof here === "number")
      ops.push({
        arbitrary: fc.record({
          op: fc.constant("scale"),
          path: fc.constant(path),
          factor: fc.constantFrom(1e6, 1e-6),
        }),
        weight: 1,
      });
    if (here !== null && typeof here === "object" && !Array.isArray(here))
      ops.push({
        arbitrary: fc.record({
          op: fc.constant("add-key"),
          path: fc.constant(path),
          key: fc.constantFrom("extra", "N", "runs"),
          value: hostileValue,
        }),
        weight: 1,
      });
    return fc.oneof(...ops) as fc.Arbitrary<Mutation>;
  });
}

/** `spec` with `mutation` applied (a deep copy; `spec` is left as it was). */
export function applyMutation(spec: unknown, mutation: Mutation): unknown {
  const root = { spec: structuredClone(spec) };
  const path: JsonPath = ["spec", ...mutation.path];
  const parent = nodeAt(root, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const key = path[path.length - 1];
  switch (mutation.op) {
    case "set":
      (parent as Record<string | number, unknown>)[key] = structuredClone(mutation.value);
      break;
    case "delete":
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case "scale":
      (parent as Record<string | number, number>)[key] *= mutation.factor;
      break;
    case "add-key":
      (parent as Record<string | number, Record<string, unknown>>)[key][mutation.key] = structuredClone(
        mutation.value,
      );
      break;
  }
  return root.spec;
}

/** One line naming the mutation, for failure reports: `model.b[0] scale ×1000000`. */
export function describeMutation(m: Mutation): string {
  const at =
    m.path.length === 0
      ? "(root)"
      : m.path
          .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
          .join("")
          .slice(1)
          .replace(/^\[/, "[");
  switch (m.op) {
    case "set":
      return `${at} = ${JSON.stringify(m.value)}`;
    case "delete":
      return `${at} deleted`;
    case "scale":
      return `${at} ×${m.factor}`;
    case "add-key":
      return `${at}.${m.key} added = ${JSON.stringify(m.value)}`;
  }
}

function nodeAt(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const key of path) v = (v as Record<string | number, unknown>)[key];
  return v;
}
