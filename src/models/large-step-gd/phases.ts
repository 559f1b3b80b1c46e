import { smallestPeriod } from "../../theory/maps/classify.js";
import { type CubicPhase, cubicPhase } from "../cubic-map/phase.js";
import { gradientScale, sampleMap } from "./arch.js";
import type { GdTrajectory } from "./gd-run.js";
import type { SpanGd } from "./span-gd.js";

/** The map's prediction for a GD run: per-sample step sizes and the phase they imply. */
export interface PhasePrediction {
  /** `r_i = rScale · lr · y_i` for each sample with `y_i > 0` (NaN where y_i <= 0). */
  r: Float64Array;
  rMin: number;
  rMax: number;
  /** Predicted phase; undefined when no sample has a positive label. */
  phase?: CubicPhase;
}

/**
 * Predict the phase of a GD run from the cubic map (science/04 §1, "unequal labels"): each sample i
 * follows the map with its own `r_i` from `z0_i` (phase retrieval: `x_i·w0 / sqrt(y_i)`; network:
 * `sqrt(f_i(0) / y_i)`, as `s = z^2` semi-conjugates the maps). The run diverges if any sample does;
 * otherwise its phase is that of the sample with the largest `r_i`. Exact for orthonormal data; for
 * Gaussian data a prediction to compare with {@link observedPhase}.
 *
 * @example predictPhase(new SpanGd(data, arch, U0), 40).phase // "periodic"
 */
export function predictPhase(gd: SpanGd, lr: number): PhasePrediction {
  const { n, y } = gd.data;
  const f = new Float64Array(n);
  gd.evaluate(f);
  const g = gradientScale(gd.arch, n);
  const { toCubic } = sampleMap(gd.arch);
  const r = new Float64Array(n).fill(Number.NaN);
  let rMin = Number.POSITIVE_INFINITY;
  let rMax = Number.NEGATIVE_INFINITY;
  let top: CubicPhase | undefined;
  let diverges = false;
  for (let i = 0; i < n; i++) {
    if (!(y[i] > 0)) continue;
    r[i] = g * lr * y[i];
    const z0 = gd.arch.map === "cubic" ? gd.P[i] / Math.sqrt(y[i]) : toCubic(f[i] / y[i]);
    const phase = cubicPhase(r[i], z0).phase;
    if (phase === "divergent") diverges = true;
    if (r[i] > rMax) top = phase;
    rMin = Math.min(rMin, r[i]);
    rMax = Math.max(rMax, r[i]);
  }
  if (top === undefined) return { r, rMin: 0, rMax: 0 };
  return { r, rMin, rMax, phase: diverges ? "divergent" : top };
}

/** Relative step length below which a GD run counts as converged. */
const convergedStep = 1e-8;

/** Relative tolerance of a repeated training loss in the final window (a cycle of GD). */
const cycleTolerance = 1e-7;

/** Lyapunov exponent above which a non-periodic GD run counts as chaotic (finite-run error ~ 1e-3). */
const chaosThreshold = 1e-3;

/**
 * The phase a GD run shows, from its trajectory alone (works for any data):
 *
 * - diverged: `divergent`;
 * - converged (relative step length below 1e-8 at the end, or shrunk 100-fold over the second half):
 *   `monotonic` if `lr · sharpness <= 1` at the end (every Hessian direction contracts without sign
 *   change; for orthonormal data `lr · sharpness = 2 r_max`, so this is r <= 1/2), else `catapult` (the
 *   top direction flips sign each step while converging);
 * - the training loss repeats with a period p <= 64 over the last 256 steps (to 1e-7): `periodic`;
 * - otherwise `chaotic` if the largest Lyapunov exponent of the GD map over the second half of the run
 *   exceeds 1e-3, else `periodic` (still converging to a cycle). GD has exactly neutral directions (the
 *   rotations of the hidden units), so its exponent is never below 0 for the network.
 *
 * @example observedPhase(runGd(gd, { lr: 40, steps: 1000, points: 5, burnIn: 0 }), 40) // "chaotic"
 */
export function observedPhase(run: GdTrajectory, lr: number): CubicPhase {
  if (run.failedStep !== undefined) return "divergent";
  const converged = run.finalStepRatio < convergedStep || run.finalStepRatio < 1e-2 * run.midStepRatio;
  if (converged) return lr * run.finalSharpness <= 1 ? "monotonic" : "catapult";
  const scale = run.tailLoss.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const normalised = run.tailLoss.map((v) => v / Math.max(scale, 1e-300));
  if (smallestPeriod(normalised, 64, cycleTolerance) > 0) return "periodic";
  return run.lyapunov > chaosThreshold ? "chaotic" : "periodic";
}
