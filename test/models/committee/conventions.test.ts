import { describe, expect, it } from "vitest";
import type { ExperimentRecord } from "../../../src/experiment/record.js";
import { committeeConventions } from "../../../src/models/committee/conventions.js";
import { badField } from "../../spec-errors.js";
import { runCommittee } from "./run-committee.js";

/** One physical run: erf, p = k = 2, readouts (1, 1) explicit, η = 0.5, σ² = 0.01, canonical horizon 8. */
function inConvention(convention: string, lr: number, timeScale: number): Record<string, unknown> {
  return {
    model: {
      name: "committee",
      d: 500,
      student: { width: 2, readout: [1, 1] },
      teacher: { width: 2, readout: [1, 1] },
      noise: 0.01,
    },
    optimizer: { lr },
    convention,
    init: { random: true, scale: 0.5 },
    ode: { method: "rk4", dt: 0.02 / timeScale },
    horizon: 8 / timeScale,
    points: 9,
    runs: 3,
    simulation: "dimension-free",
  };
}

/** The record in canonical units: times × timeScale, every series value. */
function canonical(r: ExperimentRecord) {
  return r.series.map((s) => ({
    source: s.source,
    t: s.t.map((x) => x * r.scalars.timeScale),
    values: s.values,
  }));
}

describe("conventions (science/06 §5)", () => {
  it("the same physical run in every convention gives the same canonical record", async () => {
    const runs = [
      inConvention("canonical", 0.5, 1),
      inConvention("saad-solla-1995", 0.5, 1),
      inConvention("goldt-2019", 0.5, 1),
      // IdePHICS: lr = gamma_over_p, η = p lr; τ = (η/p) t.
      inConvention("arnaboldi-2023", 0.25, 4),
      inConvention("veiga-2022", 0.5, 1),
    ];
    const records = await Promise.all(runs.map(runCommittee));
    const reference = canonical(records[0]);
    for (const r of records) {
      expect(r.status).toBe("ok");
      expect(r.scalars.eta).toBe(0.5);
      expect(r.tables.readout).toEqual(records[0].tables.readout);
      const c = canonical(r);
      expect(c.map((s) => s.source)).toEqual(["simulation", "ode"]);
      for (const [i, s] of c.entries()) {
        // Same steps, same η, same draws: the simulation is identical; times and the ODE agree to
        // rounding (1e-12: times are scaled by 4 and back).
        for (const [j, t] of s.t.entries()) expect(Math.abs(t - reference[i].t[j])).toBeLessThan(1e-12);
        for (const [name, v] of Object.entries(s.values))
          for (const [j, x] of v.entries())
            expect(Math.abs(x - reference[i].values[name][j]), `${name}[${j}]`).toBeLessThan(1e-12);
      }
    }
    // The record's own time axis is the convention's: τ = t/4 under arnaboldi-2023.
    expect(records[3].series[0].t.at(-1)).toBeCloseTo(2, 12);
  });

  it("presets fill the peer's readouts, and reject what the peer's equations do not cover", () => {
    const base = {
      model: { name: "committee", d: 100, student: { width: 4 }, teacher: { width: 2 } },
      optimizer: { lr: 0.1 },
    };
    expect(committeeConventions["saad-solla-1995"].readout).toBe("sum");
    expect(committeeConventions["arnaboldi-2023"].eta(0.1, 4)).toBeCloseTo(0.4, 15);
    expect(committeeConventions["arnaboldi-2023"].timeScale(0.1, 4)).toBeCloseTo(10, 12);
    const bad = badField;
    expect(bad({ ...base, convention: "veiga-2022" })).toBe("(accepted)");
    expect(
      bad({ ...base, convention: "saad-solla-1995", model: { ...base.model, activation: "relu" } }),
    ).toBe("model.activation");
    expect(bad({ ...base, convention: "arnaboldi-2023", optimizer: { lr: 0.1, trainReadout: true } })).toBe(
      "optimizer.trainReadout",
    );
    expect(bad({ ...base, convention: "goldt-2019", optimizer: { lr: 0.1, trainReadout: true } })).toBe(
      "(accepted)",
    );
  });
});
