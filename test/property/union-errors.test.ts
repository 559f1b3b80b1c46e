/**
 * Found by the mutated-example property test: a bad value inside a union-typed field (`init`, which is a
 * set of statistics or `{ random: true }`) was reported as the whole `init` with its whole value, and an
 * unknown key there listed the keys of the other shape. The error names the innermost field instead when
 * the value matches one shape but for that field; a value that fits no shape keeps the union's message.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SpecError, validateSpec } from "../../src/index.js";

const example = JSON.parse(
  readFileSync(new URL("../../examples/gmm-xor-diffusive.json", import.meta.url), "utf8"),
);

function messageOf(change: (spec: typeof example) => void): string {
  const spec = structuredClone(example);
  change(spec);
  try {
    validateSpec(spec);
  } catch (e) {
    if (e instanceof SpecError) return e.message;
    throw e;
  }
  return "(accepted)";
}

describe("errors inside a union name the innermost field", () => {
  it.each([
    [
      'init.mMu[1] = "&"',
      (s: typeof example) => (s.init.mMu[1] = "&"),
      'init.mMu[1] = "&" is invalid: expected a number',
    ],
    [
      'init.RPerp[3][3] = ""',
      (s: typeof example) => (s.init.RPerp[3][3] = ""),
      'init.RPerp[3][3] = "" is invalid: expected a number',
    ],
    [
      "init.random = false",
      (s: typeof example) => (s.init = { random: false }),
      "init.random = false is invalid: expected true",
    ],
  ])("%s", (_label, change, expected) => {
    expect(messageOf(change)).toBe(expected);
  });

  it("an unknown key lists the keys of the shape it was given in", () => {
    expect(messageOf((s) => (s.init.extra = 1))).toBe(
      "init.extra = 1 is invalid: expected one of the known fields (v, mMu, mNu, RPerp); this one is unknown",
    );
  });

  it("a value that fits no shape keeps the union's message", () => {
    expect(messageOf((s) => (s.init = "q"))).toMatch(
      /^init = "q" is invalid: expected \{ "random": true \} or /,
    );
    expect(messageOf((s) => (s.init = {}))).toMatch(
      /^init = \{\} is invalid: expected \{ "random": true \} or /,
    );
  });
});
