import { type WorkEstimate, workProduct } from "../../experiment/work.js";
import { type CubicMapSpec, countValues } from "./spec.js";

/** Measured nanoseconds per iteration of the map (with its derivative and cycle detection). */
const nsPerIteration = 12;

/**
 * Work of a cubic-map spec: `r values × starts × iterations`, the iterations being `samples` for an
 * ergodic average and `transient + keep` otherwise.
 *
 * @example cubicCost(spec).formula // "r values × starts × iterations = 440 × 1 × 2256"
 */
export function cubicCost(spec: CubicMapSpec): WorkEstimate {
  const iterations = spec.analysis === "ergodic-average" ? spec.samples : spec.transient + spec.keep;
  return workProduct(
    { "r values": countValues(spec.r), starts: countValues(spec.z0), iterations },
    nsPerIteration,
  );
}
