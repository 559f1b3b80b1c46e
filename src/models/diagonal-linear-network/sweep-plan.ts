import { dataMoments } from "./moments.js";
import { type DlnSpec, sweepDepths, sweepFractions } from "./spec.js";
import { criticalTemperature } from "./thresholds.js";

/** One (depth, T) cell of a temperature sweep. */
export interface SweepCell {
  depth: number;
  T: number;
}

/** What run i of a temperature sweep is: a chain of cell `cell`, or a near-zero growth chain at T index `j`. */
export type SweepRun =
  | { kind: "cell"; spec: DlnSpec; cell: number }
  | { kind: "growth"; spec: DlnSpec; j: number };

/**
 * The sweep temperatures: `temperatures`, or fractions 0.05 ... 1.2 of the depth-1 Tc of the data.
 *
 * @example sweepTemperatures(spec) // [0.028, 0.056, ...] for uniform data, k = sigma = 1
 */
export function sweepTemperatures(spec: DlnSpec): number[] {
  if (spec.temperatures) return spec.temperatures;
  const tc = criticalTemperature(dataMoments(spec.model.data), spec.optimizer.ridge);
  return sweepFractions.map((f) => f * tc);
}

/** Cells depth-major: every T for the first depth, then the next depth. @example sweepCells(spec).length */
export function sweepCells(spec: DlnSpec): SweepCell[] {
  const temps = sweepTemperatures(spec);
  return sweepDepths(spec).flatMap((depth) => temps.map((T) => ({ depth, T })));
}

/** Runs of a sweep: `chains` per cell, then `chains` growth chains per temperature. */
export function sweepRunCount(spec: DlnSpec): number {
  return (sweepCells(spec).length + sweepTemperatures(spec).length) * spec.chains;
}

/**
 * The single-cell spec of sweep run i (analysis "stationary" at depth D and lr = T × batch), or the
 * growth-chain spec (depth 1, width 1, u = w = 1e-8, one unit of time).
 *
 * @example sweepRun(spec, 0).kind // "cell"
 */
export function sweepRun(spec: DlnSpec, i: number): SweepRun {
  const cells = sweepCells(spec);
  const c = Math.floor(i / spec.chains);
  const lr = (T: number) => ({ ...spec.optimizer, lr: T * spec.optimizer.batch });
  if (c < cells.length) {
    const { depth, T } = cells[c];
    const cell: DlnSpec = {
      ...spec,
      analysis: "stationary",
      model: { ...spec.model, depth },
      optimizer: lr(T),
    };
    return { kind: "cell", spec: cell, cell: c };
  }
  const j = c - cells.length;
  const T = sweepTemperatures(spec)[j];
  const growth: DlnSpec = {
    ...spec,
    analysis: "stationary",
    model: { ...spec.model, depth: 1, width: 1 },
    optimizer: lr(T),
    init: { u: 1e-8, w: 1e-8 },
    burnIn: 0,
    horizon: growthTime,
    sampleEvery: growthTime,
  };
  return { kind: "growth", spec: growth, j };
}

/** Effective time over which the near-zero growth of ln v is measured (v grows at most e^{4 beta2} ~ 55x). */
export const growthTime = 1;
