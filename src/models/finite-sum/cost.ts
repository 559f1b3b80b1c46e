import { type WorkEstimate, workProduct, workSum } from "../../experiment/work.js";
import { dimOf } from "./check.js";
import { type FlowsSpec, lrsOf } from "./spec.js";

/** Measured nanoseconds per term and moment pair of one exact SGD moment step. */
const nsPerMomentUnit = 30;
/**
 * Measured nanoseconds per unit of `d^2 + 25` of one substep of one path of one source: about 1 µs of
 * fixed cost per path step (random draws, bookkeeping) plus 40 ns per coordinate pair.
 */
const nsPerPathUnit = 40;

/** The number M of functions f_i of a spec's finite sum. */
function termsOf(spec: FlowsSpec): number {
  const m = spec.model;
  return m.name === "random-curvature" ? 2 : m.name === "least-squares" ? m.n : m.A.length;
}

/**
 * Work of a modified-flows spec. Weak order: for each lr, `steps × M × n^2` for the exact SGD moment
 * recursion (`steps = horizon / lr`, M terms, `n = d^2 + 2d + 1` moments). Ensembles: `paths × steps ×
 * substeps × (d^2 + 25)` for each of the five sources (SGD and four flows).
 *
 * @example flowsCost(spec).formula
 */
export function flowsCost(spec: FlowsSpec): WorkEstimate {
  const d = dimOf(spec);
  const M = termsOf(spec);
  if (spec.analysis === "weak-order") {
    const moments = d * d + 2 * d + 1;
    return workSum(
      lrsOf(spec).map((lr) =>
        workProduct(
          { "horizon / lr": Math.ceil(spec.horizon / lr), M, "moments^2": moments * moments },
          nsPerMomentUnit,
        ),
      ),
    );
  }
  const steps = Math.ceil(spec.horizon / lrsOf(spec)[0]);
  return workProduct(
    { sources: 5, paths: spec.paths, "horizon / lr": steps, substeps: spec.substeps, "d^2 + 25": d * d + 25 },
    nsPerPathUnit,
  );
}
