import type { Rng } from "../../core/rng.js";
import { type Kernels, kernelWorkspace, referenceKernels } from "../../kernels/index.js";
import type { Model } from "../../simulate/model.js";
import { GmmFunctionals } from "./functionals.js";
import {
  components,
  type GmmParams,
  meanDirections,
  packedIndex,
  stateLayout,
  stateNames,
} from "./geometry.js";
import { quadratureNodes } from "./limits.js";

/**
 * Draw one sample into `X` (length N) and return its label: a component `c` with probability `p_c`
 * (one uniform), then `X = a_c + g/√snr`, `g ~ N(0, I_N)` (`fillNormal`), with `mu = e_0`, `nu = e_1`.
 * The law is rotation invariant, so fixing mu and nu to coordinate vectors loses nothing. `k`: the
 * kernels of X's workspace (the TS reference, the same numbers, for any other array).
 */
export function sampleMixture(
  params: GmmParams,
  rng: Rng,
  X: Float64Array,
  k: Kernels = referenceKernels,
): number {
  const comps = components(params.task);
  const c = comps[Math.min(comps.length - 1, Math.floor(rng.nextFloat() * comps.length))];
  rng.fillNormal(X);
  k.scale(X, X.length, 1 / Math.sqrt(params.snr));
  X[0] += c.aMu;
  if (params.task === "xor") X[1] += c.aNu;
  return c.y;
}

/**
 * Pre-activations `h_i = W_i·X` into `h` and the output `z = Σ v_i relu(h_i)`, for parameters
 * `x = [v (K), W (K×N, row-major)]` (the kernels' reluForward: the same sums as the fused step).
 */
export function forward(x: Float64Array, K: number, N: number, X: Float64Array, h: Float64Array): number {
  return referenceKernels.reluForward(x, X, h, K, N);
}

/**
 * The literal per-sample loss `-y z + log(1 + e^z) + (ridge/2)(|v|² + |W|²)`, `z = v · relu(W X)`.
 *
 * @example gmmLoss(params, N, x, X, 1)
 */
export function gmmLoss(params: GmmParams, N: number, x: Float64Array, X: Float64Array, y: number): number {
  const z = forward(x, params.K, N, X, new Float64Array(params.K));
  let r = 0;
  for (let j = 0; j < x.length; j++) r += x[j] * x[j];
  return -y * z + Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) + 0.5 * params.ridge * r;
}

/**
 * The gradient of {@link gmmLoss} at one sample: with `e = sigmoid(z) - y`,
 * `∂v_i = e relu(h_i) + ridge v_i`, `∂W_i = e v_i 1{h_i >= 0} X + ridge W_i`.
 */
export function gmmGradient(
  params: GmmParams,
  N: number,
  x: Float64Array,
  X: Float64Array,
  y: number,
  h: Float64Array,
  out: Float64Array,
): void {
  const { K, ridge } = params;
  const e = 1 / (1 + Math.exp(-forward(x, K, N, X, h))) - y;
  for (let i = 0; i < K; i++) {
    out[i] = e * Math.max(h[i], 0) + ridge * x[i];
    const c = h[i] >= 0 ? e * x[i] : 0;
    const o = K + i * N;
    for (let j = 0; j < N; j++) out[o + j] = c * X[j] + ridge * x[o + j];
  }
}

/** Write the statistics `[v, mMu, mNu (XOR), RPerp]` of parameters `x` (mu = e_0, nu = e_1) into `out`. */
export function writeGmmStatistics(params: GmmParams, N: number, x: Float64Array, out: Float64Array): void {
  const { K, task } = params;
  const lay = stateLayout(task, K);
  const d = meanDirections(task);
  for (let i = 0; i < K; i++) {
    out[lay.v + i] = x[i];
    out[lay.mMu + i] = x[K + i * N];
    if (lay.mNu >= 0) out[lay.mNu + i] = x[K + i * N + 1];
    for (let k = i; k < K; k++) {
      let s = 0;
      for (let j = d; j < N; j++) s += x[K + i * N + j] * x[K + k * N + j];
      out[lay.rPerp + packedIndex(K, i, k)] = s;
    }
  }
}

/**
 * Two-layer ReLU network `sigmoid(v · relu(W X))` trained by online SGD on a binary or XOR Gaussian mixture
 * with cross-entropy and ridge (science/01 §3). Parameters `x = [v (K), W (K×N row-major)]`; `mu = e_0`,
 * `nu = e_1`. The fused `sgdStep` draws exactly as `sampleGradient` (one uniform, then N normals); on
 * `parameters` (a vector in the model's kernel workspace) it runs the wasm kernels, on any other vector
 * the TS reference: the same numbers either way.
 *
 * @param params task, K, snr, ridge
 * @param N dimension
 * @example const model = gmmTwoLayerModel({ task: "binary", K: 2, snr: 100, ridge: 0.1 }, 250)
 * Reference: Ben Arous, Gheissari, Jagannath (2022), §5; science/01 §3.
 */
export function gmmTwoLayerModel(params: GmmParams, N: number): Model & { parameters: Float64Array } {
  const { K } = params;
  const { kernels, arrays } = kernelWorkspace({ parameters: K + K * N, X: N, h: K });
  const { parameters, X, h } = arrays;
  const u = new Float64Array(stateLayout(params.task, K).size);
  // Population loss by the ODE's quadrature (2 nodes per dimension where the ODE has none: K large).
  const functionals = new GmmFunctionals(params, quadratureNodes(params.task, K) ?? 2);
  return {
    name: "gmm-two-layer",
    dim: K + K * N,
    statisticNames: stateNames(params.task, K),
    sampleGradient(x, rng, out) {
      const y = sampleMixture(params, rng, X);
      gmmGradient(params, N, x, X, y, h, out);
    },
    populationLoss(x) {
      writeGmmStatistics(params, N, x, u);
      functionals.evaluate(u);
      let r = 0;
      for (let j = 0; j < x.length; j++) r += x[j] * x[j];
      return functionals.loss + 0.5 * params.ridge * r;
    },
    statistics: (x, out) => writeGmmStatistics(params, N, x, out),
    parameters,
    sgdStep(x, lr, rng) {
      const k = x === parameters ? kernels : referenceKernels;
      const y = sampleMixture(params, rng, X, kernels);
      const e = 1 / (1 + Math.exp(-k.reluForward(x, X, h, K, N))) - y;
      k.reluUpdate(x, X, h, K, N, lr, e, 1 - lr * params.ridge);
    },
  };
}
