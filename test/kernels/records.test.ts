import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/rng.js";
import { type KernelBackend, useKernelBackend } from "../../src/kernels/index.js";
import { finiteSumFlow } from "../../src/models/finite-sum/flows.js";
import { leastSquares } from "../../src/models/finite-sum/least-squares.js";
import { simulateGlmRun } from "../../src/models/glm/simulate-run.js";
import { glmSpec } from "../../src/models/glm/spec.js";
import { simulateGmmRun } from "../../src/models/gmm-two-layer/simulate-run.js";
import { gmmTwoLayerSpec } from "../../src/models/gmm-two-layer/spec.js";
import { archOf } from "../../src/models/large-step-gd/arch.js";
import { initialWeights, makeData } from "../../src/models/large-step-gd/data.js";
import { runGd } from "../../src/models/large-step-gd/gd-run.js";
import { SpanGd } from "../../src/models/large-step-gd/span-gd.js";
import { quadraticNetworkSpec } from "../../src/models/large-step-gd/spec.js";
import { simulateSpikedRun } from "../../src/models/spiked-tensor/simulate-run.js";
import { spikedTensorSpec } from "../../src/models/spiked-tensor/spec.js";

/** `run()` with the kernels of `backend` (simulators pick theirs when they are built). */
function withBackend<T>(backend: KernelBackend, run: () => T): T {
  const before = useKernelBackend(backend);
  try {
    return run();
  } finally {
    useKernelBackend(before);
  }
}

/** The run on both backends: every recorded value must be the same double (Object.is: -0 and NaN count). */
function expectSameRun(run: () => { status: string; values: ArrayLike<number>[] }) {
  const wasm = withBackend("wasm", run);
  const ts = withBackend("ts", run);
  expect(wasm.status).toBe(ts.status);
  expect(wasm.values.length).toBe(ts.values.length);
  wasm.values.forEach((v, j) => {
    const same = Array.from(v).every((x, i) => Object.is(x, ts.values[j][i]));
    expect(same, `statistic ${j}: ${Array.from(v)} vs ${Array.from(ts.values[j])}`).toBe(true);
  });
  return wasm;
}

describe("simulators give the same record with the wasm kernels as with the TS reference, bit for bit", () => {
  const glm = (loss: string, optimizer: object, simulation: object = {}) =>
    glmSpec.parse({
      model: { name: "glm", loss, teacher: "sign", alpha: 1.5, ridge: 0.1 },
      optimizer: { name: "sgd", lr: 0.5, ...optimizer },
      steps: 12,
      theory: [],
      simulation: { d: 101, runs: 1, ...simulation },
    });

  it.each([
    ["logistic, Bernoulli batches", glm("logistic", { batchFraction: 0.3 })],
    ["logistic, full batch with momentum", glm("logistic", { momentum: 0.5 })],
    ["hinge, fixed batches", glm("hinge", { batchFraction: 0.3 }, { batch: "fixed" })],
    ["square, Bernoulli batches", glm("square", { batchFraction: 0.5 })],
  ])("glm: %s", (_, spec) => {
    const run = expectSameRun(() => simulateGlmRun(spec, 0));
    expect(run.values[0].length).toBe(13); // steps 0..12 recorded, and they moved: m changes
    expect(run.values[0][12]).not.toBe(run.values[0][0]);
  });

  it.each(["xor", "binary"])("gmm-two-layer, full simulator, %s task (N = 203: odd tails)", (task) => {
    const spec = gmmTwoLayerSpec.parse({
      model: { name: "gmm-two-layer", task, K: 3, N: 203, snr: 50, ridge: 0.1 },
      simulation: "full",
      horizon: 2,
      points: 4,
      runs: 1,
      testSamples: 50,
    });
    const run = expectSameRun(() => simulateGmmRun(spec, 0));
    expect(run.values[2][3]).not.toBe(run.values[2][0]); // v_1 moved
  });

  it.each([2, 3])("spiked-tensor, full simulator, k = %i (N = 301: odd tail)", (k) => {
    const spec = spikedTensorSpec.parse({
      model: { name: "spiked-tensor", k, N: 301, snr: 3 },
      simulation: "full",
      init: { m: 0.5, rPerp2: 0.75 },
      horizon: 1,
      points: 4,
      runs: 1,
    });
    const run = expectSameRun(() => simulateSpikedRun(spec, 0));
    expect(run.values[0][3]).not.toBe(run.values[0][0]); // m moved
  });

  it("large-step GD, quadratic network on Gaussian data (the C G product in wasm)", () => {
    const spec = quadraticNetworkSpec.parse({
      model: { name: "quadratic-network", d: 30, n: 21, width: 7, outer: 0.3, data: "gaussian" },
      optimizer: { lr: 5 },
    });
    const run = () => {
      const gd = new SpanGd(makeData(spec), archOf(spec), initialWeights(spec));
      const out = runGd(gd, { lr: 5, steps: 40, points: 5, burnIn: 20 });
      return {
        status: out.failedStep === undefined ? "ok" : "diverged",
        values: [out.trainLoss, out.testError, out.sharpness, gd.P],
      };
    };
    const run0 = expectSameRun(run);
    expect(run0.status).toBe("ok");
    expect(run0.values[0][4]).not.toBe(run0.values[0][0]); // the loss moved
  });

  it.each(["smf", "sme2", "gf"] as const)(
    "finite-sum %s flow of least squares (d 11, M 37), 30 Euler steps",
    (kind) => {
      const run = () => {
        const flow = finiteSumFlow(leastSquares(11, 37, 4), kind, 0.05);
        const x = new Float64Array(11);
        const a = new Float64Array(11);
        const G = new Float64Array(11 * Math.max(1, flow.noise));
        const dW = new Float64Array(flow.noise);
        const rng = Rng.fromSeed(3);
        const path: number[] = [];
        for (let l = 0; l < 30; l++) {
          flow.drift(0, x, a);
          flow.diffusion(0, x, G);
          rng.fillNormal(dW);
          for (let k = 0; k < 11; k++) x[k] += 0.01 * a[k];
          for (let i = 0; i < flow.noise; i++)
            for (let k = 0; k < 11; k++) x[k] += G[i * 11 + k] * 0.1 * dW[i];
          path.push(x[0], x[10]);
        }
        return { status: "ok", values: [path, Array.from(a), Array.from(G)] };
      };
      const path = expectSameRun(run).values[0];
      expect(path[58]).not.toBe(path[0]);
    },
  );
});
