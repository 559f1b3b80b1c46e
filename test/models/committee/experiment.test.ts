import { describe, expect, it } from "vitest";
import type { ExperimentRecord, Series } from "../../../src/experiment/record.js";
import { detectPlateau } from "../../../src/models/committee/plateau.js";
import { committeeGrid, committeeSetup } from "../../../src/models/committee/setup.js";
import { simulateCommitteeRun } from "../../../src/models/committee/simulate-run.js";
import { committeeSpec } from "../../../src/models/committee/spec.js";
import { committeeOdeRuns } from "../../../src/models/committee/theory.js";
import { badField } from "../../spec-errors.js";
import { runCommittee } from "./run-committee.js";

const extensive = process.env.SGDLAB_EXTENSIVE === "1";
const source = (r: ExperimentRecord, name: string): Series => r.series.find((s) => s.source === name)!;

/** science/06 §7 case 4: erf, p = k = 2, sum readouts, first layer only, η = 0.5, σ² = 0.01, t = 0..10. */
function publicCase4(d: number, simulation: string, runs = 8) {
  return {
    model: {
      name: "committee",
      d,
      student: { width: 2, readout: "sum" },
      teacher: { width: 2, readout: "sum" },
      noise: 0.01,
    },
    optimizer: { lr: 0.5 },
    init: { random: true, scale: 0.5 },
    ode: { method: "rk4", dt: 0.01 },
    horizon: 10,
    points: 11,
    runs,
    simulation,
  };
}

/** Per-seed differences D_s(t) = eg_sim − eg_ode (each run's ODE from its own start): mean, SE, max |D|. */
function pairedGaps(input: Record<string, unknown>) {
  const spec = committeeSpec.parse(input);
  const tc = committeeGrid(spec).tc;
  const odes = committeeOdeRuns(spec, committeeSetup(spec), tc);
  const sims = odes.map((_, s) => simulateCommitteeRun(spec, s));
  const n = sims.length;
  return tc.map((_, j) => {
    const D = sims.map((r, s) => r.values[0][j] - odes[s].values[0][j]);
    const m = D.reduce((a, x) => a + x, 0) / n;
    const se = Math.sqrt(D.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1) / n);
    return { m, se, max: Math.max(...D.map(Math.abs)) };
  });
}

describe("committee experiment: simulation against the ODE (science/06 §7 case 4)", () => {
  it.each(extensive ? ["dimension-free", "full"] : ["dimension-free"])(
    "%s at d = 1000: |mean D| <= 4 SE + 1/d and per-seed |D| <= 0.05 at t = 0..10",
    async (simulation) => {
      const d = 1000;
      for (const g of pairedGaps(publicCase4(d, simulation))) {
        // The science file's criterion (designed there; observed max |m| 5.7e-4, SE 2.0e-3, |D| 1.2e-2).
        expect(Math.abs(g.m)).toBeLessThanOrEqual(4 * g.se + 1 / d);
        expect(g.max).toBeLessThanOrEqual(0.05);
      }
      const record = await runCommittee(publicCase4(d, simulation));
      expect(record.status).toBe("ok");
      expect(record.agreement.eg.ode.pass).toBe(true);
      // eg(10) ≈ 0.017–0.019 (science/06 §7 case 4).
      expect(source(record, "ode").values.eg.at(-1)!).toBeGreaterThan(0.015);
      expect(source(record, "ode").values.eg.at(-1)!).toBeLessThan(0.021);
      expect(record.tables.readout.value).toEqual([1, 1, 1, 1]);
    },
  );

  it.runIf(extensive)(
    "the gap shrinks as d grows: per-seed |D| falls like d^-1/2 from d = 250 to 4000 (32 seeds)",
    () => {
      // Per-run fluctuations of the order parameters about the ODE are O(d^{-1/2}) (d increments of size
      // O(1/d) per unit time), so 16x d should divide max |D_s| by about 4 (measured: 3.3e-2, 1.6e-2, 7.8e-3
      // at d = 250, 1000, 4000); a factor 2 leaves room for the maximum over 32 seeds and 11 times.
      const worst = (d: number) =>
        Math.max(...pairedGaps(publicCase4(d, "dimension-free", 32)).map((g) => g.max));
      expect(worst(4000)).toBeLessThan(worst(250) / 2);
    },
  );

  it("a learning rate beyond the linear network's stability (η s > 2) diverges: a status with the step", async () => {
    const record = await runCommittee({
      model: {
        name: "committee",
        d: 200,
        activation: "linear",
        student: { width: 2, readout: "sum" },
        teacher: { width: 2, readout: "sum" },
      },
      optimizer: { lr: 5 },
      horizon: 10,
      points: 11,
      runs: 2,
      simulation: "full",
    });
    expect(record.status).toBe("diverged");
    expect(record.messages.join(" ")).toMatch(/run 0 diverged at step \d+/);
    expect(record.scalars.failedRuns).toBe(2);
    expect(record.agreement).toEqual({});
    for (const s of record.series)
      for (const v of Object.values(s.values)) expect(v.every(Number.isFinite)).toBe(true);
  });

  it("spec errors name the field: readout length, d < p + k, shapes, a non-PSD joint Gram matrix", () => {
    const base = { model: { name: "committee", d: 100 }, optimizer: { lr: 0.5 } };
    const field = badField;
    const init = (Q: number[][], M: number[][], P: number[][]) => ({ ...base, init: { Q, M, P } });
    expect(field(base)).toBe("(accepted)");
    expect(
      field({ ...base, model: { name: "committee", d: 100, student: { width: 2, readout: [1] } } }),
    ).toBe("model.student.readout");
    expect(field({ ...base, model: { name: "committee", d: 3 } })).toBe("model.d");
    expect(field({ ...base, optimizer: { lr: -1 } })).toBe("optimizer.lr");
    expect(field({ ...base, model: { name: "committee", d: 100, noise: 1 }, momentum: 1 })).toBe("momentum");
    const I = [
      [1, 0],
      [0, 1],
    ];
    expect(field(init(I, I, I))).toBe("(accepted)");
    expect(field(init(I, [[1, 0]], I))).toBe("init.M");
    expect(
      field(
        init(
          [
            [1, 0.5],
            [0.4, 1],
          ],
          I,
          I,
        ),
      ),
    ).toBe("init.Q");
    // |M_00| = 1.5 > sqrt(Q_00 P_00) = 1: no real weights have these overlaps.
    expect(
      field(
        init(
          I,
          [
            [1.5, 0],
            [0, 0],
          ],
          I,
        ),
      ),
    ).toBe("init");
  });
});

describe("plateau detection (documented rule)", () => {
  it("finds the flat window followed by a halving, and nothing on a plain exponential decay", () => {
    const t = Array.from({ length: 101 }, (_, j) => j);
    const eg = t.map((x) =>
      x < 10
        ? 0.5 * Math.exp(-x / 2) + 0.05
        : x < 60
          ? 0.05 + (1e-4 * (x - 10)) / 50
          : 0.05 * Math.exp(-(x - 60) / 5),
    );
    const p = detectPlateau(t, eg)!;
    expect(p.start).toBeGreaterThanOrEqual(8);
    expect(p.start).toBeLessThanOrEqual(12);
    expect(p.end).toBe(60);
    expect(p.value).toBeCloseTo(0.05, 2);
    // First point with eg <= value/2: 60 + 5 ln 2 ≈ 63.5, so t = 64.
    expect(p.specialisation).toBe(64);
    expect(
      detectPlateau(
        t,
        t.map((x) => Math.exp(-x / 10)),
      ),
    ).toBeUndefined();
  });

  it("the ODE of p = k = 2 (sum readouts, η = 0.5) has its plateau at eg ≈ 0.0146 and specialises near t = 180", async () => {
    const record = await runCommittee({
      ...publicCase4(1000, "none", 1),
      model: { ...publicCase4(1000, "none").model, noise: 0 },
      ode: { method: "rk4", dt: 0.05 },
      horizon: 300,
      points: 61,
    });
    // Measured with this seed's start (run 0): plateau 0.01465 between t = 20 and 110, eg halves by 180.
    expect(record.scalars.plateau).toBeGreaterThan(0.013);
    expect(record.scalars.plateau).toBeLessThan(0.016);
    expect(record.scalars.specialisationTime).toBeGreaterThan(100);
    expect(record.scalars.specialisationTime).toBeLessThan(260);
    // After specialisation eg decays exponentially to 0 (σ² = 0): measured 3.5e-4 at t = 300.
    expect(record.scalars.egFinal).toBeLessThan(record.scalars.plateau / 10);
  });
});

describe("both layers trained, and the adaptive solver", () => {
  const base = {
    model: {
      name: "committee",
      d: 20_000,
      student: { width: 2, readout: [0.3, -0.2] },
      teacher: { width: 2 },
      noise: 0.01,
    },
    optimizer: { lr: 1, trainReadout: true },
    init: {
      Q: [
        [0.5, 0.1],
        [0.1, 0.4],
      ],
      M: [
        [0.3, 0.05],
        [-0.1, 0.2],
      ],
      P: [
        [1, 0],
        [0, 1],
      ],
    },
    horizon: 2,
    points: 5,
    runs: 6,
    simulation: "dimension-free",
  };

  it("the simulated v, M and eg follow the ODE with dv/dt (fixed start, d = 2e4)", async () => {
    const record = await runCommittee(base);
    const sim = source(record, "simulation");
    const ode = source(record, "ode");
    expect(record.agreement.eg.ode.pass).toBe(true);
    // The readout moves by about 0.05 over t = 2, 13 times the tolerance below (<= 4e-3): a wrong dv/dt shows.
    expect(Math.abs(ode.values["v[1]"].at(-1)! - ode.values["v[1]"][0])).toBeGreaterThan(0.04);
    for (const name of ["v[0]", "v[1]", "M[0,0]", "M[1,1]", "Q[0,1]"])
      for (let j = 1; j < sim.t.length; j++) {
        // Fixed start: Student-t multiplier (5 dof, 4-sigma level) × SE, plus the 1/d bias bound of
        // science/06 §7 case 4.
        const tol = 7.5 * sim.stderr![name][j] + 1 / 20_000;
        expect(
          Math.abs(sim.values[name][j] - ode.values[name][j]),
          `${name} at t = ${sim.t[j]}`,
        ).toBeLessThan(tol);
      }
  });

  it("dopri5 and RK4 (dt = 0.005) give the same ODE to 1e-9", async () => {
    const spec = { ...base, simulation: "none", runs: 1 };
    const [a, b] = await Promise.all([
      runCommittee({ ...spec, ode: { method: "dopri5", dt: 0.01 } }),
      runCommittee({ ...spec, ode: { method: "rk4", dt: 0.005 } }),
    ]);
    const [x, y] = [source(a, "ode"), source(b, "ode")];
    // dopri5 at rtol 1e-10; RK4's error at h = 0.005 is ~h^4 = 6e-10 times O(1) derivatives.
    for (const name of Object.keys(x.values))
      for (const [j, v] of x.values[name].entries())
        expect(Math.abs(v - y.values[name][j])).toBeLessThan(1e-9);
  });
});
