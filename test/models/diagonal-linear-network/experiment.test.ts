import { describe, expect, it } from "vitest";
import { runExperiment, validateSpec } from "../../../src/catalogue/index.js";
import { SpecError } from "../../../src/core/errors.js";

const model = {
  name: "diagonal-linear-network",
  depth: 1,
  width: 1,
  data: { x: "uniform", slope: 1, noise: 1 },
};
const stationary = (depth: number, chains: number, horizon: number) => ({
  model: { ...model, depth },
  optimizer: { name: "sgd", lr: 0.01, batch: 1, ridge: 0 },
  init: { u: 1, w: 1 },
  analysis: "stationary",
  chains,
  burnIn: 20,
  horizon,
  sampleEvery: 2,
  seed: 1,
});

// The public law-of-balance case of science/03 §5: x ~ N(0,1), y = x + eps, lr = 0.01, S = 1,
// (u0, w0) = (2, 0.5), t = 200 (20 000 steps).
const balance = (chains: number) => ({
  model: { ...model, data: { x: "gaussian", slope: 1, noise: 1 } },
  optimizer: { name: "sgd", lr: 0.01, batch: 1 },
  init: { u: 2, w: 0.5 },
  analysis: "balance",
  chains,
  horizon: 200,
  sampleEvery: 20,
  seed: 1,
});

function checkBalance(record: Awaited<ReturnType<typeof runExperiment>>) {
  expect(record.status).toBe("ok");
  // Exact identity D' = (1 - lr^2 g^2) D: only rounding (science/03 §5: < 1e-9).
  expect(record.scalars.identityMaxError).toBeLessThan(1e-9);
  // science/03 §5: mean of ln|D_t/D_0| at t = 200 is -8.57 within 3%.
  expect(Math.abs(record.scalars["sim.finalLogImbalanceRatio"] / -8.57 - 1)).toBeLessThan(0.03);
  // Full-batch GD starts at the optimum v = 1 (L'(1) = 0), so D = 3.75 is kept (science: within 1e-3).
  expect(Math.abs(record.scalars["gd.finalImbalance"] - 3.75)).toBeLessThan(1e-3);
  // SGD vs its SDE: derived tolerance (balance-analysis.ts), measured at every record point.
  expect(record.agreement.logImbalanceRatio.sde.pass).toBe(true);
}

describe("law of balance, public case (science/03 §5), 150 chains", () => {
  it("identity to rounding, decay of ln|D| as predicted, GD conserves D", async () => {
    // 150 chains: the spread of ln|D_200/D_0| over chains is ~0.3, so se ~ 0.025, far inside the 3% window (0.26).
    checkBalance(await runExperiment(balance(150)));
  }, 60_000);
});

describe.skipIf(!process.env.SGDLAB_EXTENSIVE)(
  "law of balance, public case at full size (4000 chains)",
  () => {
    it("mean ln|D_200/D_0| = -8.57 within 3%, SDE prediction -8.552", async () => {
      const record = await runExperiment(balance(4000));
      checkBalance(record);
      // 500 SDE paths: se ~ 0.015; Euler–Maruyama with h = lr is O(lr) = 1% off the continuous model.
      expect(Math.abs(record.scalars["sde.finalLogImbalanceRatio"] + 8.552)).toBeLessThan(0.1);
    }, 600_000);
  },
);

describe("stationary laws against SGD chains (KS with a tolerance derived from the sample size)", () => {
  it.each([1, 2])(
    "depth %i, 200 chains",
    async (depth) => {
      const record = await runExperiment(stationary(depth, 200, 120));
      expect(record.status).toBe("ok");
      expect(record.scalars.failedRuns).toBe(0);
      const entry = record.agreement.v.stationary;
      // tolerance = 2.28/sqrt(n_eff) + lr (stationary-analysis.ts): ~0.024 for 10 000 samples.
      expect(entry.pass, `ks ${entry.maxAbs} tol ${entry.tolerance}`).toBe(true);
      expect(record.distributions.v.theory?.length).toBe(60);
    },
    60_000,
  );
});

describe.skipIf(!process.env.SGDLAB_EXTENSIVE)(
  "stationary laws at the issue's size (3000 chains, t = 400)",
  () => {
    it.each([1, 2])(
      "depth %i: KS < 0.02 at lr = 0.01",
      async (depth) => {
        const record = await runExperiment({ ...stationary(depth, 3000, 400), burnIn: 100 });
        expect(record.scalars.ks).toBeLessThan(0.02);
        expect(record.agreement.v.stationary.pass).toBe(true);
      },
      600_000,
    );
  },
);

describe("invalid input is a SpecError naming the field", () => {
  it.each([
    ["model.depth", { model: { ...model, depth: -1 } }],
    ["model.width", { model: { ...model, width: 0 } }],
    ["optimizer.batch", { optimizer: { name: "sgd", lr: 0.01, batch: 0 } }],
    ["optimizer.lr", { optimizer: { name: "sgd", lr: 0 } }],
    ["optimizer.lr", { optimizer: { name: "sgd", lr: -0.1 } }],
    ["init.u", { init: { u: [1, 2], w: 1 } }],
    ["horizon", { burnIn: 500 }],
  ])("%s", (field, patch) => {
    try {
      validateSpec({ ...stationary(1, 10, 120), ...patch });
      expect.unreachable("no SpecError");
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      expect((e as SpecError).field).toBe(field);
    }
  });

  it("T above the collapse point: a message that there is no non-trivial stationary law", async () => {
    // Uniform data, k = sigma = 1: Tc = beta2/alpha3 = 1/(0.8 + 1) = 0.556; lr = 0.6 with S = 1.
    const spec = {
      ...stationary(1, 20, 30),
      optimizer: { name: "sgd", lr: 0.6, batch: 1, ridge: 0 },
      burnIn: 6,
    };
    const record = await runExperiment(spec);
    expect(record.messages.join(" ")).toMatch(/no non-trivial stationary law/);
    expect(record.agreement.v).toBeUndefined();
    expect(JSON.stringify(record)).not.toMatch(/NaN/);
  });
});

describe("temperature sweep: fluctuation inversion and the near-zero growth rate", () => {
  it("depth 0 spread grows monotonically, depth 1 peaks and drops to 0 above Tc; growth rates agree", async () => {
    const record = await runExperiment({
      model: { ...model, data: { x: "uniform", slope: 1, noise: 5 } },
      optimizer: { name: "sgd", lr: 0.01, batch: 1 },
      analysis: "temperature-sweep",
      depths: [0, 1],
      chains: 60,
      burnIn: 20,
      horizon: 50,
      sampleEvery: 1,
      seed: 2,
    });
    expect(record.status).toBe("ok");
    const s = record.scalars;
    const temps = record.tables.sweep.T.slice(0, 8).map(Number);
    // Theory: depth 0 IQR grows with T (peak at the largest T, no drop); depth 1 IQR peaks inside and vanishes at T > Tc.
    expect(s["iqrPeakT.theory.depth0"]).toBe(temps[7]);
    expect(s["iqrDrop.theory.depth0"]).toBe(0);
    expect(s["iqrPeakT.theory.depth1"]).toBeLessThan(s.Tc);
    expect(s["iqrDrop.theory.depth1"]).toBe(1);
    // Simulation shows the same shapes: depth 0 peak at the largest T or the one before (IQR se ~ 5% with
    // 60 chains × 30 samples), depth 1 drop > 0.9 (v collapses: the last T = 1.2 Tc is inside the discrete
    // collapse window [TcDiscrete, TcDiscreteUpper]).
    expect(s["iqrPeakT.sim.depth0"]).toBeGreaterThanOrEqual(temps[6]);
    expect(s["iqrDrop.sim.depth1"]).toBeGreaterThan(0.9);
    expect(s.TcDiscrete).toBeLessThan(s.Tc);
    expect(record.agreement.logGrowthRate.discrete.pass).toBe(true);
  }, 60_000);
});

describe("memory of the initialisation (width 2)", () => {
  const memory = (depth: number, lr = 0.01) => ({
    model: { ...model, depth, width: 2 },
    optimizer: { name: "sgd", lr, batch: 1 },
    init: { u: [1, 0.5], w: [1, 0.5] },
    analysis: "memory",
    chains: 40,
    horizon: 40,
    sampleEvery: 4,
    seed: 3,
  });

  it("depth 1: ln|v1/v0| is conserved exactly from a balanced start", async () => {
    const record = await runExperiment(memory(1));
    expect(record.agreement.logPathRatio.conserved.pass).toBe(true);
    // Balanced start: conserved to rounding over 4000 steps (bias 1e-9 in memory-analysis.ts).
    expect(Math.abs(record.scalars["final.logPathRatio"] - Math.log(0.25))).toBeLessThan(1e-9);
  });

  it("depth 2: the paths equalise (relative gap of v_i^2 shrinks from its start)", async () => {
    const record = await runExperiment(memory(2, 0.05));
    // start: v = (1, 0.125): relative gap (0.0156 - 1)/(1.0156) = -0.97; at lr = 0.05 SGD equalises the paths
    // within t ~ 4 (measured -0.005 at t = 4): at t = 40 the gap is below 5% of its start.
    expect(record.status).toBe("ok");
    expect(Math.abs(record.scalars["final.relativePathGap"])).toBeLessThan(0.05);
  });

  it("a wrong-sign path dies", async () => {
    // The negative path shrinks while the total fits (E g < 0 on the positive side): below 1e-3 of its start by t = 40.
    const record = await runExperiment({ ...memory(1, 0.05), init: { u: [1, -0.5], w: [1, 0.5] } });
    expect(record.scalars.wrongSignDeadFraction).toBe(1);
  });
});
