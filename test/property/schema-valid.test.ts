/**
 * Property (b) of issue 13: specs drawn from each experiment's own JSON Schema at small sizes either run to
 * a record that meets the contract or are refused (by a cross-field check or the work guard) with one
 * message naming the field and the value.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { experimentNames, experiments } from "../../src/index.js";
import { CaseRunner } from "./case-runner.js";
import { checkCase } from "./check-case.js";
import { arbitraryFromSchema, type SchemaNode } from "./schema-arbitrary.js";
import { propertySeed, specsPerExperiment, testTimeoutFor } from "./settings.js";

const runner = new CaseRunner();
afterAll(() => runner.stop());

/** The input JSON Schema of an experiment's spec, as `sgdlab schema` prints it. */
function specSchema(name: string): SchemaNode {
  return z.toJSONSchema(experiments[name].schema, { io: "input", unrepresentable: "any" }) as SchemaNode;
}

describe("schema-valid specs at small sizes meet the contract", () => {
  it.each(experimentNames().map((name, i) => [name, i] as const))(
    "%s",
    async (name, index) => {
      const seed = propertySeed + 1000 + index;
      const specs = fc.sample(arbitraryFromSchema(specSchema(name)), { seed, numRuns: specsPerExperiment });
      const failures: string[] = [];
      for (const spec of specs) {
        const problems = await checkCase(runner, spec);
        if (problems.length > 0) failures.push(`${JSON.stringify(spec)}: ${problems.join("; ")}`);
      }
      expect(failures, `seed ${seed}`).toEqual([]);
    },
    testTimeoutFor(specsPerExperiment),
  );
});
