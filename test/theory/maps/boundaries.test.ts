import { describe, expect, it } from "vitest";
import { classifyAttractor } from "../../../src/theory/maps/classify.js";
import { cycleBoundary } from "../../../src/theory/maps/cycle.js";
import { escapeBoundary } from "../../../src/theory/maps/escape-boundary.js";
import { bisectPredicate, brentRoot } from "../../../src/theory/maps/root.js";
import { feigenbaum, superstableParameter } from "../../../src/theory/maps/superstable.js";
import { logistic } from "./fixtures.js";

const cyclePoint = (r: number) => classifyAttractor(logistic, r, 0.1).points[0];

describe("boundary finders on the logistic map (closed forms)", () => {
  it("period doubling of the fixed point at r = 3 (multiplier -1), from a guess at 2.8", () => {
    const b = cycleBoundary(logistic, { period: 1, multiplier: -1, p: 2.8, x: 1 - 1 / 2.8 });
    expect(b.converged).toBe(true);
    // Newton converges quadratically: to round-off.
    expect(Math.abs(b.p - 3)).toBeLessThan(1e-12);
    expect(Math.abs(b.x - 2 / 3)).toBeLessThan(1e-12);
  });

  it("period doubling of the 2-cycle at 1 + sqrt6", () => {
    const b = cycleBoundary(logistic, { period: 2, multiplier: -1, p: 3.4, x: cyclePoint(3.4) });
    expect(Math.abs(b.p - (1 + Math.sqrt(6)))).toBeLessThan(1e-12);
  });

  it("tangent (+1) bifurcation opening the period-3 window at 1 + sqrt8", () => {
    const b = cycleBoundary(logistic, { period: 3, multiplier: 1, p: 3.835, x: cyclePoint(3.835) });
    expect(b.converged).toBe(true);
    expect(Math.abs(b.p - (1 + Math.sqrt(8)))).toBeLessThan(1e-10);
  });

  it("superstable 2-cycle at 1 + sqrt5 (f^2(1/2) = 1/2)", () => {
    expect(Math.abs(superstableParameter(logistic, () => 0.5, 2, 3.2).p - (1 + Math.sqrt(5)))).toBeLessThan(
      1e-13,
    );
  });

  it("Feigenbaum: delta -> 4.6692016, accumulation 3.5699456718", () => {
    const f = feigenbaum(logistic, () => 0.5, [2, 3.2], 12);
    expect(f.converged).toBe(true);
    // Feigenbaum (1978); r_inf = 3.569945671870944901842 (Briggs 1991). The extrapolation error is
    // O(|delta_k - delta| (R_k - R_{k-1})) ~ 1e-7 * 3e-7 at period 2^11, far below 1e-9.
    expect(Math.abs(f.accumulation - 3.569945671870945)).toBeLessThan(1e-9);
    expect(Math.abs(f.ratios[f.ratios.length - 1] - 4.6692016)).toBeLessThan(1e-5);
  });

  it("escape threshold of the logistic map from 0.3 is r = 4 (f(1/2) = r/4 leaves [0, 1])", () => {
    const b = escapeBoundary(logistic, 0.3, 3.5, 4.5);
    expect(b.converged).toBe(true);
    // Bisection to 1e-10; just above 4 escape takes ~ (r - 4)^{-1/2} steps, far below the 1e6 allowed.
    expect(Math.abs(b.x - 4)).toBeLessThan(1e-6);
  });

  it("brentRoot and bisectPredicate: roots to tolerance, no-bracket reported, not thrown", () => {
    expect(Math.abs(brentRoot((x) => Math.cos(x) - x, 0, 1).x - 0.7390851332151607)).toBeLessThan(1e-14);
    expect(brentRoot((x) => x * x + 1, -1, 1).converged).toBe(false);
    expect(Math.abs(bisectPredicate((x) => x > Math.SQRT2, 0, 2).x - Math.SQRT2)).toBeLessThan(1e-11);
    expect(bisectPredicate((x) => x > 5, 0, 2).converged).toBe(false);
  });
});
