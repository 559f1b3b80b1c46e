import { describe, expect, it } from "vitest";
import { type OdeOptions, type OdeProblem, solveOde } from "../../../src/theory/ode/index.js";

/** One run per method: dopri5 adaptive with default tolerances, the fixed-step ones with h = 1e-3. */
const methods: { name: "euler" | "rk4" | "dopri5"; options: OdeOptions }[] = [
  { name: "euler", options: { h: 1e-3 } },
  { name: "rk4", options: { h: 1e-3 } },
  { name: "dopri5", options: {} },
];

/** y' = y^2, y(0) = 1: y = 1 / (1 - t), blows up at t = 1. */
const blowUp: OdeProblem = {
  dim: 1,
  y0: [1],
  rhs: (_t, y, dydt) => {
    dydt[0] = y[0] * y[0];
  },
};

const times = Array.from({ length: 21 }, (_, i) => i / 10);

describe("numerical failure is a status value", () => {
  it.each(methods)("$name: y' = y^2 to t = 2 stops near the blow-up at t = 1", ({ name, options }) => {
    const sol = solveOde(blowUp, name, times, options);
    expect(["diverged", "step-size-too-small"]).toContain(sol.status);
    // The message names the failure time (12 significant digits).
    const named = Number(/at t = ([-+\d.e]+)/.exec(sol.message ?? "")?.[1]);
    expect(named).toBeCloseTo(sol.failedAt as number, 10);
    // dopri5 shrinks its step towards t = 1 until it underflows (failedAt - 1 ~ 1e-9); fixed steps of
    // 1e-3 overshoot the singularity and overflow blowUp = 1e100 a few steps later (rk4 1.002,
    // euler 1.015: explicit Euler lags the singularity by O(h log(1/h))). Both well within 0.05.
    expect(Math.abs((sol.failedAt as number) - 1)).toBeLessThan(0.05);
    for (let j = 0; j < times.length; j++) {
      if (times[j] > (sol.failedAt as number)) expect(sol.y[0][j]).toBeNaN();
    }
    // Before the failure the solution is still right: y(0.5) = 2 (euler: error ~ h * t y'' / 2 ~ 4e-3).
    expect(sol.y[0][5]).toBeCloseTo(2, 2);
  });

  it.each(methods)(
    "$name: a right-hand side that is always NaN gives status failed at t0",
    ({ name, options }) => {
      const problem: OdeProblem = {
        dim: 2,
        y0: [1, 2],
        rhs: (_t, _y, dydt) => {
          dydt[0] = 0;
          dydt[1] = Number.NaN;
        },
      };
      const sol = solveOde(problem, name, [0, 1, 2], options);
      expect(sol.status).toBe("failed");
      // Detected at t0 (dopri5 checks f(t0, y0)) or at the end of the first step (fixed-step methods).
      expect(sol.failedAt).toBeLessThanOrEqual(1e-3);
      expect(sol.message).toMatch(/NaN/);
      // The output at t0 is the initial state; everything after is NaN.
      expect([sol.y[0][0], sol.y[1][0]]).toEqual([1, 2]);
      for (const column of sol.y) expect(Array.from(column.subarray(1)).every(Number.isNaN)).toBe(true);
    },
  );

  it.each(methods)(
    "$name: a right-hand side that turns NaN at t = 0.5 gives status failed there",
    ({ name, options }) => {
      const problem: OdeProblem = {
        dim: 1,
        y0: [1],
        rhs: (t, y, dydt) => {
          dydt[0] = t < 0.5 ? -y[0] : Math.log(-1);
        },
      };
      const sol = solveOde(problem, name, [0, 0.25, 1], options);
      expect(sol.status).toBe("failed");
      // Fixed-step methods fail at the end of the step that reaches t = 0.5 (within h = 1e-3); dopri5
      // rejects NaN trial steps, shrinking h until it underflows just below t = 0.5.
      expect(Math.abs((sol.failedAt as number) - 0.5)).toBeLessThanOrEqual(1e-3 + 1e-12);
      expect(sol.y[0][1]).toBeCloseTo(Math.exp(-0.25), 3);
      expect(sol.y[0][2]).toBeNaN();
    },
  );

  it.each(methods)("$name: exceeding maxSteps gives status not-converged", ({ name, options }) => {
    const sol = solveOde(blowUp, name, [0, 0.5], { ...options, maxSteps: 10 });
    expect(sol.status).toBe("not-converged");
    expect(sol.message).toMatch(/maxSteps = 10/);
    expect(sol.stats.steps + sol.stats.rejected).toBe(10);
    // Ten steps of at most 0.05 (fixed: 1e-3; dopri5's steps on y' = y^2 near t = 0 are ~5e-3).
    expect(sol.failedAt).toBeGreaterThan(0);
    expect(sol.failedAt).toBeLessThan(0.5);
    expect(sol.y[0][0]).toBe(1);
    expect(sol.y[0][1]).toBeNaN();
  });

  it.each(methods)("$name: a NaN initial state gives status failed without stepping", ({ name, options }) => {
    const sol = solveOde({ ...blowUp, y0: [Number.NaN] }, name, [0, 1], options);
    expect(sol.status).toBe("failed");
    expect(sol.failedAt).toBe(0);
    expect(sol.stats.steps).toBe(0);
  });

  it("a blowUp threshold below the solution reports diverged with the offending value", () => {
    // y' = y, y(0) = 1 crosses e^1 > 2.5 between t = 0.9 and t = 1.
    const growth: OdeProblem = {
      dim: 1,
      y0: [1],
      rhs: (_t, y, dydt) => {
        dydt[0] = y[0];
      },
    };
    const sol = solveOde(growth, "rk4", [0, 2], { h: 0.1, blowUp: 2.5 });
    expect(sol.status).toBe("diverged");
    expect(sol.failedAt).toBeCloseTo(1, 12);
    expect(sol.message).toMatch(/blowUp = 2\.5/);
  });
});
