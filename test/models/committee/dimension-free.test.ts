import { describe, expect, it } from "vitest";
import { simulateCommitteeRun } from "../../../src/models/committee/simulate-run.js";
import { committeeSpec } from "../../../src/models/committee/spec.js";
import { momentsAt } from "../../moments.js";

function ensemble(base: Record<string, unknown>, simulation: string, runs: number) {
  const spec = committeeSpec.parse({ ...base, simulation, runs, theory: [] });
  return Array.from({ length: runs }, (_, i) => simulateCommitteeRun(spec, i));
}

const cases: [string, Record<string, unknown>, string[]][] = [
  [
    "erf, p = k = 2, d = 12, random start, both layers, noise",
    {
      model: { name: "committee", d: 12, student: { width: 2 }, teacher: { width: 2 }, noise: 0.1 },
      optimizer: { lr: 1.5, trainReadout: true },
      init: { random: true, scale: 0.7 },
      horizon: 3,
      points: 4,
    },
    ["eg", "Q[0,0]", "Q[0,1]", "M[0,0]", "M[1,0]", "v[0]"],
  ],
  [
    "erf, p = 3, k = 1, d = 16, rank-deficient start (a zero student unit, one inside the teacher's span)",
    {
      model: { name: "committee", d: 16, student: { width: 3 }, teacher: { width: 1, readout: "sum" } },
      optimizer: { lr: 1 },
      init: {
        Q: [
          [0, 0, 0],
          [0, 0.25, 0.1],
          [0, 0.1, 0.5],
        ],
        M: [[0], [0.5], [0.2]],
        P: [[1]],
      },
      horizon: 2,
      points: 3,
    },
    ["eg", "Q[0,0]", "Q[1,1]", "Q[0,2]", "M[0,0]", "M[2,0]"],
  ],
  [
    "ReLU, p = k = 2, d = 12, random start",
    {
      model: { name: "committee", d: 12, activation: "relu", student: { width: 2 }, teacher: { width: 2 } },
      optimizer: { lr: 1 },
      horizon: 2,
      points: 3,
    },
    ["eg", "Q[0,0]", "Q[0,1]", "M[0,1]"],
  ],
  [
    "linear, p = 2, k = 3, d = 10",
    {
      model: {
        name: "committee",
        d: 10,
        activation: "linear",
        student: { width: 2 },
        teacher: { width: 3 },
        noise: 0.05,
      },
      optimizer: { lr: 0.8 },
      horizon: 2,
      points: 3,
    },
    ["eg", "Q[0,0]", "Q[0,1]", "M[1,2]"],
  ],
];

describe("dimension-free simulator agrees in distribution with the full simulator", () => {
  it.each(cases)("%s", (_label, base, stats) => {
    // Small d on purpose: an error in the finite-d law (a wrong chi-square degree, a missing |x|² term,
    // a mishandled rank) is O(1/d) and shows most at small d. 800 independent runs per simulator.
    const runs = 800;
    const full = ensemble(base, "full", runs);
    const free = ensemble(base, "dimension-free", runs);
    expect(full.every((r) => r.status === "ok") && free.every((r) => r.status === "ok")).toBe(true);
    const index = (name: string) => statisticIndex(base, name);
    for (const name of stats) {
      const s = index(name);
      for (let j = 1; j < full[0].values[0].length; j++) {
        const a = momentsAt(full.map((r) => r.values[s][j]));
        const b = momentsAt(free.map((r) => r.values[s][j]));
        // Two independent samples: the difference has sd sqrt(se_a² + se_b²); 4.5 sd keeps the family of
        // ~16 statistics × 2 moments × 2-3 times (~90 comparisons) below a 1e-3 false-alarm rate.
        expect(Math.abs(a.mean - b.mean), `mean of ${name} at point ${j}`).toBeLessThan(
          4.5 * Math.hypot(a.meanSe, b.meanSe),
        );
        expect(Math.abs(a.variance - b.variance), `variance of ${name} at point ${j}`).toBeLessThan(
          4.5 * Math.hypot(a.varianceSe, b.varianceSe),
        );
      }
    }
  });

  it("runs at d = 1e9 (no O(d) work anywhere) and stays finite", () => {
    const spec = committeeSpec.parse({
      model: { name: "committee", d: 1e9, student: { width: 2 }, teacher: { width: 2 } },
      optimizer: { lr: 0.5 },
      horizon: 2e-6,
      points: 3,
      simulation: "dimension-free",
    });
    const run = simulateCommitteeRun(spec, 0);
    expect(run.status).toBe("ok");
    // At d = 1e9 the start is Q = 0.25 I, P = I, M = 0 to O(1/sqrt(d)) = 3e-5 (six sd: 2e-4).
    for (const v of run.values) expect(v.every(Number.isFinite)).toBe(true);
    expect(Math.abs(run.values[1][0] - 0.25)).toBeLessThan(0.25 * 6 * Math.sqrt(2 / 1e9));
  });
});

/** Position of a statistic in the run's values (names as committeeStatisticNames). */
function statisticIndex(base: Record<string, unknown>, name: string): number {
  const spec = committeeSpec.parse({ ...base, simulation: "dimension-free" });
  const p = spec.model.student.width;
  const k = spec.model.teacher.width;
  const names = ["eg"];
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) names.push(`Q[${i},${j}]`);
  for (let i = 0; i < p; i++) for (let n = 0; n < k; n++) names.push(`M[${i},${n}]`);
  if (spec.optimizer.trainReadout) for (let i = 0; i < p; i++) names.push(`v[${i}]`);
  return names.indexOf(name);
}
