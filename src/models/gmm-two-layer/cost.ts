import { type WorkEstimate, workProduct, workSum } from "../../experiment/work.js";
import type { GmmTwoLayerSpec } from "./spec.js";

/** Measured nanoseconds per coordinate of one hidden unit in a full SGD step. */
const nsPerCoordinate = 10;
/**
 * Measured nanoseconds per unit of `K^2 + 16` of one step of the dimension-free sampler: 23, 29, 22 and
 * 23 ns at K = 2, 4, 6 and 10 (0.5 to 2.7 µs a step, one thread, N = 200, 2000 runs); the largest, rounded
 * up. (It was 120, four to five times the measured cost, which refused the powered examples in the
 * property tests' lower limit.)
 */
const nsPerReducedStep = 30;
/** Measured nanoseconds per test sample and hidden unit at each record point. */
const nsPerTestSample = 35;

/**
 * Work of a Gaussian-mixture spec: `runs × steps × K × N` (full) or
 * `runs × steps × (K^2 + 16)` (dimension-free), with `steps = horizon N / cDelta`, plus the test metrics
 * `runs × points × testSamples × K`.
 *
 * @example gmmCost(spec).operations
 */
export function gmmCost(spec: GmmTwoLayerSpec): WorkEstimate {
  const { N, K } = spec.model;
  const steps = Math.ceil((spec.horizon * N) / spec.optimizer.cDelta);
  const { runs, points, testSamples } = spec;
  return workSum([
    spec.simulation === "full"
      ? workProduct({ runs, steps, "model.K": K, "model.N": N }, nsPerCoordinate)
      : workProduct({ runs, steps, "K^2 + 16": K * K + 16 }, nsPerReducedStep),
    workProduct({ runs, points, testSamples, "model.K": K }, nsPerTestSample),
  ]);
}
