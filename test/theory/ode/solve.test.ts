import { describe, expect, it } from "vitest";
import {
  dopri5,
  euler,
  type OdeProblem,
  odeMethods,
  resolveOdeMethod,
  rk4,
  solveOde,
} from "../../../src/theory/ode/index.js";
import { exactProblems, maxError } from "./exactProblems.js";

const decay: OdeProblem = {
  dim: 1,
  y0: [1],
  rhs: (_t, y, dydt) => {
    dydt[0] = -y[0];
  },
};

describe("solveOde and the method registry", () => {
  it("registers euler, rk4, dopri5 with their declared orders", () => {
    expect(Object.keys(odeMethods)).toEqual(["euler", "rk4", "dopri5"]);
    expect([euler.order, rk4.order, dopri5.order]).toEqual([1, 4, 5]);
    expect([euler.adaptive, rk4.adaptive, dopri5.adaptive]).toEqual([false, false, true]);
    for (const [name, method] of Object.entries(odeMethods)) expect(method.name).toBe(name);
  });

  it("accepts a method object or its name, with the same result", () => {
    const byName = solveOde(decay, "rk4", [0, 1], { h: 0.1 });
    const byObject = solveOde(decay, rk4, [0, 1], { h: 0.1 });
    expect(byName).toEqual(byObject);
    expect(resolveOdeMethod("dopri5")).toBe(dopri5);
  });

  it("rk4 hits the output times exactly with ceil(interval / h) steps per interval", () => {
    const times = [0, 0.25, 1];
    const sol = solveOde(decay, "rk4", times, { h: 0.1 });
    expect(Array.from(sol.t)).toEqual(times);
    // ceil(0.25 / 0.1) + ceil(0.75 / 0.1) = 3 + 8 steps, 4 evaluations each.
    expect(sol.stats).toEqual({ steps: 11, rejected: 0, rhsEvaluations: 44 });
    // The intervals are integrated independently of what follows: the value at 0.25 is the same alone.
    expect(sol.y[0][1]).toBe(solveOde(decay, "rk4", [0, 0.25], { h: 0.1 }).y[0][1]);
    // An interval that is a whole number of steps up to round-off takes no extra sliver step.
    // (3 * 0.1 = 0.30000000000000004 and 0.30000000000000004 / 0.1 = 3.0000000000000004.)
    expect(solveOde(decay, "rk4", [0, 3 * 0.1], { h: 0.1 }).stats.steps).toBe(3);
  });

  it("starts at problem.t0 when given, and repeated output times repeat the value", () => {
    const entry = exactProblems[2]; // y' = -2 t y, y = exp(-t^2)
    const problem = { ...entry.problem, t0: 1, y0: [Math.exp(-1)] };
    for (const method of ["rk4", "dopri5"] as const) {
      const sol = solveOde(problem, method, [1.5, 1.5, 2], { h: 0.01 });
      expect(sol.status).toBe("ok");
      expect(sol.y[0][0]).toBe(sol.y[0][1]);
      // rk4 with h = 0.01 on [1, 2]: error ~ 1e-9 (measured); dopri5 with the default tolerances ~1e-9.
      expect(maxError(entry, sol)).toBeLessThan(1e-7);
    }
  });

  it("handles outputs only at t0 and an empty list of times", () => {
    const at0 = solveOde(decay, "dopri5", [0, 0]);
    expect(at0.status).toBe("ok");
    expect(Array.from(at0.y[0])).toEqual([1, 1]);
    expect(at0.stats.steps).toBe(0);
    const none = solveOde(decay, "rk4", [], { h: 0.1 });
    expect(none.status).toBe("ok");
    expect(none.y[0]).toHaveLength(0);
  });

  it("does not modify y0", () => {
    const y0 = [1];
    solveOde({ ...decay, y0 }, "euler", [0, 1], { h: 0.1 });
    expect(y0).toEqual([1]);
  });

  it("throws a plain Error naming the input for programmer errors", () => {
    expect(() => solveOde(decay, "rk4", [0, 1, 0.5], { h: 0.1 })).toThrow(/times\[2\] = 0\.5 is invalid/);
    expect(() => solveOde({ ...decay, y0: [1, 2] }, "rk4", [0, 1], { h: 0.1 })).toThrow(/problem\.y0/);
    expect(() => solveOde({ ...decay, dim: 0 }, "rk4", [0, 1], { h: 0.1 })).toThrow(/problem\.dim/);
    expect(() => solveOde(decay, "rk4", [0, 1])).toThrow(/options\.h .*fixed-step method rk4/);
    expect(() => solveOde(decay, "dopri5", [0, 1], { fixedStep: true })).toThrow(/options\.h/);
    expect(() => solveOde(decay, "dopri5", [0, 1], { rtol: -1 })).toThrow(/options\.rtol = -1/);
    expect(() => solveOde(decay, "euler", [0, 1], { h: 0.1, maxSteps: 1.5 })).toThrow(/options\.maxSteps/);
    expect(() => solveOde({ ...decay, t0: 1 }, "rk4", [0, 1], { h: 0.1 })).toThrow(/problem\.t0 = 1/);
    expect(() => solveOde(decay, "rk5" as "rk4", [0, 1])).toThrow(/method = "rk5".*euler, rk4, dopri5/);
  });
});
