import { type WorkEstimate, workProduct } from "../../experiment/work.js";
import type { SpikedTensorSpec } from "./spec.js";

/** Measured nanoseconds per coordinate of one full SGD step (fused O(N) update, k = 2 and 3). */
const nsPerCoordinate = 10;
/** Measured nanoseconds per step of the dimension-free sampler. */
const nsPerReducedStep = 150;

/**
 * Work of a spiked-tensor spec: `runs × steps × N` coordinate updates for `simulation: "full"`, `runs ×
 * steps` for the dimension-free sampler, with `steps = horizon N / cDelta`. The ODE theories are cheap.
 *
 * @example spikedCost(spec).formula // "runs × steps × model.N = 8 × 40000 × 2000"
 */
export function spikedCost(spec: SpikedTensorSpec): WorkEstimate {
  const steps = Math.ceil((spec.horizon * spec.model.N) / spec.optimizer.cDelta);
  if (spec.simulation === "none") return workProduct({ points: spec.points });
  return spec.simulation === "full"
    ? workProduct({ runs: spec.runs, steps, "model.N": spec.model.N }, nsPerCoordinate)
    : workProduct({ runs: spec.runs, steps }, nsPerReducedStep);
}
