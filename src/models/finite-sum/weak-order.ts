import {
  type AffineNoise,
  affineMomentStep,
  type CrossMoments,
  LinearSdeMoments,
  startMoments,
  traceOf,
} from "../../theory/sde/index.js";
import { affineDrift, finiteSumNoise, sgdBranches, smeRootNoise } from "./affine-flows.js";
import type { QuadraticForm } from "./finite-sum.js";
import { type FlowKind, flowKinds } from "./flows.js";
import { logLogSlope } from "./log-log-slope.js";

/** `second-moment`: $E|X|^2$ from x0; `two-point`: $E[X(x_0)\cdot X(-x_0)]$, both points on the same data. */
export type Observable = "second-moment" | "two-point";

/** A continuous-time model in the weak-order table: a flow, or SME with a shared Brownian motion. */
export type TableModel = FlowKind | "smeShared";

/** The exact weak-order analysis of one model over a list of learning rates. */
export interface WeakOrderTable {
  lr: number[];
  /** The SGD observable at t = horizon, for each lr. */
  sgd: number[];
  /** |model - SGD| per model (smeShared only for two-point in d = 1 with b = 0). */
  errors: Partial<Record<TableModel, number[]>>;
  /** Log-log slope of each error column against lr (absent when an error is 0). */
  slopes: Partial<Record<TableModel, number>>;
}

/** The exact moment solver of one model for an observable (null when the model does not apply). */
export function modelMoments(
  q: QuadraticForm,
  model: TableModel,
  lr: number,
  observable: Observable,
  x0: ArrayLike<number>,
): LinearSdeMoments | null {
  const none: AffineNoise = { D: [], e: [] };
  if (model === "smeShared") {
    const sign = Math.sign(x0[0]);
    const [na, nb] = [smeRootNoise(q, lr, sign), smeRootNoise(q, lr, -sign)];
    if (observable !== "two-point" || !na || !nb || sign === 0) return null;
    return new LinearSdeMoments(affineDrift(q, "sme2", lr), na, nb);
  }
  const drift = affineDrift(q, model, lr);
  if (model === "gf") return new LinearSdeMoments(drift, none, null);
  const shared = observable === "second-moment" || model === "smf";
  return new LinearSdeMoments(drift, finiteSumNoise(q, lr), shared ? "same" : null);
}

/** The two starts of an observable: (x0, x0) or (x0, -x0). */
export function starts(observable: Observable, x0: ArrayLike<number>): [number[], number[]] {
  const a = Array.from(x0);
  return [a, observable === "two-point" ? a.map((v) => -v) : a];
}

/**
 * SGD's cross moments after `steps` steps, exactly (the random affine recursion of science/05 §2 T2).
 *
 * @example traceOf(sgdMoments(q, 0.1, 10, [1], [-1]), 1)
 */
export function sgdMoments(
  q: QuadraticForm,
  lr: number,
  steps: number,
  xa: ArrayLike<number>,
  xb: ArrayLike<number>,
): CrossMoments {
  const branches = sgdBranches(q, lr);
  let m = startMoments(xa, xb);
  for (let s = 0; s < steps; s++) m = affineMomentStep(branches, xa.length, m);
  return m;
}

/**
 * The weak-order table: for each lr, the exact SGD observable after horizon/lr steps and the exact
 * error of each continuous-time model at t = horizon (moment recursion vs moment ODE; no Monte Carlo, no
 * time steps), with the log-log slopes of the errors against lr.
 *
 * @example weakOrderTable(randomCurvature(0.5), [1], [2 ** -5, 2 ** -6], 1, "two-point").slopes.smf // ≈ 2
 *
 * Reference: science/05-modified-flows.md §2 (T1, T2).
 */
export function weakOrderTable(
  q: QuadraticForm,
  x0: ArrayLike<number>,
  lrs: readonly number[],
  horizon: number,
  observable: Observable,
): WeakOrderTable {
  const d = x0.length;
  const [xa, xb] = starts(observable, x0);
  const models: TableModel[] = [...flowKinds, "smeShared"];
  const table: WeakOrderTable = { lr: [...lrs], sgd: [], errors: {}, slopes: {} };
  for (const lr of lrs) {
    const sgd = traceOf(sgdMoments(q, lr, Math.round(horizon / lr), xa, xb), d);
    table.sgd.push(sgd);
    for (const model of models) {
      const moments = modelMoments(q, model, lr, observable, x0);
      if (!moments) continue;
      const value = traceOf(moments.at(moments.start(xa, xb), horizon), d);
      const column = table.errors[model] ?? [];
      column.push(Math.abs(value - sgd));
      table.errors[model] = column;
    }
  }
  for (const [model, errors] of Object.entries(table.errors)) {
    const slope = logLogSlope(lrs, errors);
    if (slope !== null) table.slopes[model as TableModel] = slope;
  }
  return table;
}
