import { describe, expect, it } from "vitest";
import { runExperiment } from "../../../src/catalogue/index.js";
import type { Series } from "../../../src/experiment/record.js";
import { finiteSizeConstant } from "../../../src/models/glm/tolerance.js";

/** The square-loss example (examples/glm-square.json) at dimension d with `runs` runs, exact theory only. */
function squareSpec(d: number, runs: number) {
  return {
    model: { name: "glm", loss: "square", teacher: "linear", alpha: 3, ridge: 0.5, sigma: 0 },
    optimizer: { name: "sgd", lr: 0.1, batchFraction: 0.3, momentum: 0 },
    init: { m0: 0.2, q0: 1 },
    steps: 20,
    theory: ["exact"],
    simulation: { d, runs, batch: "bernoulli" },
    seed: 1,
  };
}

describe("finite-d bias of the glm simulation (the measurement behind tolerance.ts finiteSizeConstant)", () => {
  it("d (E x − x_exact)/(1 + |x|) stays below finiteSizeConstant at d = 25", async () => {
    const d = 25;
    const record = await runExperiment(squareSpec(d, 6400));
    const sim = record.series.find((s) => s.source === "simulation") as Series;
    const exact = record.series.find((s) => s.source === "exact") as Series;
    let largest = 0;
    for (const [name, mean] of Object.entries(sim.values)) {
      const theory = exact.values[name];
      if (!theory) continue;
      for (let j = 0; j < mean.length; j++) {
        const unit = 1 + Math.abs(theory[j]);
        const c = (d * Math.abs(mean[j] - theory[j])) / unit;
        const se = (d * (sim.stderr?.[name]?.[j] ?? 0)) / unit;
        // The part of |c| the Monte-Carlo error cannot explain (4.4 se: Bonferroni over 5 statistics ×
        // 21 steps at ~1e-3 overall) must fit under the bound the tolerance uses.
        largest = Math.max(largest, c - 4.4 * se);
      }
    }
    expect(largest).toBeLessThan(finiteSizeConstant);
    // The test has teeth: the coefficient is resolved (q: 0.18 ± 0.02 at d = 25, README), not 0.
    const q = sim.values.q.map((m, j) => (d * (m - exact.values.q[j])) / (1 + exact.values.q[j]));
    expect(Math.max(...q)).toBeGreaterThan(0.05);
  });
});
