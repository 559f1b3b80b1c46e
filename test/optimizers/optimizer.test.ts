import { describe, expect, it } from "vitest";
import { momentum, sgd } from "../../src/optimizers/optimizer.js";
import { constant, inverseTime } from "../../src/optimizers/schedule.js";

describe("optimizers follow their recursions", () => {
  const grads = [
    [1, -2],
    [0.5, 0.25],
    [-1, 3],
  ];

  it("sgd: x <- x - lr(l) grad, with the schedule evaluated at each step", () => {
    const schedule = inverseTime(0.1, 2);
    const opt = sgd(schedule);
    const x = new Float64Array([1, 1]);
    opt.init(2);
    const expected = [1, 1];
    grads.forEach((g, l) => {
      opt.step(x, new Float64Array(g), l);
      for (let i = 0; i < 2; i++) expected[i] -= (0.1 / (1 + l / 2)) * g[i];
    });
    // Same operations in the same order: equal to rounding.
    expect(Array.from(x)).toEqual(expected);
    expect(opt.plainSgd).toBe(true);
  });

  it("momentum: p <- beta p - lr grad, x <- x + p; beta = 0 is plain SGD", () => {
    const opt = momentum(constant(0.2), 0.9);
    const x = new Float64Array([0, 0]);
    opt.init(2);
    const p = [0, 0];
    const expected = [0, 0];
    grads.forEach((g, l) => {
      opt.step(x, new Float64Array(g), l);
      for (let i = 0; i < 2; i++) {
        p[i] = 0.9 * p[i] - 0.2 * g[i];
        expected[i] += p[i];
      }
    });
    expect(Array.from(x)).toEqual(expected);
    expect(opt.plainSgd).toBe(false);
    expect(momentum(constant(0.2), 0).plainSgd).toBe(true);
  });
});
