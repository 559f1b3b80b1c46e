/**
 * The sweep file parser under the same hostile mutations as the specs (issue 13): each shipped sweep in
 * `examples/sweeps/`, changed at one arbitrary path, either plans (every point a valid spec, as many
 * points as the product of the axes) or is refused with one SpecError message naming the field and the
 * value. Nothing runs, so the cases run in this thread.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpecError, validateSpec } from "../../src/index.js";
import { readSpecFile } from "../../src/node/read-spec.js";
import { planSweepInput } from "../../src/node/sweep/read-sweep.js";
import { contractViolations } from "./contract.js";
import { applyMutation, describeMutation, mutationOf } from "./mutate.js";
import { extensive, propertySeed } from "./settings.js";

const dir = new URL("../../examples/sweeps", import.meta.url).pathname;
const files = readdirSync(dir)
  .filter((f) => /\.(json|ya?ml)$/.test(f))
  .sort();
const code = { sgdlab: "property-test", commit: null };

/** What is wrong with planning `input` (empty when it meets the contract). */
function planViolations(input: unknown): string[] {
  try {
    const plan = planSweepInput(input, dir, code);
    const expected = plan.axes.reduce((n, a) => n * a.values.length, 1);
    const out =
      plan.points.length === expected ? [] : [`${plan.points.length} points, axes give ${expected}`];
    for (const p of plan.points.slice(0, 3)) validateSpec(p.spec);
    return out;
  } catch (e) {
    if (e instanceof SpecError)
      return contractViolations(input, {
        kind: "spec-error",
        field: e.field,
        value: e.value,
        message: e.message,
      });
    return [`planning threw ${(e as Error)?.name}: ${(e as Error)?.message}`];
  }
}

describe("mutated sweep files are planned or refused cleanly", () => {
  // Found by the extensive run: a root that is not an object was refused with an empty field name.
  it.each([null, "x", 0, [1]])("a sweep file that is %j names the field spec", (input) => {
    expect(planViolations(input)).toEqual([]);
  });

  it.each(files.map((f, i) => [f, i] as const))("%s", (file, index) => {
    const sweep = readSpecFile(join(dir, file));
    const seed = propertySeed + 2000 + index;
    const mutations = fc.sample(mutationOf(sweep), { seed, numRuns: extensive ? 400 : 40 });
    const failures = mutations.flatMap((m) =>
      planViolations(applyMutation(sweep, m)).map((p) => `${file}: ${describeMutation(m)}: ${p}`),
    );
    expect(failures, `seed ${seed}`).toEqual([]);
  });
});
