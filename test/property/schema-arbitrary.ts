/**
 * fast-check arbitraries derived from an experiment's JSON Schema (generated from its zod schema), drawing
 * schema-valid specs at small sizes: every integer below a cap (`sizeCaps` by field name, else min + 16),
 * unbounded numbers in a window of width 5 above their lower bound, lists of at most 3 items beyond their
 * minimum. Optional fields are present 4 times in 5, so that defaults are drawn too.
 *
 * Only the keywords zod emits for sgdlab's schemas are understood (type, properties, required, enum,
 * const, anyOf, items, min/max bounds, minItems/maxItems, maxLength); an unknown schema node throws, so a
 * new keyword is noticed rather than silently drawn wrong.
 *
 * @example fc.sample(arbitraryFromSchema(z.toJSONSchema(schema, { io: "input" })), 3)
 */
import fc from "fast-check";

export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
}

/**
 * Largest value drawn for integer fields of these names: the sizes that set the cost of a run (dimension,
 * runs, steps, samples, record points), small enough that a drawn spec runs in well under a second.
 */
export const sizeCaps: Record<string, number> = {
  N: 400,
  d: 40,
  n: 60,
  K: 6,
  width: 6,
  depth: 4,
  runs: 4,
  chains: 24,
  paths: 40,
  samples: 400,
  steps: 40,
  points: 12,
  substeps: 4,
  seeds: 2,
  sampleEvery: 4,
};

/** An arbitrary of values valid for `node`; `name` is the property name (for the size caps). */
export function arbitraryFromSchema(node: SchemaNode, name = ""): fc.Arbitrary<unknown> {
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  if (node.anyOf) return fc.oneof(...node.anyOf.map((n) => arbitraryFromSchema(n, name)));
  switch (node.type) {
    case "object":
      return objectArbitrary(node);
    case "array":
      return fc.array(arbitraryFromSchema(node.items ?? {}, name), {
        minLength: node.minItems ?? 0,
        maxLength: Math.min(node.maxItems ?? Number.POSITIVE_INFINITY, (node.minItems ?? 0) + 3),
      });
    case "integer":
      return integerArbitrary(node, name);
    case "number":
      return numberArbitrary(node);
    case "string":
      return fc.string({ maxLength: Math.min(node.maxLength ?? 12, 12) });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      throw new Error(`schema node not understood by the property harness: ${JSON.stringify(node)}`);
  }
}

function objectArbitrary(node: SchemaNode): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(node.required ?? []);
  const fields = Object.entries(node.properties ?? {})
    // `$schema` is a reference for editors and `title` free text: neither changes a run.
    .filter(([key]) => key !== "$schema" && key !== "title")
    .map(([key, child]) => {
      const value = arbitraryFromSchema(child, key);
      return [key, required.has(key) ? value : fc.option(value, { nil: undefined, freq: 4 })] as const;
    });
  return fc
    .tuple(...fields.map(([, arb]) => arb))
    .map((values) =>
      Object.fromEntries(fields.map(([key], i) => [key, values[i]]).filter(([, v]) => v !== undefined)),
    );
}

function integerArbitrary(node: SchemaNode, name: string): fc.Arbitrary<number> {
  const min = Math.max(node.minimum ?? -16, Number.MIN_SAFE_INTEGER);
  const cap = sizeCaps[name] ?? min + 16;
  return fc.integer({ min, max: Math.max(min, Math.min(node.maximum ?? cap, cap)) });
}

function numberArbitrary(node: SchemaNode): fc.Arbitrary<number> {
  const lower = node.minimum ?? node.exclusiveMinimum;
  const upper = node.maximum ?? node.exclusiveMaximum;
  const min = lower ?? (upper === undefined ? -5 : upper - 5);
  const max = upper ?? min + 5;
  return fc.double({
    min,
    max,
    minExcluded: node.exclusiveMinimum !== undefined,
    maxExcluded: node.exclusiveMaximum !== undefined,
    noNaN: true,
  });
}
