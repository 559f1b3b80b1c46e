/**
 * The workloads of the kernel table (bench/kernels.ts): each simulator's real step, built with the TS
 * reference kernels or the wasm ones, and the arguments of its C and numpy references (the same step).
 */
import { Rng } from "../src/core/rng.js";
import { type KernelBackend, useKernelBackend } from "../src/kernels/index.js";
import { glmStepper } from "../src/models/glm/simulate-run.js";
import { glmSpec } from "../src/models/glm/spec.js";
import { gmmTwoLayerModel } from "../src/models/gmm-two-layer/model.js";
import { archOf } from "../src/models/large-step-gd/arch.js";
import { initialWeights, makeData } from "../src/models/large-step-gd/data.js";
import { SpanGd } from "../src/models/large-step-gd/span-gd.js";
import { quadraticNetworkSpec } from "../src/models/large-step-gd/spec.js";
import { spikedTensorModel } from "../src/models/spiked-tensor/model.js";
import { constant } from "../src/optimizers/schedule.js";

/** One benchmarked kernel: how to build its step on a backend, and its references. */
export interface KernelCase {
  /** Key of the case in the results, e.g. "glm". */
  id: string;
  label: string;
  /** `work(n)` performs n steps; built once per backend, outside the timing. */
  build(): (n: number) => void;
  /** The C program of bench/c and its arguments after TABLES, before `steps rounds s0..s3` (if any). */
  c?: { program: string; args: (string | number)[] };
  /** The case name of bench/numpy/steps.py (if any). */
  numpy?: string;
  /** Standard normals drawn per step (by the JS ziggurat: its share of the step is measured). */
  normalsPerStep?: number;
  /** The targets: [reference column, ratio of wasm to it], or ["steps/s", absolute rate]. */
  targets: [string, number][];
}

/** Build `make()` with the kernels of `backend` (the simulators pick theirs when they are constructed). */
export function withBackend<T>(backend: KernelBackend, make: () => T): T {
  const before = useKernelBackend(backend);
  try {
    return make();
  } finally {
    useKernelBackend(before);
  }
}

const glm = { n: 1000, d: 1000, b: 0.3, lr: 0.5, ridge: 0.1 };
const net = { K: 8, N: 1000, snr: 1000, ridge: 0.1 };
const spiked = { N: 10_000, k: 2, snr: 1.2, cDelta: 0.5 };

/** GLM logistic SGD step, d = 1000, n = 1000, Bernoulli(0.3) batches (B ~ 300). */
const glmCase: KernelCase = {
  id: "glm",
  label: `GLM step, B ~ ${glm.b * glm.n}, d = ${glm.d}`,
  build() {
    const spec = glmSpec.parse({
      model: { name: "glm", loss: "logistic", teacher: "sign", alpha: glm.n / glm.d, ridge: glm.ridge },
      optimizer: { name: "sgd", lr: glm.lr, batchFraction: glm.b },
      steps: 1,
      simulation: { d: glm.d, runs: 1 },
    });
    const rng = Rng.fromSeed(2);
    const stepper = glmStepper(spec, rng);
    return (n) => {
      for (let k = 0; k < n; k++) stepper.advance(rng, k);
    };
  },
  c: { program: "glm-step", args: [glm.n, glm.d, glm.b, glm.lr, glm.ridge] },
  numpy: "glm",
  targets: [["numpy 1 thread", 0.7]],
};

/** Two-layer ReLU per-sample step on the XOR mixture, K = 8, N = 1000 (N normals per step included). */
const twoLayerCase: KernelCase = {
  id: "twoLayer",
  normalsPerStep: net.N,
  label: `two-layer step, K = ${net.K}, N = ${net.N}`,
  build() {
    const model = gmmTwoLayerModel({ task: "xor", K: net.K, snr: net.snr, ridge: net.ridge }, net.N);
    const x = model.parameters; // in the model's workspace, so the wasm step runs on it
    const rng = Rng.fromSeed(1);
    rng.fillNormal(x);
    for (let j = net.K; j < x.length; j++) x[j] /= Math.sqrt(net.N);
    return (n) => {
      for (let i = 0; i < n; i++) model.sgdStep!(x, 1 / net.N, rng);
    };
  },
  c: { program: "two-layer-step", args: [net.K, net.N, net.snr, net.ridge] },
  numpy: "two-layer",
  targets: [
    ["numpy 1 thread", 3],
    ["C native", 0.35],
  ],
};

/** Spiked matrix PCA full step, N = 10^4 (N + 1 normals per step included). */
const spikedCase: KernelCase = {
  id: "spiked",
  normalsPerStep: spiked.N + 1,
  label: `spiked full step, N = ${spiked.N}`,
  build() {
    const rng = Rng.fromSeed(1);
    const v = new Float64Array(spiked.N);
    rng.fillNormal(v);
    const nv = Math.sqrt(v.reduce((s, a) => s + a * a, 0));
    const unit = v.map((a) => a / nv);
    const model = spikedTensorModel({ k: spiked.k, N: spiked.N, snr: spiked.snr }, unit);
    const x = model.parameters; // in the model's workspace, so the wasm update runs on it
    for (let i = 0; i < spiked.N; i++) x[i] = 0.3 * unit[i] + rng.normal() / Math.sqrt(spiked.N);
    const lr = constant(spiked.cDelta / spiked.N);
    return (n) => model.sgdSteps!(x, lr, rng, 0, n);
  },
  c: { program: "full-step", args: [spiked.N, spiked.k, spiked.snr, spiked.cDelta, 0.3, 1] },
  numpy: "spiked",
  targets: [["C -O3", 1]],
};

/** Large-step GD on the width-50 quadratic network, d = 100, n = 80, Gaussian data (sample-space step). */
const quadraticCase: KernelCase = {
  id: "quadratic",
  label: "quadratic net GD, d 100, n 80, width 50",
  build() {
    const spec = quadraticNetworkSpec.parse({
      model: { name: "quadratic-network", d: 100, n: 80, width: 50, outer: 0.1414, data: "gaussian" },
      optimizer: { lr: 20 },
    });
    const gd = new SpanGd(makeData(spec), archOf(spec), initialWeights(spec));
    const f = new Float64Array(80);
    return (n) => {
      for (let l = 0; l < n; l++) {
        gd.evaluate(f);
        gd.step(spec.optimizer.lr);
      }
    };
  },
  targets: [["steps/s", 1e4]],
};

export const kernelCases: KernelCase[] = [glmCase, twoLayerCase, spikedCase, quadraticCase];
export const spikedProblem = spiked;
