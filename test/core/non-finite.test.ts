import { describe, expect, it } from "vitest";
import { checkFinite, firstNonFinite, nonFinite, nonFiniteKind } from "../../src/core/non-finite.js";

describe("the shared non-finite rule (issue 13)", () => {
  it("NaN is failed, an infinity or a value beyond the bound is diverged, the rest is undefined", () => {
    expect(nonFiniteKind(Number.NaN)).toBe("failed");
    expect(nonFiniteKind(Number.NEGATIVE_INFINITY)).toBe("diverged");
    expect(nonFiniteKind(1e101, 1e100)).toBe("diverged");
    // The bound itself is inside the range: |v| <= bound.
    expect(nonFiniteKind(1e100, 1e100)).toBeUndefined();
    expect(nonFiniteKind(-1e300)).toBeUndefined();
    expect(firstNonFinite([1, 2, 3e5, Number.NaN], 1e5)).toBe(2);
    expect(firstNonFinite([1, 2])).toBe(-1);
  });

  it("the message names the status, the step, the time and the quantity", () => {
    const at = nonFinite("|x|^2", Number.POSITIVE_INFINITY, { step: 12, t: 0.5 });
    expect(at).toMatchObject({ status: "diverged", quantity: "|x|^2", step: 12, t: 0.5 });
    expect(at.messages).toEqual(["diverged at step 12, t = 0.5000: |x|^2 = Infinity"]);
    expect(nonFinite("q", 2e8, { step: 3 }, 1e8).messages[0]).toBe(
      "diverged at step 3: q = 200000000 (beyond 100000000)",
    );
    expect(nonFinite("m", Number.NaN, { t: 2 }).messages[0]).toBe("failed at t = 2.000: m = NaN");
  });

  it("checkFinite prefers an infinity to a NaN beside it (Infinity - Infinity), else the first NaN", () => {
    expect(checkFinite(["a", "b", "c"], [1, Number.NaN, Number.POSITIVE_INFINITY])?.quantity).toBe("c");
    expect(checkFinite(["a", "b", "c"], [Number.NaN, 1, Number.NaN])).toMatchObject({
      quantity: "a",
      status: "failed",
    });
    expect(checkFinite(["a"], [1])).toBeUndefined();
  });
});
