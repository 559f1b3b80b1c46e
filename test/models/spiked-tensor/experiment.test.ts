import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runExperiment } from "../../../src/catalogue/index.js";
import type { ExperimentRecord, Series } from "../../../src/experiment/record.js";
import { lambdaCritical } from "../../../src/models/spiked-tensor/limits.js";
import { workerPool } from "../../../src/node/pool.js";

const publicCase = JSON.parse(
  readFileSync(new URL("../../../examples/spiked-matrix.json", import.meta.url), "utf8"),
);
const source = (r: ExperimentRecord, name: string): Series => r.series.find((s) => s.source === name)!;

describe("spiked tensor experiment: public acceptance case (science/01 §2)", () => {
  it.each(["full", "dimension-free"])(
    "%s simulation stays within 0.03 of the ODE, 0.02 at T",
    async (simulation) => {
      const record = await runExperiment({ ...publicCase, simulation });
      expect(record.status).toBe("ok");
      const sim = source(record, "simulation");
      const ode = source(record, "ode");
      expect(sim.runs).toBe(publicCase.runs);
      expect(sim.t.at(-1)).toBeCloseTo(10, 12);
      expect(ode.values.m.at(-1)!).toBeCloseTo(0.8367, 4);
      expect(ode.values.rPerp2.at(-1)!).toBeCloseTo(0.5, 4);
      for (const stat of ["m", "rPerp2"]) {
        // The acceptance bounds are the science file's published numbers (0.03 along, 0.02 at T).
        const gaps = sim.values[stat].map((v, j) => Math.abs(v - ode.values[stat][j]));
        expect(Math.max(...gaps), stat).toBeLessThan(0.03);
        expect(gaps.at(-1)!, stat).toBeLessThan(0.02);
        expect(record.agreement[stat].ode.pass, `${stat} agrees with the ODE (derived tolerance)`).toBe(true);
      }
      // Gradient flow predicts rPerp2 -> 0; the simulation settles at cDelta = 0.5.
      expect(record.agreement.rPerp2["gradient-flow"].pass).toBe(false);
      expect(record.agreement.rPerp2["gradient-flow"].final).toBeGreaterThan(0.4);
      expect(record.scalars).toMatchObject({ lambdaC: 0.5, rPerp2Star: 0.5 });
      expect(record.scalars.mStar).toBeCloseTo(Math.sqrt(0.7), 14);
    },
  );
});

describe("spiked tensor experiment: other regimes", () => {
  it("k = 3 scalars are the closed forms: lambdaC, mStar = 1 and mDagger at snr 4", async () => {
    const record = await runExperiment({
      model: { name: "spiked-tensor", k: 3, N: 1000, snr: 4 },
      optimizer: { name: "sgd", cDelta: 1 },
      simulation: "none",
      theory: ["ode"],
    });
    expect(record.scalars.lambdaC).toBe(lambdaCritical(3, 1));
    expect(record.scalars.mStar).toBeCloseTo(1, 12);
    // mDagger solves 4 m = (1 + m^2)^2 below m_c = 1/sqrt(3).
    const md = record.scalars.mDagger;
    expect(md).toBeLessThan(1 / Math.sqrt(3));
    expect(Math.abs(4 * md - (1 + md * md) ** 2)).toBeLessThan(1e-12);
  });

  it.each(["dimension-free", "full"])(
    "random start below threshold: %s N m^2 settles at cDelta^2/(cDelta - snr)",
    async (simulation) => {
      const full = simulation === "full";
      const record = await runExperiment({
        model: { name: "spiked-tensor", k: 2, N: full ? 400 : 1000, snr: 0.5 },
        optimizer: { name: "sgd", cDelta: 1 },
        init: { random: true },
        horizon: 3,
        points: 31,
        runs: full ? 200 : 1000,
        seed: 2,
        simulation,
        theory: ["diffusive"],
      });
      const stationary = record.scalars.stationaryNm2;
      expect(stationary).toBe(2);
      const sim = source(record, "simulation");
      // From t = 1.5 on, the OU transient e^{-8 (cDelta - snr) t} = e^{-6} is below 0.3% of the value.
      const settled = sim.t.map((t, j) => [t, j]).filter(([t]) => t >= 1.5);
      for (const [, j] of settled) {
        // Sampling error of the run count (Student t at 4 sigma, see agreement.ts) plus the O(1/N) bias.
        const tol = 4.1 * sim.stderr!.Nm2[j] + (10 * stationary) / (full ? 400 : 1000);
        expect(Math.abs(sim.values.Nm2[j] - stationary)).toBeLessThan(tol);
      }
      expect(record.agreement.Nm2.diffusive.pass).toBe(true);
    },
  );

  it("gives the same record with 1 and 2 worker threads", async () => {
    const spec = { ...publicCase, model: { ...publicCase.model, N: 300 }, horizon: 2, runs: 5 };
    const records = [];
    for (const workers of [1, 2]) {
      const pool = workerPool(workers);
      records.push(await runExperiment(spec, { executor: pool.executor }));
      await pool.close();
    }
    expect(records[1].series).toEqual(records[0].series);
    expect(records[1].agreement).toEqual(records[0].agreement);
  });

  it("a huge step diverges: status 'diverged' naming the step, no NaN in the record", async () => {
    const record = await runExperiment({
      model: { name: "spiked-tensor", k: 2, N: 500, snr: 1 },
      optimizer: { name: "sgd", cDelta: 400 },
      init: { m: 0.3, rPerp2: 1 },
      horizon: 10,
      runs: 3,
      simulation: "full",
      theory: ["ode"],
    });
    expect(record.status).toBe("diverged");
    expect(record.messages.join(" ")).toMatch(/run 0 diverged at step \d+/);
    expect(record.scalars.failedRuns).toBe(3);
    expect(record.agreement).toEqual({});
    expect(record.messages.join(" ")).toMatch(/agreement not measured/);
    for (const s of record.series)
      for (const v of Object.values(s.values)) expect(v.every(Number.isFinite)).toBe(true);
  });
});

describe("spiked tensor: the scale of m on the equator (docs/record.md, Power)", () => {
  it("from a random start, m vs diffusive is judged against one run's sd sqrt(S/N), not its noisy range", async () => {
    const N = 1000;
    const record = await runExperiment({
      model: { name: "spiked-tensor", k: 2, N, snr: 0.5 },
      optimizer: { name: "sgd", cDelta: 1 },
      init: { random: true },
      horizon: 2,
      points: 11,
      runs: 400,
      seed: 3,
      simulation: "dimension-free",
      theory: ["diffusive"],
    });
    const law = source(record, "diffusive");
    const entry = record.agreement.m.diffusive;
    // S = E[N m^2] rises from 1 towards 2: the scale is sqrt(max S / N) (README, "Scale of m").
    // (The record's Nm2 series and the gap model's S are two solves, each to relative 1e-9.)
    expect(entry.scale).toBeCloseTo(Math.sqrt(Math.max(...law.values.Nm2) / N), 9);
    const sim = source(record, "simulation").values.m;
    // The record range of m is noise, a few standard errors sqrt(S/(N runs)): far below the scale.
    expect(Math.max(...sim) - Math.min(...sim)).toBeLessThan(0.5 * (entry.scale ?? 0));
    // Other statistics keep their record range.
    expect(record.agreement.Nm2.diffusive.scale).toBeGreaterThan(0.5);
  });
});
