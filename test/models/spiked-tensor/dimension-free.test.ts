import { describe, expect, it } from "vitest";
import { simulateSpikedRun } from "../../../src/models/spiked-tensor/simulate-run.js";
import { spikedTensorSpec } from "../../../src/models/spiked-tensor/spec.js";
import { momentsAt } from "../../moments.js";

function ensemble(base: Record<string, unknown>, simulation: string, runs: number) {
  const spec = spikedTensorSpec.parse({ ...base, simulation, runs });
  return Array.from({ length: runs }, (_, i) => simulateSpikedRun(spec, i));
}

const cases: [string, Record<string, unknown>][] = [
  [
    "k = 2, N = 20, above threshold, from (0.3, 1)",
    {
      model: { name: "spiked-tensor", k: 2, N: 20, snr: 1.2 },
      optimizer: { cDelta: 0.5 },
      init: { m: 0.3, rPerp2: 1 },
      horizon: 3,
      points: 4,
    },
  ],
  [
    "k = 2, N = 200, random start below threshold",
    {
      model: { name: "spiked-tensor", k: 2, N: 200, snr: 0.5 },
      optimizer: { cDelta: 1 },
      init: { random: true },
      horizon: 2,
      points: 5,
    },
  ],
  [
    "k = 3, N = 100, snr 4",
    {
      model: { name: "spiked-tensor", k: 3, N: 100, snr: 4 },
      optimizer: { cDelta: 1 },
      init: { m: 0.5, rPerp2: 0.5 },
      horizon: 1,
      points: 5,
    },
  ],
];

describe("dimension-free simulator agrees in distribution with the full simulator", () => {
  it.each(cases)("%s", (_label, base) => {
    // Small N on purpose: any error in the finite-N law (a wrong chi-square degree, a missing cross term)
    // is O(1/N) and shows most at small N. 600 independent runs per simulator.
    const runs = 600;
    const full = ensemble(base, "full", runs);
    const free = ensemble(base, "dimension-free", runs);
    expect(full.every((r) => r.status === "ok") && free.every((r) => r.status === "ok")).toBe(true);
    const points = full[0].values[0].length;
    for (const s of [0, 2]) {
      for (let j = 1; j < points; j++) {
        const a = momentsAt(full.map((r) => r.values[s][j]));
        const b = momentsAt(free.map((r) => r.values[s][j]));
        // Two independent samples: the difference has sd sqrt(se_a^2 + se_b^2); 4.5 sd keeps the family
        // of 2 statistics × 2 moments × ~4 times × 3 cases (48 comparisons) below a 1e-3 false alarm rate.
        expect(Math.abs(a.mean - b.mean), `mean of statistic ${s} at point ${j}`).toBeLessThan(
          4.5 * Math.hypot(a.meanSe, b.meanSe),
        );
        expect(Math.abs(a.variance - b.variance), `variance of statistic ${s} at point ${j}`).toBeLessThan(
          4.5 * Math.hypot(a.varianceSe, b.varianceSe),
        );
      }
    }
  });

  it("diverges equally often: k = 3, N = 50, where large steps blow up a fraction of the runs", () => {
    // delta = 1/50 is a large step for k = 3: about 1 run in 6 leaves every bounded region within a few
    // steps. Both simulators must show the same divergence probability (a finite-N property).
    const base = {
      model: { name: "spiked-tensor", k: 3, N: 50, snr: 4 },
      optimizer: { cDelta: 1 },
      init: { m: 0.5, rPerp2: 0.5 },
      horizon: 1,
      points: 5,
    };
    const runs = 600;
    const fraction = (sim: string) =>
      ensemble(base, sim, runs).filter((r) => r.status === "diverged").length / runs;
    const a = fraction("full");
    const b = fraction("dimension-free");
    expect(a).toBeGreaterThan(0.05);
    // Difference of two binomial proportions: sd sqrt(2 p (1 - p) / runs); 4.5 sd.
    const p = (a + b) / 2;
    expect(Math.abs(a - b)).toBeLessThan(4.5 * Math.sqrt((2 * p * (1 - p)) / runs));
  });
});
