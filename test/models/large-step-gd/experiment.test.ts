import { describe, expect, it } from "vitest";
import { runExperiment, validateSpec } from "../../../src/catalogue/index.js";
import { SpecError } from "../../../src/core/errors.js";

const network = { name: "quadratic-network", d: 100, n: 80, width: 50, outer: 0.1414, data: "orthogonal" };

describe("large-step GD experiments: records, divergence, validation", () => {
  it("the issue's network spec: series trainLoss, testError, sharpness, testErrorAveraged after burn-in", async () => {
    const rec = await runExperiment({
      model: network,
      optimizer: { name: "gd", lr: 36 },
      steps: 300,
      average: { burnIn: 150 },
    });
    expect(rec.status).toBe("ok");
    const sim = rec.series.find((s) => s.source === "simulation")!;
    expect(Object.keys(sim.values).sort()).toEqual(["sharpness", "testError", "trainLoss"]);
    const avg = rec.series.find((s) => s.source === "averaged")!;
    expect(avg.t[0]).toBe(150);
    expect(avg.values.testErrorAveraged.every(Number.isFinite)).toBe(true);
    for (const key of ["rMin", "rMax", "phase", "mapDeviation", "observedPhase", "lyapunov"])
      expect(Number.isFinite(rec.scalars[key]), key).toBe(true);
  });

  it("averaging stabilises the test error in chaos: the averaged predictor's error varies less over the window", async () => {
    const rec = await runExperiment({
      model: network,
      optimizer: { name: "gd", lr: 48 },
      steps: 400,
      points: 81,
      average: { burnIn: 200 },
    });
    const last = rec.series[0].values.testError.slice(-20);
    const averaged = rec.series[1].values.testErrorAveraged.slice(-20);
    const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
    // The last iterate jumps between chaotic states; the running mean moves by O(1/T) per step.
    expect(spread(averaged)).toBeLessThan(spread(last));
  });

  it("a divergent run ends with status diverged and the step, with no non-finite number in the record", async () => {
    const rec = await runExperiment({ model: network, optimizer: { name: "gd", lr: 60 }, steps: 300 });
    expect(rec.status).toBe("diverged");
    expect(rec.scalars.failedStep).toBeGreaterThan(0);
    expect(rec.messages[0]).toMatch(/diverged at step \d+/);
    expect(rec.tables.phase.phase).toEqual(["divergent", "divergent"]);
    const text = JSON.stringify(rec, (_k, v) =>
      typeof v === "number" && !Number.isFinite(v) ? "NONFINITE" : v,
    );
    expect(text).not.toContain("NONFINITE");
  });

  it.each([
    ["d < n for orthogonal data", { model: { ...network, n: 120 } }, "model.n"],
    ["negative lr", { optimizer: { name: "gd", lr: -1 } }, "optimizer.lr"],
    ["burn-in after the end", { steps: 10, average: { burnIn: 10 } }, "average.burnIn"],
    ["unknown model field", { model: { ...network, depth: 2 } }, "model.depth"],
  ])("%s -> SpecError naming the field", (_label, extra, field) => {
    let error: unknown;
    try {
      validateSpec({ model: network, optimizer: { name: "gd", lr: 10 }, ...extra });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).field).toBe(field);
  });
});
