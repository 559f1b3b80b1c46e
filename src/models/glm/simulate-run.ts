import { Rng } from "../../core/rng.js";
import { dot } from "../../core/vector.js";
import { type Kernels, kernelWorkspace } from "../../kernels/index.js";
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
 * Teacher with `|w*_k|^2 = d_k` on each covariance block, data `x = Sigma^{1/2} u` (n × d, row-major,
 * into X), labels (into y), start `w0 = m0 w* + sqrt(q0) z` (into w) with `z_k ⟂ w*_k`, `|z_k|^2 = d_k`
 * (science/02 §§1, 4).
 */
function glmData(spec: GlmSpec, rng: Rng, X: Float64Array, y: Float64Array, w: Float64Array) {
  const d = w.length;
  const n = y.length;
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
  for (let k = 0; k < d; k++) w[k] = spec.init.m0 * wStar[k] + Math.sqrt(spec.init.q0) * z[k];
  rng.fillNormal(X);
  const root = scale.map(Math.sqrt);
  for (let mu = 0; mu < n; mu++) for (let i = 0; i < d; i++) X[mu * d + i] *= root[i];
  const label = glmLabel(spec.model.teacher, spec.model.sigma);
  const inv = 1 / Math.sqrt(d);
  for (let mu = 0; mu < n; mu++)
    y[mu] = label(dot(X.subarray(mu * d, (mu + 1) * d), wStar) * inv, rng.normal());
  let rho = 0;
  for (let i = 0; i < d; i++) rho += (scale[i] * wStar[i] * wStar[i]) / d;
  return { wStar, scale, rho };
}

/**
 * The SGD run of a glm spec as a {@link Stepper} (data drawn from `rng`). The data and the iterates live
 * in one kernel workspace (WebAssembly memory, or plain arrays for the TS reference: the same numbers).
 * With Bernoulli batches the selection uniforms are drawn first (the stream of one `nextFloat` per sample
 * in order), then only the selected rows' pre-activations are computed: `H = X_B w / sqrt d`,
 * `g = X_Bᵀ coef / sqrt d`, about 2 b n d multiply-adds a step instead of 2 n d.
 */
export function glmStepper(spec: GlmSpec, rng: Rng): Stepper {
  const d = spec.simulation?.d ?? 2;
  const n = glmSamples(spec);
  const { kernels: k, arrays } = kernelWorkspace({
    X: n * d,
    y: n,
    w: d,
    prev: d,
    grad: d,
    H: n,
    u: n,
    coef: n,
  });
  const { X, y, w, prev, grad, H, u, coef } = arrays;
  const { wStar, scale, rho } = glmData(spec, rng, X, y, w);
  const loss = glmLosses[spec.model.loss];
  const { lr, batchFraction: b, momentum: beta } = spec.optimizer;
  const ridge = spec.model.ridge;
  const teacher = spec.model.teacher;
  prev.set(w);
  const saved = new Float64Array(2 * d);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const batch = Math.max(1, Math.round(b * n));
  const inv = 1 / Math.sqrt(d);
  const fixed = b < 1 && spec.simulation?.batch === "fixed";
  // H is fresh after read() (record points precede steps): a recorded step then skips the X w pass.
  let fresh = false;
  return {
    statisticNames: glmStatisticNames(teacher),
    advance(rng) {
      if (fixed) {
        if (!fresh) k.gemv(X, w, H, n, d, inv);
        fixedBatch(rng, order, batch, coef, H, y, loss);
      } else {
        if (b < 1) for (let mu = 0; mu < n; mu++) u[mu] = rng.nextFloat();
        if (!fresh) k.gemvWhere(X, w, H, u, b, n, d, inv);
        batchCoefficients(k, loss, H, y, u, coef, b);
      }
      fresh = false;
      k.gemvTransposed(X, coef, grad, n, d, inv);
      k.glmUpdate(w, prev, grad, d, lr, ridge, beta);
    },
    read(out) {
      k.gemv(X, w, H, n, d, inv);
      fresh = true;
      const m = metric(w, wStar, scale) / d;
      const q = metric(w, w, scale) / d;
      writeStatistics(out, { m, q, rho, teacher }, loss, H.subarray(0, n), y);
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

/**
 * The statistics at a record point from the overlaps `m`, `q` and the pre-activations `H = X w / sqrt(d)`:
 * m, q, cosine, test error (closed forms in m, q), train loss `mean_mu loss(H_mu, y_mu)` and, for a sign
 * teacher, the train error `mean_mu 1{H_mu y_mu <= 0}` (the order of `glmStatisticNames`).
 */
function writeStatistics(
  out: Float64Array,
  o: { m: number; q: number; rho: number; teacher: GlmSpec["model"]["teacher"] },
  loss: (typeof glmLosses)[keyof typeof glmLosses],
  H: Float64Array,
  y: Float64Array,
): void {
  let train = 0;
  let wrong = 0;
  for (let mu = 0; mu < H.length; mu++) {
    train += loss.value(H[mu], y[mu]);
    if (H[mu] * y[mu] <= 0) wrong++;
  }
  out[0] = o.m;
  out[1] = o.q;
  out[2] = glmCosine(o.m, o.q, o.rho);
  out[3] = glmTestError(o.teacher, o.m, o.q, o.rho);
  out[4] = train / H.length;
  if (o.teacher === "sign") out[5] = wrong / H.length;
}

/**
 * Bernoulli-batch coefficients `coef_mu = loss'(H_mu, y_mu) / b` where `u_mu < b`, else 0 (u = 0 when
 * b = 1: every sample, divided by 1); the logistic loss runs as one kernel (with JS's own Math.exp).
 */
function batchCoefficients(
  k: Kernels,
  loss: DmftLoss,
  H: Float64Array,
  y: Float64Array,
  u: Float64Array,
  coef: Float64Array,
  b: number,
): void {
  if (loss === glmLosses.logistic) k.logisticCoef(H, y, u, coef, H.length, b);
  else for (let mu = 0; mu < H.length; mu++) coef[mu] = u[mu] < b ? loss.d1(H[mu], y[mu]) / b : 0;
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
