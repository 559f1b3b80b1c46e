import { describe, expect, it } from "vitest";
import { glmLosses } from "../../../src/models/glm/losses.js";

/**
 * Derivatives against central differences with step h = 1e-5: the truncation error is h^2 |f'''|/6 <
 * 1e-9 for these losses away from the hinge's joints (points chosen off them) and the rounding error
 * eps |f|/h ~ 1e-11, so 1e-7 is a safe bound.
 */
describe("glm losses: derivatives match finite differences", () => {
  const h = 1e-5;
  const points: [number, number][] = [
    [0.3, 1],
    [-1.7, 1],
    [2.5, -1],
    [0.95, 1],
    [-0.2, -1],
  ];
  it.each(Object.keys(glmLosses))("%s", (name) => {
    const loss = glmLosses[name as keyof typeof glmLosses];
    for (const [H, y] of points) {
      const fd1 = (loss.value(H + h, y) - loss.value(H - h, y)) / (2 * h);
      const fd2 = (loss.d1(H + h, y) - loss.d1(H - h, y)) / (2 * h);
      expect(Math.abs(loss.d1(H, y) - fd1)).toBeLessThan(1e-7);
      expect(Math.abs(loss.d2(H, y) - fd2)).toBeLessThan(1e-7);
    }
  });

  it("logistic does not overflow at large margins", () => {
    expect(glmLosses.logistic.value(-800, 1)).toBeCloseTo(800, 10);
    expect(glmLosses.logistic.value(800, 1)).toBe(0);
    expect(glmLosses.logistic.d2(800, 1)).toBe(0);
  });
});
