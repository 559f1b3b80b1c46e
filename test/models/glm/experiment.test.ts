import { describe, expect, it } from "vitest";
import { figures, runExperiment, validateSpec } from "../../../src/catalogue/index.js";
import { badField } from "../../spec-errors.js";

const square = { name: "glm", loss: "square", alpha: 3, ridge: 0.5 };
const demo = {
  model: square,
  optimizer: { name: "gd", lr: 0.1 },
  init: { m0: 0.2, q0: 1 },
  theory: ["exact"],
};

describe("glm specs: bad input names the field", () => {
  it.each([
    ["alpha <= 0", { ...demo, model: { ...square, alpha: 0 } }, "model.alpha"],
    [
      "batchFraction 0",
      { ...demo, optimizer: { name: "sgd", lr: 0.1, batchFraction: 0 } },
      "optimizer.batchFraction",
    ],
    [
      "batchFraction > 1",
      { ...demo, optimizer: { name: "sgd", lr: 0.1, batchFraction: 1.5 } },
      "optimizer.batchFraction",
    ],
    ["samples < 100", { ...demo, theory: ["dmft"], dmft: { samples: 99 } }, "dmft.samples"],
    ["steps beyond the memory bound", { ...demo, theory: ["dmft"], steps: 2000 }, "steps"],
    ["unknown loss", { ...demo, model: { ...square, loss: "cross-entropy" } }, "model.loss"],
    ["exact for logistic", { ...demo, model: { ...square, loss: "logistic", teacher: "sign" } }, "theory"],
    [
      "logistic with a linear teacher",
      { ...demo, theory: ["dmft"], model: { ...square, loss: "logistic" } },
      "model.teacher",
    ],
    [
      "fractions not summing to 1",
      { ...demo, model: { ...square, spectrum: [{ s: 2, p: 0.7 }] } },
      "model.spectrum",
    ],
    ["exact with a spectrum", { ...demo, model: { ...square, spectrum: [{ s: 2, p: 1 }] } }, "theory"],
    [
      "Stein with two levels",
      {
        ...demo,
        theory: ["dmft"],
        dmft: { response: "stein" },
        model: {
          ...square,
          spectrum: [
            { s: 2, p: 0.5 },
            { s: 0.5, p: 0.5 },
          ],
        },
      },
      "dmft.response",
    ],
  ])("%s", (_label, spec, field) => {
    expect(badField(spec)).toBe(field);
  });

  it("the memory refusal says how much it would need", () => {
    expect(() => validateSpec({ ...demo, theory: ["dmft"], steps: 2000 })).toThrow(/GiB/);
  });
});

describe("square-loss GD, the public case at d = 1000 over 10 seeds (science/02 §6)", () => {
  it("simulation within 5e-3 of the exact oracle and the agreement passes", async () => {
    const record = await runExperiment({ ...demo, steps: 20, simulation: { d: 1000, runs: 10 } });
    expect(record.status).toBe("ok");
    const sim = record.series.find((s) => s.source === "simulation")!;
    const exact = record.series.find((s) => s.source === "exact")!;
    // Public acceptance bound (science/02 §6), measured max gaps ~3e-3.
    for (const stat of ["m", "q", "trainLoss"])
      for (let t = 0; t <= 20; t++)
        expect(Math.abs(sim.values[stat][t] - exact.values[stat][t])).toBeLessThan(5e-3);
    for (const entry of Object.values(record.agreement)) expect(entry.exact.pass).toBe(true);
    expect(record.scalars.lrCritical).toBeCloseTo(2 / (0.5 + (1 + Math.sqrt(3)) ** 2), 12);
    expect(record.scalars["stationary.q"]).toBeCloseTo(0.67218, 5);
  });
});

describe("divergence beyond lrCritical", () => {
  it("simulation and exact recursion report diverged with the step; below, stable", async () => {
    const base = { ...demo, steps: 120, simulation: { d: 100, runs: 2 } };
    const above = await runExperiment({ ...base, optimizer: { name: "gd", lr: 0.3 } });
    expect(above.status).toBe("diverged");
    expect(above.messages.join(" ")).toMatch(/exact: diverged at step \d+/);
    expect(above.messages.join(" ")).toMatch(/run 0 diverged at step \d+/);
    expect(above.scalars["stationary.q"]).toBeUndefined();
    for (const series of above.series)
      for (const values of Object.values(series.values)) expect(values.every(Number.isFinite)).toBe(true);
    const below = await runExperiment({ ...base, optimizer: { name: "gd", lr: 0.24 } });
    expect(below.status).toBe("ok");
  });
});

describe("logistic loss, sign teacher, SGD b = 0.3 at d = 1000 over 10 seeds", () => {
  it("agrees with the DMFT within the derived tolerance", async () => {
    const record = await runExperiment({
      model: { name: "glm", loss: "logistic", teacher: "sign", alpha: 2, ridge: 0.1 },
      optimizer: { name: "sgd", lr: 0.5, batchFraction: 0.3 },
      steps: 15,
      theory: ["dmft"],
      dmft: { samples: 10_000, seeds: 2 },
      simulation: { d: 1000, runs: 10 },
    });
    expect(record.status).toBe("ok");
    for (const stat of ["m", "q", "testError", "trainLoss", "trainError"])
      expect(record.agreement[stat].dmft.pass, stat).toBe(true);
  });
});

describe("heavy-ball momentum: simulation against the theories", () => {
  it("GD, beta 0.5: simulation at d = 300 agrees with the exact heavy-ball oracle and the DMFT", async () => {
    const record = await runExperiment({
      ...demo,
      optimizer: { name: "gd", lr: 0.1, momentum: 0.5 },
      steps: 30,
      theory: ["exact", "dmft"],
      dmft: { samples: 500, seeds: 2 },
      simulation: { d: 300, runs: 6 },
    });
    expect(record.status).toBe("ok");
    for (const [stat, byTheory] of Object.entries(record.agreement))
      for (const [theory, entry] of Object.entries(byTheory))
        expect(entry.pass, `${stat} ${theory}`).toBe(true);
    // DMFT and oracle are both exact for square-loss GD: they coincide to rounding.
    const [exact, dmft] = ["exact", "dmft"].map((s) => record.series.find((x) => x.source === s)!);
    for (let t = 0; t <= 30; t++) expect(Math.abs(exact.values.q[t] - dmft.values.q[t])).toBeLessThan(1e-9);
  });

  it("SGD b = 0.3, beta 0.3, fixed batches: simulation at d = 300 agrees with the DMFT", async () => {
    const record = await runExperiment({
      ...demo,
      optimizer: { name: "sgd", lr: 0.1, batchFraction: 0.3, momentum: 0.3 },
      steps: 20,
      theory: ["dmft"],
      dmft: { samples: 4000, seeds: 2 },
      simulation: { d: 300, runs: 6, batch: "fixed" },
    });
    expect(record.status).toBe("ok");
    for (const [stat, entry] of Object.entries(record.agreement)) expect(entry.dmft.pass, stat).toBe(true);
  });
});

describe("Stein responses in the experiment", () => {
  it("logistic SGD b = 0.3 at d = 300: agrees with the simulation; pathwise and Stein DMFT agree within their error", async () => {
    const spec = {
      model: { name: "glm", loss: "logistic", teacher: "sign", alpha: 2, ridge: 0.1 },
      optimizer: { name: "sgd", lr: 0.5, batchFraction: 0.3 },
      steps: 15,
      theory: ["dmft"],
      simulation: { d: 300, runs: 6 },
    };
    const stein = await runExperiment({ ...spec, dmft: { samples: 5000, seeds: 2, response: "stein" } });
    const path = await runExperiment({ ...spec, dmft: { samples: 5000, seeds: 2 } });
    expect(stein.status).toBe("ok");
    for (const [stat, entry] of Object.entries(stein.agreement)) expect(entry.dmft.pass, stat).toBe(true);
    const [a, b] = [stein, path].map((r) => r.series.find((x) => x.source === "dmft")!);
    for (const stat of ["m", "q"])
      for (let t = 0; t <= 15; t++) {
        // Same solver seeds, two estimators: each is within its Monte Carlo error (floor 1/sqrt(S seeds)).
        const se = Math.hypot(a.stderr![stat][t], b.stderr![stat][t], 1 / Math.sqrt(5000 * 2));
        expect(Math.abs(a.values[stat][t] - b.values[stat][t]), `${stat}(${t})`).toBeLessThan(4 * se);
      }
  });
});

describe("anisotropic covariance (two levels s = 2, 0.5 with fractions 1/2)", () => {
  it("logistic SGD b = 0.3 at d = 1000 over 10 seeds agrees with the level-resolved DMFT", async () => {
    const spectrum = [
      { s: 2, p: 0.5 },
      { s: 0.5, p: 0.5 },
    ];
    const spec = {
      model: { name: "glm", loss: "logistic", teacher: "sign", alpha: 2, ridge: 0.1, spectrum },
      optimizer: { name: "sgd", lr: 0.3, batchFraction: 0.3 },
      init: { m0: 0.2, q0: 1 },
      steps: 15,
      theory: ["dmft"],
      dmft: { samples: 10_000, seeds: 2 },
      simulation: { d: 1000, runs: 10 },
    };
    const record = await runExperiment(spec);
    expect(record.status).toBe("ok");
    for (const [stat, entry] of Object.entries(record.agreement)) expect(entry.dmft.pass, stat).toBe(true);
    // An isotropic theory with the same rho = 1.25 is rejected: its m is outside the derived tolerance.
    const iso = await runExperiment({
      ...spec,
      model: { ...spec.model, spectrum: [{ s: 1.25, p: 1 }] },
      simulation: null,
    });
    const sim = record.series.find((s) => s.source === "simulation")!;
    const isoM = iso.series.find((s) => s.source === "dmft")!.values.m;
    const worst = Math.max(...sim.values.m.map((v, t) => Math.abs(v - isoM[t])));
    expect(worst).toBeGreaterThan(record.agreement.m.dmft.tolerance);
  });
});

describe("kernels on request", () => {
  it("adds C, G, Gamma, SigmaG as lower-triangular tables (G(t, t) = 1, C(0, 0) = q0)", async () => {
    const record = await runExperiment({
      ...demo,
      steps: 5,
      theory: ["dmft"],
      dmft: { samples: 200, seeds: 1 },
      simulation: null,
      outputs: ["C", "G", "Gamma", "SigmaG"],
    });
    const G = record.tables.G;
    expect(G.t.length).toBe(21);
    G.t.forEach((t, j) => {
      if (t === G.s[j]) expect(G.value[j]).toBe(1);
    });
    expect(record.tables.C.value[0]).toBeCloseTo(1, 14);
    expect(record.tables.Gamma.t.length).toBe(15);
  });
});

describe("reproduce entries", () => {
  it.each(["dmft-square", "dmft-logistic"])("%s: every panel is a valid glm spec", (id) => {
    for (const panel of figures[id].panels) expect(validateSpec(panel.spec).experiment.name).toBe("glm");
  });
});
