import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../src/sweep/sha256.js";

describe("sha256", () => {
  // FIPS 180-2, Appendix B: the one-block, two-block and long-message examples.
  it.each([
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
    ["a".repeat(1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"],
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ])("FIPS example %#", (text, hex) => expect(sha256(text)).toBe(hex));

  it("equals node:crypto on random strings (any length, any UTF-8, padding boundaries included)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        expect(sha256(s)).toBe(createHash("sha256").update(s).digest("hex"));
      }),
      { seed: 11, numRuns: 300 },
    );
    for (let n = 50; n < 70; n++)
      expect(sha256("x".repeat(n))).toBe(createHash("sha256").update("x".repeat(n)).digest("hex"));
  });
});
