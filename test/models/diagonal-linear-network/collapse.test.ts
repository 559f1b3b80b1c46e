import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/core/rng.js";
import {
  discreteCollapseWindow,
  expectedLogFactor,
  logGrowthRate,
} from "../../../src/models/diagonal-linear-network/collapse.js";
import { dataMoments } from "../../../src/models/diagonal-linear-network/moments.js";

const SQRT3 = Math.sqrt(3);

/** E[(xy)^j] for y = k x + s eps, from the moments of x (E x^2 = 1, x^4: 3 or 9/5, x^6: 15 or 27/7, x^8: 105 or 9). */
function xyMoments(x: "gaussian" | "uniform", k: number, s: number): number[] {
  const mx = x === "gaussian" ? [1, 1, 3, 15, 105] : [1, 1, 9 / 5, 27 / 7, 9];
  const me = [1, 0, 1, 0, 3]; // E eps^{2i}: 1, -, 1, -, 3 (odd moments vanish)
  const m2 = k * k * mx[2] + s * s * mx[1];
  const m3 = k ** 3 * mx[3] + 3 * k * s * s * mx[2];
  const m4 = k ** 4 * mx[4] + 6 * k * k * s * s * mx[3] + s ** 4 * me[4] * mx[2];
  return [k, m2, m3, m4];
}

describe("the discrete-SGD collapse criterion E ln|1 + 2 lr x y| (science/03 §4, pitfall 3)", () => {
  it.each(["gaussian", "uniform"] as const)("%s x: small lr matches the Taylor series to O(lr^5)", (x) => {
    const [m1, m2, m3, m4] = xyMoments(x, 1, 1);
    const lr = 1e-3;
    const a = 2 * lr;
    // ln(1 + a m) = a m - a^2 m^2/2 + a^3 m^3/3 - a^4 m^4/4 + O(a^5 m^5): remainder ~ (2e-3)^5 E|xy|^5 ~ 1e-12.
    const series = a * m1 - (a * a * m2) / 2 + (a ** 3 * m3) / 3 - (a ** 4 * m4) / 4;
    expect(Math.abs(expectedLogFactor({ x, slope: 1, noise: 1 }, lr) - series)).toBeLessThan(1e-10);
  });

  it("large lr, uniform x: agrees with a Monte-Carlo mean within 4 standard errors", () => {
    const data = { x: "uniform" as const, slope: 1, noise: 2 };
    const lr = 0.2;
    const rng = Rng.fromSeed(7);
    const n = 200_000;
    let s = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const xv = rng.uniform(-SQRT3, SQRT3);
      const v = Math.log(Math.abs(1 + 2 * lr * xv * (xv + 2 * rng.normal())));
      s += v;
      ss += v * v;
    }
    const mean = s / n;
    const se = Math.sqrt((ss / n - mean * mean) / n);
    expect(Math.abs(expectedLogFactor(data, lr) - mean)).toBeLessThan(4 * se);
  });

  it("growth rate of ln v tends to the continuum 4 beta2 - 4 T alpha3 as lr -> 0", () => {
    const data = { x: "uniform" as const, slope: 1, noise: 1 };
    const m = dataMoments(data);
    const lr = 1e-4;
    // Discrete correction: -4 lr beta2^2 + O(lr^2) (the second moment E(xy)^2 = alpha3 + beta2^2).
    const continuum = 4 * m.beta2 - 4 * lr * m.alpha3;
    expect(Math.abs(logGrowthRate(data, lr) - continuum + 4 * lr * m.beta2 ** 2)).toBeLessThan(1e-5);
  });

  it("collapse window: none for k = sigma = 1; for sigma = 5 it starts just below Tc", () => {
    expect(discreteCollapseWindow({ x: "uniform", slope: 1, noise: 1 })).toBeUndefined();
    const data = { x: "uniform" as const, slope: 1, noise: 5 };
    const w = discreteCollapseWindow(data);
    const tc = 1 / (0.8 + 25);
    expect(w).toBeDefined();
    // First-order estimate beta2/(alpha3 + beta2^2) = 0.0374 is below Tc = 0.0388; the root is a zero of Lambda.
    expect(w?.from ?? 0).toBeLessThan(tc);
    expect(Math.abs(expectedLogFactor(data, w?.from ?? 0))).toBeLessThan(1e-9);
    expect(w?.to ?? 0).toBeGreaterThan(tc);
  });
});
