import { psdFactor } from "../../core/psd-factor.js";
import { Rng } from "../../core/rng.js";
import { sgd } from "../../optimizers/optimizer.js";
import { constant } from "../../optimizers/schedule.js";
import { recordGrid } from "../../simulate/grid.js";
import { type RunResult, recordRun } from "../../simulate/record-run.js";
import { fullStepper, type Stepper } from "../../simulate/stepper.js";
import { GmmDimensionFree } from "./dimension-free.js";
import { type GmmParams, gmmStatisticNames, meanDirections, packedIndex, stateLayout } from "./geometry.js";
import { TestMetrics } from "./metrics.js";
import { gmmTwoLayerModel } from "./model.js";
import type { GmmTwoLayerSpec } from "./spec.js";

/** The model parameters of a spec. */
export function gmmParams(spec: GmmTwoLayerSpec): GmmParams {
  const { task, K, snr, ridge } = spec.model;
  return { task, K, snr, ridge };
}

/** Effective time per SGD step: `delta = cDelta / N`. */
export function gmmDt(spec: GmmTwoLayerSpec): number {
  return spec.optimizer.cDelta / spec.model.N;
}

/** The record grid of a spec (steps and times). */
export function gmmGrid(spec: GmmTwoLayerSpec): { steps: number[]; t: number[] } {
  return recordGrid(spec.horizon, spec.points, gmmDt(spec));
}

/** The spec's fixed initial statistics `[v, mMu, mNu, RPerp]`, or `undefined` for a random start. */
export function fixedStart(spec: GmmTwoLayerSpec): Float64Array | undefined {
  if ("random" in spec.init) return undefined;
  const { K, task } = spec.model;
  const lay = stateLayout(task, K);
  const u = new Float64Array(lay.size);
  const { v, mMu, mNu, RPerp } = spec.init;
  for (let i = 0; i < K; i++) {
    u[lay.v + i] = v[i];
    u[lay.mMu + i] = mMu[i];
    if (lay.mNu >= 0 && mNu) u[lay.mNu + i] = mNu[i];
    for (let j = i; j < K; j++) u[lay.rPerp + packedIndex(K, i, j)] = RPerp[i][j];
  }
  return u;
}

/**
 * Run `index` of a spec: stream `index` of the seed draws the start and then the SGD noise; its child
 * stream 1 draws the test set.
 *
 * @example simulateGmmRun(spec, 0).values[1] // test accuracy of run 0 at the record points
 */
export function simulateGmmRun(spec: GmmTwoLayerSpec, index: number): RunResult {
  const rng = Rng.fromSeed(spec.seed).split(index);
  const metrics = new TestMetrics(gmmParams(spec), spec.testSamples, rng.split(1));
  const inner = spec.simulation === "full" ? fullRun(spec, rng) : dimensionFreeRun(spec, rng);
  return recordRun(withMetrics(inner, metrics, spec), rng, gmmGrid(spec).steps);
}

/** A stepper whose statistics are `[loss, accuracy, ...state]`. */
function withMetrics(inner: Stepper, metrics: TestMetrics, spec: GmmTwoLayerSpec): Stepper {
  const u = new Float64Array(inner.statisticNames.length);
  return {
    statisticNames: gmmStatisticNames(spec.model.task, spec.model.K),
    advance: (rng, l) => inner.advance(rng, l),
    read(out) {
      inner.read(u);
      metrics.evaluate(u, out);
      out.set(u, 2);
    },
    size: () => inner.size(),
    save: () => inner.save(),
    restore: () => inner.restore(),
  };
}

/** Standard deviation of the entries of W at a random start: `1/sqrt(snr N)` binary, `1/sqrt(N)` XOR. */
function initScale(spec: GmmTwoLayerSpec): number {
  const { N, snr, task } = spec.model;
  return 1 / Math.sqrt(task === "binary" ? snr * N : N);
}

function fullRun(spec: GmmTwoLayerSpec, rng: Rng): Stepper {
  const { K, N } = spec.model;
  const model = gmmTwoLayerModel(gmmParams(spec), N);
  const x = model.parameters; // in the model's kernel workspace: its fused step runs in wasm
  const u = fixedStart(spec);
  if (u === undefined) {
    rng.fillNormal(x);
    const s = initScale(spec);
    for (let j = K; j < x.length; j++) x[j] *= s;
  } else {
    weightsFromStatistics(spec, u, rng, x);
  }
  return fullStepper(model, sgd(constant(gmmDt(spec))), x);
}

/**
 * Weights with given statistics: `W_i = m_i e_0 + n_i e_1 + Σ_r L_ir b_r` with `L Lᵀ = RPerp` and `b_r`
 * random orthonormal vectors orthogonal to e_0 (and e_1), by Gram–Schmidt of Gaussian vectors.
 */
function weightsFromStatistics(spec: GmmTwoLayerSpec, u: Float64Array, rng: Rng, x: Float64Array): void {
  const { K, N, task } = spec.model;
  const lay = stateLayout(task, K);
  const d = meanDirections(task);
  const L = new Float64Array(K * K);
  const rank = psdFactor(K, u.subarray(lay.rPerp), L, new Float64Array(2 * K));
  const basis = Array.from({ length: rank }, () => new Float64Array(N));
  basis.forEach((b, r) => {
    rng.fillNormal(b, d);
    for (let q = 0; q < r; q++) {
      let p = 0;
      for (let j = d; j < N; j++) p += b[j] * basis[q][j];
      for (let j = d; j < N; j++) b[j] -= p * basis[q][j];
    }
    let n2 = 0;
    for (let j = d; j < N; j++) n2 += b[j] * b[j];
    for (let j = d; j < N; j++) b[j] /= Math.sqrt(n2);
  });
  for (let i = 0; i < K; i++) {
    x[i] = u[lay.v + i];
    const o = K + i * N;
    x[o] = u[lay.mMu + i];
    if (d > 1) x[o + 1] = u[lay.mNu + i];
    for (let r = 0; r < rank; r++) for (let j = d; j < N; j++) x[o + j] += L[i * K + r] * basis[r][j];
  }
}

function dimensionFreeRun(spec: GmmTwoLayerSpec, rng: Rng): Stepper {
  const { K, N, task } = spec.model;
  const lay = stateLayout(task, K);
  let u = fixedStart(spec);
  if (u === undefined) {
    u = new Float64Array(lay.size);
    const s = initScale(spec);
    for (let i = 0; i < K; i++) u[lay.v + i] = rng.normal();
    for (let i = 0; i < K; i++) u[lay.mMu + i] = s * rng.normal();
    if (lay.mNu >= 0) for (let i = 0; i < K; i++) u[lay.mNu + i] = s * rng.normal();
    bartlettWishart(K, N - meanDirections(task), s * s, rng, u.subarray(lay.rPerp));
  }
  return new GmmDimensionFree(gmmParams(spec), N, gmmDt(spec), u);
}

/**
 * `scale × Wishart(dof, I_K)` into a packed upper triangle, by Bartlett's decomposition `A = T Tᵀ` with
 * `T_ii² ~ χ²(dof − i)` (0-based i) and `T_ij ~ N(0,1)` below the diagonal: the Gram matrix of K
 * independent `N(0, scale I_dof)` vectors, at O(K²) cost whatever dof.
 */
function bartlettWishart(K: number, dof: number, scale: number, rng: Rng, out: Float64Array): void {
  const T = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    T[i * K + i] = Math.sqrt(rng.chiSquare(dof - i));
    for (let j = 0; j < i; j++) T[i * K + j] = rng.normal();
  }
  for (let i = 0; i < K; i++)
    for (let j = i; j < K; j++) {
      let a = 0;
      for (let c = 0; c <= i; c++) a += T[i * K + c] * T[j * K + c];
      out[packedIndex(K, i, j)] = scale * a;
    }
}
