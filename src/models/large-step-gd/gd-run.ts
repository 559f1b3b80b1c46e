import { type NonFinite, nonFinite, nonFiniteKind } from "../../core/non-finite.js";
import { recordGrid } from "../../simulate/grid.js";
import { sampleMap } from "./arch.js";
import { PredictorAverage } from "./average.js";
import { gramOf } from "./data.js";
import { largestEigenvalue } from "./sharpness.js";
import type { SpanGd } from "./span-gd.js";
import { quadraticTestError } from "./test-error.js";

/** What one GD run recorded. */
export interface GdTrajectory {
  /** Record steps reached (t = step count). */
  t: number[];
  trainLoss: number[];
  testError: number[];
  sharpness: number[];
  /** Record steps at or after the burn-in, and the test error of the averaged predictor there. */
  averagedT: number[];
  testErrorAveraged: number[];
  /** Step whose loss left the finite range (> 1e100, or NaN); undefined when the run finished. */
  failedStep?: number;
  /** How it left (`src/core/non-finite.ts`): diverged beyond the bound, failed on NaN. */
  failure?: NonFinite;
  /** Largest |GD per-sample value - map iterate| over the steps run (with `mapSteps`; else undefined). */
  mapDeviation?: number;
  /** Largest Lyapunov exponent of the GD map over the second half of the run (tangent vector). */
  lyapunov: number;
  /** `|P_T - P_{T-1}| / |P_T|` at the end: ~0 when GD converged. */
  finalStepRatio: number;
  /** Sharpness at the last record point reached. */
  finalSharpness: number;
  /** Relative step length at the start of the second half (compared with the final one). */
  midStepRatio: number;
  /** Training losses of the last {@link tailLength} steps (fewer for short runs). */
  tailLoss: Float64Array;
}

/** Number of final training losses kept to detect a cycle. */
export const tailLength = 256;

/** Options of {@link runGd}. */
export interface GdRunOptions {
  lr: number;
  steps: number;
  points: number;
  burnIn: number;
  /** Per-sample map steps `r_i`, to follow each sample's 1-D map next to GD (orthonormal data). */
  mapSteps?: Float64Array;
}

const divergence = 1e100;

/**
 * Full-batch GD from the state of `gd`, recording at `points` record points the training loss, the
 * closed-form test error of the last iterate and of the predictor averaged over `[burnIn, t]`
 * ({@link PredictorAverage}), and the sharpness (largest Hessian eigenvalue by power iteration). Also the
 * largest Lyapunov exponent of the GD map over the second half of the run (tangent vector
 * `v <- (I - lr ∇²L) v`, in sample space: the directions outside span(X) have exponent 0), and with
 * `mapSteps` the gap between each sample's GD value and its 1-D map. Divergence is a result
 * (`failedStep`), never an exception or a NaN in the output.
 *
 * @example runGd(new SpanGd(data, arch, U0), { lr: 40, steps: 300, points: 61, burnIn: 150 }).testError
 */
export function runGd(gd: SpanGd, o: GdRunOptions): GdTrajectory {
  const grid = recordGrid(o.steps, o.points, 1).steps;
  const out = emptyTrajectory(o.steps);
  const f = new Float64Array(gd.data.n);
  const record = recorder(gd, o.burnIn, out);
  const tangent = new Float64Array(f.length * gd.width).fill(1 / Math.sqrt(f.length * gd.width));
  const previous = new Float64Array(gd.P.length);
  const follow = o.mapSteps ? mapFollower(gd, o.mapSteps) : undefined;
  const lyapStart = Math.floor(o.steps / 2);
  let lyapSum = 0;
  let next = 0;
  for (let l = 0; l <= o.steps; l++) {
    const loss = gd.evaluate(f);
    if (nonFiniteKind(loss, divergence) !== undefined) {
      out.failedStep = l;
      out.failure = nonFinite("the training loss", loss, { step: l }, divergence);
      break;
    }
    follow?.(f, l);
    const tailIndex = l - (o.steps + 1 - out.tailLoss.length);
    if (tailIndex >= 0) out.tailLoss[tailIndex] = loss;
    if (l === grid[next]) {
      next++;
      record(l, loss);
    } else if (l >= o.burnIn) record.average.add();
    if (l === o.steps) break;
    if (l >= lyapStart) lyapSum += tangentLog(gd, tangent, o.lr);
    if (l === lyapStart + 1) out.midStepRatio = stepRatio(gd.P, previous);
    previous.set(gd.P);
    gd.step(o.lr);
  }
  out.lyapunov = o.steps > lyapStart && Number.isFinite(lyapSum) ? lyapSum / (o.steps - lyapStart) : 0;
  out.finalStepRatio = stepRatio(gd.P, previous);
  out.finalSharpness = out.sharpness.length > 0 ? out.sharpness[out.sharpness.length - 1] : 0;
  if (follow) out.mapDeviation = follow.gap();
  return out;
}

/** A trajectory with nothing recorded yet. */
function emptyTrajectory(steps: number): GdTrajectory {
  return {
    t: [],
    trainLoss: [],
    testError: [],
    sharpness: [],
    averagedT: [],
    testErrorAveraged: [],
    lyapunov: 0,
    finalStepRatio: 0,
    finalSharpness: 0,
    midStepRatio: 0,
    tailLoss: new Float64Array(Math.min(tailLength, steps + 1)),
  };
}

/**
 * The record-point writer of {@link runGd}: at step `l` (loss `loss`) it adds the step to the predictor
 * average (from `burnIn` on) and appends the loss, the last iterate's test error, the sharpness and the
 * averaged predictor's test error to `out`. Between record points only `average.add()` is called.
 */
function recorder(gd: SpanGd, burnIn: number, out: GdTrajectory) {
  const { d, n, teacher } = gd.data;
  const A = new Float64Array(d * d);
  const U = new Float64Array(d * gd.width);
  const average = new PredictorAverage(gd);
  const eig = new Float64Array(n * gd.width).fill(1);
  const work = new Float64Array(n * gd.width);
  const record = (l: number, loss: number) => {
    if (l >= burnIn) average.add();
    gd.parameters(U);
    gramOf(U, d, gd.width, gd.arch.c, A);
    out.t.push(l);
    out.trainLoss.push(loss);
    out.testError.push(quadraticTestError(A, teacher, d));
    const top = largestEigenvalue((v, r) => gd.applySymmetricHessian(v, r), eig, work, 100, 1e-7);
    out.sharpness.push(d > n ? Math.max(top, 0) : top);
    if (l < burnIn) return;
    average.matrix(gd.data, A);
    out.averagedT.push(l);
    out.testErrorAveraged.push(quadraticTestError(A, teacher, d));
  };
  return Object.assign(record, { average });
}

/** One tangent step, renormalised; returns `ln |v'|` (0 if the vector degenerates). */
function tangentLog(gd: SpanGd, v: Float64Array, lr: number): number {
  gd.applyTangent(v, lr);
  let norm = 0;
  for (let k = 0; k < v.length; k++) norm += v[k] * v[k];
  norm = Math.sqrt(norm);
  if (!(norm > 0 && Number.isFinite(norm))) return 0;
  for (let k = 0; k < v.length; k++) v[k] /= norm;
  return Math.log(norm);
}

function stepRatio(P: Float64Array, previous: Float64Array): number {
  let moved = 0;
  let size = 0;
  for (let k = 0; k < P.length; k++) {
    moved += (P[k] - previous[k]) ** 2;
    size += P[k] * P[k];
  }
  const ratio = Math.sqrt(moved / Math.max(size, 1e-300));
  return Number.isFinite(ratio) ? ratio : 1;
}

/**
 * Follows each sample's 1-D map next to GD: at step 0 the map starts from the GD value, afterwards the
 * largest gap between the two is kept and the map advanced. The GD value is `P_i / sqrt(y_i)` (cubic map,
 * phase retrieval) or `f_i / y_i` (square map, network).
 */
function mapFollower(
  gd: SpanGd,
  r: Float64Array,
): ((f: Float64Array, l: number) => void) & { gap: () => number } {
  const { map } = sampleMap(gd.arch);
  const y = gd.data.y;
  const state = new Float64Array(gd.n);
  let gap = 0;
  const follow = (f: Float64Array, l: number) => {
    for (let i = 0; i < state.length; i++) {
      const value = gd.arch.map === "cubic" ? gd.P[i] / Math.sqrt(y[i]) : f[i] / y[i];
      if (l > 0 && Math.abs(value - state[i]) > gap) gap = Math.abs(value - state[i]);
      state[i] = map.step(l === 0 ? value : state[i], r[i]);
    }
  };
  return Object.assign(follow, { gap: () => gap });
}
