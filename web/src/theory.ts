import { experiments, validateSpec } from "./core.js";

/**
 * The theory-only variant of a valid spec, for the live theory: the same spec with its simulation
 * switched off, where the experiment's schema allows that (`simulation: "none"`, or `simulation: null`
 * for glm), or the spec itself for experiments without an ensemble (cubic-map; large-step GD, whose
 * deterministic run is cheap). `undefined` when the theory only comes with the simulation.
 *
 * @example theoryOnly({ model: { name: "spiked-tensor", N: 100, snr: 1 } })?.simulation // "none"
 */
export function theoryOnly(spec: Record<string, unknown>): Record<string, unknown> | undefined {
  const experiment = experiments[(spec.model as { name: string }).name];
  if (!experiment.simulateRun) return spec;
  for (const simulation of ["none", null]) {
    try {
      return validateSpec({ ...spec, simulation }).spec;
    } catch {
      // this experiment does not take that value: try the next one
    }
  }
  return undefined;
}

/** Whether the page runs this spec's ensemble on the worker pool (else the record worker computes it all). */
export function hasEnsemble(spec: Record<string, unknown>): boolean {
  return experiments[(spec.model as { name: string }).name].simulateRun !== undefined;
}
