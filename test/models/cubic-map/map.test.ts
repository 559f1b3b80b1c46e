import { describe, expect, it } from "vitest";
import { cubicBoundaries } from "../../../src/models/cubic-map/boundaries.js";
import { cubicCritical, cubicMap, squareMap } from "../../../src/models/cubic-map/map.js";
import { cubicPhase } from "../../../src/models/cubic-map/phase.js";
import { birkhoffAverage } from "../../../src/theory/maps/birkhoff.js";
import { classifyAttractor } from "../../../src/theory/maps/classify.js";
import { composeMap } from "../../../src/theory/maps/cycle.js";

describe("cubic map exact values (science/04 §§1-3)", () => {
  it("derivatives match finite differences; s = z^2 semi-conjugates g_r to f_r", () => {
    for (const [z, r] of [
      [0.3, 0.7],
      [1.2, 1.6],
      [-0.8, 2],
    ]) {
      const h = 1e-5;
      // Central differences: error h^2 |f'''|/6 = h^2 r <= 2e-10 for the cubic.
      expect(
        Math.abs((cubicMap.step(z + h, r) - cubicMap.step(z - h, r)) / (2 * h) - cubicMap.derivative(z, r)),
      ).toBeLessThan(1e-8);
      const s = z * z;
      expect(
        Math.abs(
          (squareMap.step(s + h, r) - squareMap.step(s - h, r)) / (2 * h) - squareMap.derivative(s, r),
        ),
      ).toBeLessThan(1e-8);
      expect(Math.abs(squareMap.step(s, r) - cubicMap.step(z, r) ** 2)).toBeLessThan(1e-14);
    }
    expect(cubicMap.derivative(cubicCritical(1.3), 1.3)).toBeCloseTo(0, 14);
  });

  it("fixed point 1 with multiplier 1 - 2r; 2-cycle s_{1,2} = (R ± sqrt(R^2-4))/(2r) with multiplier 9 - 2R^2", () => {
    for (const r of [0.3, 0.8]) {
      const a = classifyAttractor(cubicMap, r, 0.001);
      expect(a.points[0]).toBeCloseTo(1, 12);
      expect(Math.abs(a.lyapunov - Math.log(Math.abs(1 - 2 * r)))).toBeLessThan(1e-9);
    }
    for (const r of [1.05, 1.1, 1.2]) {
      const R = 1 + r;
      const a = classifyAttractor(cubicMap, r, 0.001);
      expect(a.period).toBe(2);
      const s = [a.points[0] ** 2, a.points[1] ** 2].sort();
      const root = Math.sqrt(R * R - 4);
      expect(Math.abs(s[0] - (R - root) / (2 * r))).toBeLessThan(1e-10);
      expect(Math.abs(s[1] - (R + root) / (2 * r))).toBeLessThan(1e-10);
      const mu = composeMap(cubicMap, r, a.points[0], 2).derivative;
      expect(Math.abs(mu - (9 - 2 * R * R))).toBeLessThan(1e-8);
    }
  });

  it("r = 2: conjugate to theta -> 3 theta, so lambda = ln 3 and the Birkhoff mean of s is 1", () => {
    const r = 2;
    const lnDeriv = birkhoffAverage(cubicMap, r, 0.3, (z) => Math.log(Math.abs(cubicMap.derivative(z, r))), {
      keep: 200_000,
    });
    // Both tolerances: 5 batch-means standard errors of the Birkhoff average.
    expect(Math.abs(lnDeriv.mean - Math.log(3))).toBeLessThan(5 * lnDeriv.stderr);
    const s = birkhoffAverage(cubicMap, r, 0.3, (z) => z * z, { keep: 200_000 });
    expect(Math.abs(s.mean - 1)).toBeLessThan(5 * s.stderr);
  });

  it("divergence threshold 2/(z0^2 - 1) for |z0| > sqrt2, else 2; a z0 > 1 start can overshoot at r < 1/2", () => {
    for (const z0 of [1.5, 2, -3]) {
      // Bisection to 1e-10 on an escape that is immediate beyond the threshold.
      expect(Math.abs(cubicBoundaries(z0).values["boundary.divergent"] - 2 / (z0 * z0 - 1))).toBeLessThan(
        1e-8,
      );
    }
    expect(cubicPhase(2 / (1.5 * 1.5 - 1) + 1e-3, 1.5).phase).toBe("divergent");
    expect(cubicPhase(2 / (1.5 * 1.5 - 1) - 1e-3, 1.5).phase).not.toBe("divergent");
    // From z0 = 1.3, r = 0.4: r (z0^2 + z0) = 1.196 > 1, so f(z0) < 1: approached from both sides.
    expect(cubicPhase(0.4, 1.3).phase).toBe("catapult");
    expect(cubicPhase(0.4, 0.5).phase).toBe("monotonic");
  });
});
