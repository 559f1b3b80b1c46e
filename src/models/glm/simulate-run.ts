import { Rng } from "../../core/rng.js";
import { dot } from "../../core/vector.js";
import { type RunResult, recordRun } from "../../simulate/record-run.js";
import type { Stepper } from "../../simulate/stepper.js";
import type { DmftLoss } from "../../theory/dmft/problem.js";
import { glmLosses } from "./losses.js";
import { type GlmSpec, glmSamples } from "./spec.js";
import { divergenceBound } from "./square-exact.js";
import { glmCosine, glmLabel, glmStatisticNames, glmTestError } from "./teacher.js";

/** The record steps 0..T of a glm spec (every step). */
export function glmSteps(spec: GlmSpec): number[] {
  return Array.from({ length: spec.steps + 1 }, (_, t) => t);
}

/**
 * Run `index` of a glm spec at dimension d: stream `index` draws the teacher, the data, the start and then
 * the selections, so the run depends on nothing else. q is the divergence size (bound 1e8).
 *
 * @example simulateGlmRun(spec, 0).values[0] // m at steps 0..T
 */
export function simulateGlmRun(spec: GlmSpec, index: number): RunResult {
  const rng = Rng.fromSeed(spec.seed).split(index);
  return recordRun(glmStepper(spec, rng), rng, glmSteps(spec), divergenceBound);
}

/**
 * The covariance eigenvalue of each coordinate: level k of the spectrum takes the next `round(P_k d) -
 * round(P_{k-1} d)` coordinates (P the cumulative fractions); also the block boundaries.
 */
export function glmCoordinateScales(spectrum: readonly { s: number; p: number }[], d: number) {
  const scale = new Float64Array(d);
  const bounds = [0];
  let cumulative = 0;
  spectrum.forEach((level, k) => {
    cumulative += level.p;
    const end = k === spectrum.length - 1 ? d : Math.min(d, Math.round(cumulative * d));
    scale.fill(level.s, bounds[k], end);
    bounds.push(end);
  });
  return { scale, bounds };
}

/**
 * Teacher with `|w*_k|^2 = d_k` on each covariance block, data `x = Sigma^{1/2} u` (n × d, row-major),
 * labels, start `w0 = m0 w* + sqrt(q0) z` with `z_k ⟂ w*_k`, `|z_k|^2 = d_k` (science/02 §§1, 4).
 */
function glmData(spec: GlmSpec, rng: Rng) {
  const d = spec.simulation?.d ?? 2;
  const n = glmSamples(spec);
  const { scale, bounds } = glmCoordinateScales(spec.model.spectrum, d);
  const wStar = new Float64Array(d);
  rng.fillNormal(wStar);
  const z = new Float64Array(d);
  rng.fillNormal(z);
  for (let k = 0; k + 1 < bounds.length; k++) {
    if (bounds[k + 1] === bounds[k]) continue;
    const [ws, zs] = [wStar, z].map((v) => v.subarray(bounds[k], bounds[k + 1]));
    normaliseTo(ws, ws.length);
    const c = dot(zs, ws) / ws.length;
    for (let i = 0; i < zs.length; i++) zs[i] -= c * ws[i];
    normaliseTo(zs, zs.length);
  }
  const w = Float64Array.from(wStar, (v, k) => spec.init.m0 * v + Math.sqrt(spec.init.q0) * z[k]);
  const X = new Float64Array(n * d);
  rng.fillNormal(X);
  const root = scale.map(Math.sqrt);
  for (let mu = 0; mu < n; mu++) for (let i = 0; i < d; i++) X[mu * d + i] *= root[i];
  const label = glmLabel(spec.model.teacher, spec.model.sigma);
  const y = new Float64Array(n);
  const inv = 1 / Math.sqrt(d);
  for (let mu = 0; mu < n; mu++)
    y[mu] = label(dot(X.subarray(mu * d, (mu + 1) * d), wStar) * inv, rng.normal());
  let rho = 0;
  for (let i = 0; i < d; i++) rho += (scale[i] * wStar[i] * wStar[i]) / d;
  return { d, n, wStar, w, X, y, scale, rho };
}

/** The SGD run of a glm spec as a {@link Stepper} (data drawn from `rng`). */
export function glmStepper(spec: GlmSpec, rng: Rng): Stepper {
  const { d, n, wStar, w, X, y, scale, rho } = glmData(spec, rng);
  const loss = glmLosses[spec.model.loss];
  const { lr, batchFraction: b, momentum: beta } = spec.optimizer;
  const ridge = spec.model.ridge;
  const teacher = spec.model.teacher;
  const H = new Float64Array(n);
  const coef = new Float64Array(n);
  const grad = new Float64Array(d);
  const prev = Float64Array.from(w);
  const saved = new Float64Array(2 * d);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const batch = Math.max(1, Math.round(b * n));
  const inv = 1 / Math.sqrt(d);
  // H is fresh after read() (record points precede steps), so a recorded step costs two passes over X.
  let fresh = false;
  return {
    statisticNames: glmStatisticNames(teacher),
    advance(rng) {
      if (!fresh) preactivations(X, w, H, n, d, inv);
      fresh = false;
      if (b === 1) for (let mu = 0; mu < n; mu++) coef[mu] = loss.d1(H[mu], y[mu]);
      else if (spec.simulation?.batch === "fixed") fixedBatch(rng, order, batch, coef, H, y, loss);
      else for (let mu = 0; mu < n; mu++) coef[mu] = rng.nextFloat() < b ? loss.d1(H[mu], y[mu]) / b : 0;
      transposedProduct(X, coef, grad, n, d, inv);
      for (let k = 0; k < d; k++) {
        const wk = w[k];
        w[k] = wk - lr * (ridge * wk + grad[k]) + beta * (wk - prev[k]);
        prev[k] = wk;
      }
    },
    read(out) {
      preactivations(X, w, H, n, d, inv);
      fresh = true;
      const m = metric(w, wStar, scale) / d;
      const q = metric(w, w, scale) / d;
      let train = 0;
      let wrong = 0;
      for (let mu = 0; mu < n; mu++) {
        train += loss.value(H[mu], y[mu]);
        if (H[mu] * y[mu] <= 0) wrong++;
      }
      out[0] = m;
      out[1] = q;
      out[2] = glmCosine(m, q, rho);
      out[3] = glmTestError(teacher, m, q, rho);
      out[4] = train / n;
      if (teacher === "sign") out[5] = wrong / n;
    },
    size: () => metric(w, w, scale) / d,
    save: () => {
      saved.set(w);
      saved.set(prev, d);
    },
    restore: () => {
      fresh = false;
      w.set(saved.subarray(0, d));
      prev.set(saved.subarray(d));
    },
  };
}

/** Exactly `batch` samples without replacement (partial Fisher–Yates), each weighted n/batch. */
function fixedBatch(
  rng: Rng,
  order: Int32Array,
  batch: number,
  coef: Float64Array,
  H: Float64Array,
  y: Float64Array,
  loss: DmftLoss,
): void {
  const n = order.length;
  coef.fill(0);
  for (let j = 0; j < batch; j++) {
    const k = j + Math.floor(rng.nextFloat() * (n - j));
    const mu = order[k];
    order[k] = order[j];
    order[j] = mu;
    coef[mu] = (loss.d1(H[mu], y[mu]) * n) / batch;
  }
}

/** `H = X w / sqrt d` (one pass over X: the simulation is bound by memory bandwidth, 8 n d bytes a pass). */
function preactivations(
  X: Float64Array,
  w: Float64Array,
  H: Float64Array,
  n: number,
  d: number,
  inv: number,
) {
  for (let mu = 0; mu < n; mu++) {
    let s = 0;
    const off = mu * d;
    for (let k = 0; k < d; k++) s += X[off + k] * w[k];
    H[mu] = s * inv;
  }
}

/** `grad = Xᵀ coef / sqrt d`, skipping unselected samples. */
function transposedProduct(
  X: Float64Array,
  coef: Float64Array,
  grad: Float64Array,
  n: number,
  d: number,
  inv: number,
) {
  grad.fill(0);
  for (let mu = 0; mu < n; mu++) {
    const c = coef[mu] * inv;
    if (c === 0) continue;
    const off = mu * d;
    for (let k = 0; k < d; k++) grad[k] += c * X[off + k];
  }
}

/** Scale `v` so that `|v|^2 = norm2`. */
function normaliseTo(v: Float64Array, norm2: number): void {
  const c = Math.sqrt(norm2 / dot(v, v));
  for (let k = 0; k < v.length; k++) v[k] *= c;
}

/** `Σ_i scale_i a_i b_i`: the inner product in the data metric Sigma. */
function metric(a: Float64Array, b: Float64Array, scale: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += scale[i] * a[i] * b[i];
  return sum;
}
