import { type WorkEstimate, workProduct, workSum } from "../../experiment/work.js";
import { type GlmSpec, glmSamples } from "./spec.js";

/** Measured nanoseconds per data-matrix entry and step of the simulation (two passes: X w and X^T g). */
const nsPerEntryStep = 2;
/** Measured nanoseconds per DMFT sample, level and pair of times (the pathwise response is O(S T^2)). */
const nsPerDmftUnit = 50;

/**
 * Work of a glm spec: the simulation `runs × steps × n × d` (n = alpha d samples; a mini-batch still
 * reads the matrix once per step) plus the DMFT `seeds × samples × levels × steps^2` (pathwise) or
 * `× steps` (Stein).
 *
 * @example glmCost(spec).operations
 */
export function glmCost(spec: GlmSpec): WorkEstimate {
  const parts: WorkEstimate[] = [];
  if (spec.simulation)
    parts.push(
      workProduct(
        {
          "simulation.runs": spec.simulation.runs,
          steps: spec.steps,
          n: glmSamples(spec),
          "simulation.d": spec.simulation.d,
        },
        nsPerEntryStep,
      ),
    );
  if (spec.theory.includes("dmft")) {
    const times = spec.dmft.response === "pathwise" ? spec.steps * spec.steps : spec.steps;
    parts.push(
      workProduct(
        {
          "dmft.seeds": spec.dmft.seeds,
          "dmft.samples": spec.dmft.samples,
          levels: spec.model.spectrum.length,
          "steps^2 or steps": times,
        },
        nsPerDmftUnit,
      ),
    );
  }
  return workSum(parts);
}
