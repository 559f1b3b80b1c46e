import { describe, expect, it } from "vitest";
import { runExperiment } from "../../../src/catalogue/index.js";
import { meanGapMultiplier } from "../../../src/experiment/tolerance.js";
import { spikedBiasProblem } from "../../../src/models/spiked-tensor/correction.js";
import { solveOde } from "../../../src/theory/ode/solve.js";

/**
 * The finite-N bias of the simulation mean is predicted by the linear-noise correction b(t)/N: the
 * tolerances of the spiked tensor agreement rest on it, so it is checked against exact (dimension-free)
 * simulation with enough runs to resolve it.
 */
describe("finite-N correction of the ballistic limit: N (E[u] - u_ode) -> b(t)", () => {
  it.each([
    ["k = 2, above threshold", 2, 400, 1.2, 0.5, [0.3, 1]],
    ["k = 3, snr 4", 3, 800, 4, 1, [0.5, 0.5]],
  ] as const)("%s", async (_label, k, N, snr, cDelta, [m0, r0]) => {
    const runs = 16_000;
    const record = await runExperiment({
      model: { name: "spiked-tensor", k, N, snr },
      optimizer: { name: "sgd", cDelta },
      init: { m: m0, rPerp2: r0 },
      horizon: 1,
      points: 6,
      runs,
      simulation: "dimension-free",
      theory: ["ode"],
    });
    const sim = record.series.find((s) => s.source === "simulation")!;
    const ode = record.series.find((s) => s.source === "ode")!;
    const b = solveOde(spikedBiasProblem({ k, snr, cDelta }, [m0, r0, 0, 0, 0, 0, 0]), "dopri5", sim.t).y;
    const z = meanGapMultiplier(runs);
    for (const [stat, row] of [
      ["m", b[5]],
      ["rPerp2", b[6]],
    ] as const) {
      const bmax = Math.max(...Array.from(row, Math.abs));
      expect(bmax, `the correction of ${stat} is resolved by the runs`).toBeGreaterThan(
        5 * N * sim.stderr![stat].at(-1)!,
      );
      for (let j = 1; j < sim.t.length; j++) {
        const scaledGap = N * (sim.values[stat][j] - ode.values[stat][j]);
        // Noise of N × gap at 4 sigma, plus the next order of the expansion, O(1/N) in N × gap with the
        // scale b^2 of the square of the first-order term.
        const tol = z * N * sim.stderr![stat][j] + (2 * bmax * bmax) / N;
        expect(Math.abs(scaledGap - row[j]), `${stat} at t = ${sim.t[j]}`).toBeLessThan(tol);
      }
    }
  });
});
