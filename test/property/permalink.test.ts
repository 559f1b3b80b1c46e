/**
 * The web permalink parser (web/src/permalink.ts) under property tests (issue 13): any JSON value, and any
 * mutated example spec, survives `#spec=` and `#z=` permalinks unchanged; an arbitrary or corrupted
 * fragment decodes to nothing, decodes to a value, or throws an Error, and what it decodes to is then a
 * spec like any other: valid, or refused with one SpecError naming the field.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSpecFile } from "../../src/node/read-spec.js";
import { shortPermalink, specFromFragment, specPermalink } from "../../web/src/permalink.js";
import { validateCase } from "./check-case.js";
import { applyMutation, mutationOf } from "./mutate.js";
import { extensive, propertySeed } from "./settings.js";

const dir = new URL("../../examples", import.meta.url).pathname;
const examples = readdirSync(dir)
  .filter((f) => /\.(json|ya?ml)$/.test(f))
  .sort()
  .map((f) => readSpecFile(join(dir, f)));
const numRuns = extensive ? 1000 : 100;

/** JSON's own round trip (what a permalink can carry: -0 becomes 0, as in every JSON spec file). */
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));

describe("web permalinks", () => {
  it("carry any JSON value and any mutated example unchanged, in both forms", async () => {
    const values = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.constantFrom(...examples).chain((spec) => mutationOf(spec).map((m) => applyMutation(spec, m))),
    );
    await fc.assert(
      fc.asyncProperty(values, async (value) => {
        const expected = asJson(value);
        expect(await specFromFragment(specPermalink(value))).toEqual(expected);
        expect(await specFromFragment(await shortPermalink(value))).toEqual(expected);
      }),
      { seed: propertySeed + 3000, numRuns },
    );
  });

  it("decode an arbitrary or corrupted fragment to nothing, a value or an Error; the value is a spec like any other", async () => {
    const link = fc.constantFrom(...examples).map((s) => specPermalink(s));
    const fragments = fc.oneof(
      fc.string({ maxLength: 40 }).map((s) => `#spec=${s}`),
      fc.string({ maxLength: 40 }).map((s) => `#z=${s}`),
      fc.string({ maxLength: 12 }),
      fc
        .tuple(link, fc.nat(), fc.constantFrom("A", "_", "-", "=", "%", ""))
        .map(([l, i, c]) => l.slice(0, 6 + (i % (l.length - 6))) + c + l.slice(7 + (i % (l.length - 6)))),
    );
    await fc.assert(
      fc.asyncProperty(fragments, async (fragment) => {
        let decoded: unknown;
        try {
          decoded = await specFromFragment(fragment);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          return;
        }
        // Validation only: the other property tests run specs.
        const validated = decoded === undefined ? { spec: undefined } : validateCase(decoded);
        expect("violations" in validated ? validated.violations : []).toEqual([]);
      }),
      { seed: propertySeed + 3001, numRuns },
    );
  });
});
