/**
 * Property (a) of issue 13: every shipped example spec, mutated at one arbitrary path, either runs to a
 * record that meets the contract or is refused with one message naming the field and the value.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readSpecFile } from "../../src/node/read-spec.js";
import { CaseRunner } from "./case-runner.js";
import { checkCase } from "./check-case.js";
import { applyMutation, describeMutation, mutationOf } from "./mutate.js";
import { mutationsPerExample, propertySeed, testTimeoutFor } from "./settings.js";

const dir = new URL("../../examples", import.meta.url).pathname;
const files = readdirSync(dir)
  .filter((f) => /\.(json|ya?ml)$/.test(f))
  .sort();
const runner = new CaseRunner();
afterAll(() => runner.stop());

describe("mutated example specs meet the contract", () => {
  it.each(files.map((f, i) => [f, i] as const))(
    "%s",
    async (file, index) => {
      const spec = readSpecFile(join(dir, file));
      const mutations = fc.sample(mutationOf(spec), {
        seed: propertySeed + index,
        numRuns: mutationsPerExample,
      });
      const failures: string[] = [];
      for (const mutation of mutations) {
        const problems = await checkCase(runner, applyMutation(spec, mutation), spec);
        if (problems.length > 0)
          failures.push(`${file}: ${describeMutation(mutation)}: ${problems.join("; ")}`);
      }
      expect(failures, `seed ${propertySeed + index}`).toEqual([]);
    },
    testTimeoutFor(mutationsPerExample),
  );
});
