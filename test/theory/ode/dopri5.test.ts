import { describe, expect, it } from "vitest";
import { dopri5, rk4, solveOde } from "../../../src/theory/ode/index.js";
import { exactProblems, maxError } from "./exactProblems.js";

const times50 = Array.from({ length: 50 }, (_, i) => (2 * i) / 49);

describe("dopri5 adaptive", () => {
  it.each(exactProblems)(
    "$name: rtol = atol = 1e-10 gives an error below 1e-8 at 50 dense outputs",
    (entry) => {
      const sol = dopri5.integrate(entry.problem, times50, { rtol: 1e-10, atol: 1e-10 });
      expect(sol.status).toBe("ok");
      // The controller keeps each step's local error estimate below tol * (1 + |y|) <= 4e-10, and the
      // propagated fifth-order solution is more accurate than that estimate (local extrapolation). The
      // global error sums ~30-100 propagated local errors, damped or amplified by at most e^2 on [0, 2]
      // (largest growth rate: logistic df/dy = 1 - 2y < 1). For such nonstiff problems this gives a global
      // error of a few tol (Hairer-Wanner I, sec. II.4, tolerance proportionality); the order-4 dense
      // output adds an interpolation error of the same size. Measured: 5e-11 ... 1.2e-9, so 1e-8 leaves
      // a margin of 8 and still fails for a controller off by a factor of 10 or a broken interpolant.
      expect(maxError(entry, sol)).toBeLessThan(1e-8);
    },
  );

  it.each(exactProblems)("$name: dense output does not shorten the steps", (entry) => {
    const dense = dopri5.integrate(entry.problem, times50, { rtol: 1e-10, atol: 1e-10 });
    const ends = dopri5.integrate(entry.problem, [0, 2], { rtol: 1e-10, atol: 1e-10 });
    // Same step sequence whatever the outputs: identical counts and a bitwise-identical final state.
    expect(dense.stats).toEqual(ends.stats);
    for (let i = 0; i < entry.problem.dim; i++) expect(dense.y[i][49]).toBe(ends.y[i][1]);
  });

  it("interpolates: on the logistic problem 27 steps produce 50 accurate outputs", () => {
    const entry = exactProblems[1];
    const sol = dopri5.integrate(entry.problem, times50, { rtol: 1e-10, atol: 1e-10 });
    expect(sol.stats.steps).toBeLessThan(50);
    expect(maxError(entry, sol)).toBeLessThan(1e-8);
  });

  it.each(exactProblems)("$name: far fewer rhs evaluations than rk4 for the same accuracy", (entry) => {
    const ref = dopri5.integrate(entry.problem, [0, 1, 2], { rtol: 1e-10, atol: 1e-10 });
    const target = maxError(entry, ref);
    let h = 0.2;
    let sol = rk4.integrate(entry.problem, [0, 1, 2], { h });
    while (maxError(entry, sol) > target) {
      h /= 2;
      sol = rk4.integrate(entry.problem, [0, 1, 2], { h });
    }
    // The first dyadic h at which rk4 matches dopri5 overshoots the accuracy by up to 2^4; rescale its
    // cost to exactly the target with the asymptotic law err ~ C h^4 (evaluations ~ err^{-1/4}).
    const rk4Cost = sol.stats.rhsEvaluations * (maxError(entry, sol) / target) ** 0.25;
    // Measured ratio 2.7-3.8 (raw 3.9-5.3): order 5 vs 4 and steps adapted to the solution.
    expect(rk4Cost).toBeGreaterThan(2 * ref.stats.rhsEvaluations);
  });

  it.each(exactProblems)(
    "$name: tolerance proportionality, tol 1e-4 -> 1e-8 shrinks the error > 100x",
    (entry) => {
      const errorAt = (tol: number) =>
        maxError(entry, solveOde(entry.problem, "dopri5", times50, { rtol: tol, atol: tol }));
      // With local extrapolation the global error of DOPRI5 is roughly proportional to tol (Hairer-Wanner
      // I, sec. II.4, Fig. 4.3), so 4 decades of tol should give ~4 decades of error; measured 520-6500x.
      // Asserting > 100x leaves room for the dense-output error and the step-count granularity at loose tol.
      expect(errorAt(1e-4) / errorAt(1e-8)).toBeGreaterThan(100);
    },
  );

  it("uses the given initial step and reports FSAL-consistent evaluation counts", () => {
    const entry = exactProblems[0];
    const sol = dopri5.integrate(entry.problem, [0, 2], { h: 0.01 });
    expect(sol.status).toBe("ok");
    // 1 evaluation at t0, then 6 per attempted step (FSAL: the 7th stage is the next step's first).
    expect(sol.stats.rhsEvaluations).toBe(1 + 6 * (sol.stats.steps + sol.stats.rejected));
    const auto = dopri5.integrate(entry.problem, [0, 2]);
    // Without h, the starting-step heuristic costs one more evaluation.
    expect(auto.stats.rhsEvaluations).toBe(2 + 6 * (auto.stats.steps + auto.stats.rejected));
  });
});
