import { describe, expect, it } from "vitest";
import { classifyAttractor, smallestPeriod } from "../../../src/theory/maps/classify.js";
import { iterateMap } from "../../../src/theory/maps/iterate.js";
import { logistic } from "./fixtures.js";

describe("iterateMap and classifyAttractor on the logistic map", () => {
  it("the derivative is the finite difference of the step", () => {
    for (const [x, r] of [
      [0.2, 3.1],
      [0.7, 3.9],
    ]) {
      const h = 1e-6;
      const fd = (logistic.step(x + h, r) - logistic.step(x - h, r)) / (2 * h);
      // Central difference error is h^2 f'''/6 = 0 for a quadratic: only round-off ~ 1e-16 / h.
      expect(Math.abs(fd - logistic.derivative(x, r))).toBeLessThan(1e-9);
    }
  });

  it.each([1.5, 2.5, 2.8, 2.95])("r = %s: fixed point 1 - 1/r, exponent ln|2 - r|", (r) => {
    const a = classifyAttractor(logistic, r, 0.1);
    expect(a.kind).toBe("fixed-point");
    expect(a.period).toBe(1);
    // Converged to round-off: the multiplier |2 - r| <= 0.95 over >= 2000 steps leaves < 1e-40.
    expect(Math.abs(a.points[0] - (1 - 1 / r))).toBeLessThan(1e-12);
    // On a fixed point every term of the mean is ln|f'(x*)| = ln|2 - r|: equal to round-off.
    expect(Math.abs(a.lyapunov - Math.log(Math.abs(2 - r)))).toBeLessThan(1e-9);
  });

  it("r = 3.2: period 2 with the closed-form cycle (r + 1 ± sqrt((r+1)(r-3)))/(2r)", () => {
    const r = 3.2;
    const a = classifyAttractor(logistic, r, 0.1);
    expect([a.kind, a.period]).toEqual(["periodic", 2]);
    const root = Math.sqrt((r + 1) * (r - 3));
    const cycle = [(r + 1 - root) / (2 * r), (r + 1 + root) / (2 * r)];
    const found = [a.points[0], a.points[1]].sort();
    for (let i = 0; i < 2; i++) expect(Math.abs(found[i] - cycle[i])).toBeLessThan(1e-12);
  });

  it("periods 4 and 3 (inside the window opening at 1 + sqrt8), chaos at 3.9, escape at r = 4.5", () => {
    expect(classifyAttractor(logistic, 3.5, 0.1).period).toBe(4);
    expect(classifyAttractor(logistic, 3.83, 0.1).period).toBe(3);
    const chaos = classifyAttractor(logistic, 3.9, 0.1);
    expect(chaos.kind).toBe("chaotic");
    expect(chaos.lyapunov).toBeGreaterThan(0.3);
    const out = classifyAttractor(logistic, 4.5, 0.1);
    expect(out.kind).toBe("escape");
    expect(out.escapeStep).toBeGreaterThan(0);
    expect(Number.isFinite(out.lyapunov)).toBe(true);
  });

  it("at a flip point (r = 3, multiplier -1) convergence is algebraic: unresolved, exponent ~ 0-", () => {
    const a = classifyAttractor(logistic, 3, 0.1, { maxTransientFactor: 4 });
    expect(a.kind).toBe("unresolved");
    expect(a.period).toBe(0);
    expect(a.lyapunov).toBeLessThanOrEqual(0);
    expect(a.lyapunov).toBeGreaterThan(-0.01);
  });

  it("iterateMap reports the escape step and keeps the transient out", () => {
    const o = iterateMap(logistic, 2.5, 0.1, { transient: 10, keep: 3 });
    expect(o.filled).toBe(3);
    let x = 0.1;
    for (let t = 0; t < 11; t++) x = logistic.step(x, 2.5);
    expect(o.points[0]).toBe(x);
    // From x0 = 2 at r = 4: x1 = -8, x2 = -288, x3 = -3.3e5, x4 = -4.4e11 > 1e6.
    expect(iterateMap(logistic, 4, 2, { transient: 100 }).escapeStep).toBe(4);
  });

  it("smallestPeriod finds the least period and rejects near-misses", () => {
    expect(smallestPeriod(Float64Array.of(1, 2, 3, 1, 2, 3, 1, 2), 4, 1e-12)).toBe(3);
    expect(smallestPeriod(Float64Array.of(1, 2, 1, 2 + 1e-6, 1, 2), 3, 1e-9)).toBe(0);
  });
});
