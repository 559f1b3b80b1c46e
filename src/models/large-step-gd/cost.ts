import { type WorkEstimate, workProduct, workSum } from "../../experiment/work.js";
import type { LargeStepGdSpec } from "./spec.js";

/** Measured nanoseconds per multiply-add of the set-up (X U_0, the Gram matrix and its Cholesky factor). */
const nsPerSetupUnit = 2;
/** Measured nanoseconds per sample pair and hidden unit of one GD step in the span of the data. */
const nsPerStepUnit = 4;

/**
 * Work of a large-step GD spec: the set-up `n × d × (n + width)` and the steps `steps × n^2 × width`
 * (span GD costs O(n^2 width) per step: src/models/large-step-gd/span-gd.ts).
 *
 * @example gdCost(spec).operations
 */
export function gdCost(spec: LargeStepGdSpec): WorkEstimate {
  const { n, d } = spec.model;
  const width = "width" in spec.model ? spec.model.width : 1;
  return workSum([
    workProduct({ "model.n": n, "model.d": d, "n + width": n + width }, nsPerSetupUnit),
    workProduct({ steps: spec.steps, "model.n^2": n * n, width }, nsPerStepUnit),
  ]);
}
