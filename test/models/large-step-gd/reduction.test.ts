import { describe, expect, it } from "vitest";
import { runExperiment } from "../../../src/catalogue/index.js";

const names = ["monotonic", "catapult", "periodic", "chaotic", "divergent"];

describe("GD reduces to the cubic map on orthonormal data (science/04 §§1, 6)", () => {
  it.each([0.4, 0.8])(
    "phase retrieval, d = 100, n = 80, y = 1, lr = r n, r = %s: gap < 1e-10 over 60 steps",
    async (r) => {
      const rec = await runExperiment({
        model: { name: "phase-retrieval", d: 100, n: 80, data: "orthogonal", labels: 1 },
        optimizer: { name: "gd", lr: r * 80 },
        steps: 60,
      });
      // Public acceptance case: the per-sample x_i·w_t follow z -> z(1 + r(1 - z^2)) exactly, so only
      // round-off (1e-16 per step, contracted outside chaos) separates them.
      expect(rec.scalars.mapDeviation).toBeLessThan(1e-10);
      expect(rec.scalars.rMin).toBeCloseTo(r, 12);
      expect(names[rec.scalars.phase]).toBe(r < 0.5 ? "monotonic" : "catapult");
      expect(names[rec.scalars.observedPhase]).toBe(names[rec.scalars.phase]);
    },
  );

  it("the quadratic network's s_i = f_i / y_i follow s -> s(1 + r_i(1 - s))^2 with r_i = 2 c lr y_i / n", async () => {
    const rec = await runExperiment({
      model: { name: "quadratic-network", d: 100, n: 80, width: 50, outer: 0.1414, data: "orthogonal" },
      optimizer: { name: "gd", lr: 20 },
      steps: 100,
      points: 5,
    });
    // r_max = 0.73 < 1: every sample converges, so the gap stays at round-off.
    expect(rec.scalars.rMax).toBeLessThan(1);
    expect(rec.scalars.mapDeviation).toBeLessThan(1e-10);
  });

  it("a chaotic run departs from the map (statistics, not trajectories, agree there)", async () => {
    const rec = await runExperiment({
      model: { name: "quadratic-network", d: 100, n: 80, width: 50, outer: 0.1414, data: "orthogonal" },
      optimizer: { name: "gd", lr: 48 },
      steps: 300,
      points: 5,
    });
    expect(names[rec.scalars.phase]).toBe("chaotic");
    expect(names[rec.scalars.observedPhase]).toBe("chaotic");
    // e^{lambda t} x round-off reaches O(1) within a few hundred steps at lambda ~ 0.7.
    expect(rec.scalars.mapDeviation).toBeGreaterThan(1e-3);
  });
});

describe("generic Gaussian data: the five phases in a coarse step-size scan of real GD", () => {
  it("phase retrieval, d = 100, n = 40, y = 1: monotonic, catapult, periodic, chaotic, divergent in order", async () => {
    const observed: string[] = [];
    for (const lr of [4, 12, 20, 25, 32]) {
      const rec = await runExperiment({
        model: { name: "phase-retrieval", d: 100, n: 40, data: "gaussian", labels: 1 },
        optimizer: { name: "gd", lr },
        steps: 1000,
        points: 3,
      });
      observed.push(names[rec.scalars.observedPhase]);
    }
    expect(observed).toEqual(names);
  });
});
