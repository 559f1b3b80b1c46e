import { describe, expect, it } from "vitest";
import { type OdeMethodName, odeMethods, solveOde } from "../../../src/theory/ode/index.js";
import { exactProblems, logLogSlope, maxError } from "./exactProblems.js";

/**
 * Step sizes h = 0.2 / 2^j for j in [from, to], per method. Typed as a record over every registered
 * method name, so registering a method without a row here does not compile.
 *
 * Ranges were chosen from the measured errors (max over t = 1 and t = 2): the coarsest h is where the
 * local slope log2(err(h) / err(h/2)) is already within ~0.2 of the order on all four problems, the
 * finest is where the error of the easiest problem nears the round-off floor below.
 */
const stepRange: Record<OdeMethodName, { from: number; to: number }> = {
  euler: { from: 2, to: 8 }, // h = 0.05 ... 7.8e-4, errors 5e-2 ... 2e-5
  rk4: { from: 1, to: 6 }, // h = 0.1 ... 3.1e-3, errors 2e-5 ... 1e-13
  dopri5: { from: 1, to: 5 }, // h = 0.1 ... 6.3e-3 (fixedStep), errors 2e-7 ... 5e-16 (round-off)
};

/**
 * Errors below this are dropped from the fit (at least three points must remain): round-off over the
 * <= 640 steps of the finest rk4 / dopri5 runs is at most ~ steps * eps * |y| = 640 * 2.2e-16 * 2.7
 * ~ 4e-13 and ~1e-15 in practice (the measured floor, where local slopes turn erratic); above 1e-13 the
 * measured local slopes are still within 0.15 of their asymptotic value.
 */
const ROUND_OFF_FLOOR = 1e-13;

const cases = Object.values(odeMethods).flatMap((method) =>
  exactProblems.map((entry) => ({ method, entry, label: `${method.name} on ${entry.name}` })),
);

describe("convergence order of every ODE method", () => {
  it.each(cases)("$label: log-log slope of the error matches the declared order", ({ method, entry }) => {
    const { from, to } = stepRange[method.name as OdeMethodName];
    const hs: number[] = [];
    const errors: number[] = [];
    for (let j = from; j <= to; j++) {
      const h = 0.2 / 2 ** j;
      // fixedStep forces dopri5 to take steps of exactly h; the fixed-step methods ignore it.
      const sol = solveOde(entry.problem, method, [0, 1, 2], { h, fixedStep: true });
      expect(sol.status).toBe("ok");
      const err = maxError(entry, sol);
      if (err >= ROUND_OFF_FLOOR) {
        hs.push(h);
        errors.push(err);
      }
    }
    // A fit needs at least three points in the asymptotic, non-round-off regime.
    expect(hs.length).toBeGreaterThanOrEqual(3);
    const slope = logLogSlope(hs, errors);
    // The global error is C h^p + O(h^{p+1}), so the local slope is p + O(h). Over the ranges above the
    // measured slopes are euler 1.00-1.01, rk4 3.99-4.07, dopri5 5.05-5.23 (largest on y' = -2ty, where
    // h |df/dy| = 4h reaches 0.4 at the coarsest h): all within 0.3 of p, and a method of order p +- 1
    // would be off by ~1.
    expect(Math.abs(slope - method.order), `slope ${slope.toFixed(3)}, order ${method.order}`).toBeLessThan(
      0.3,
    );
  });
});
