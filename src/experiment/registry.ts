import { cubicMapExperiment } from "../models/cubic-map/experiment.js";
import { spikedTensorExperiment } from "../models/spiked-tensor/experiment.js";
import type { Experiment } from "./experiment.js";

/** The catalogue: experiment name (the spec's `model.name`) -> experiment. */
export const experiments: Record<string, Experiment<never>> = {
  [cubicMapExperiment.name]: cubicMapExperiment as Experiment<never>,
  [spikedTensorExperiment.name]: spikedTensorExperiment as Experiment<never>,
};

/** Names of all experiments, sorted. */
export function experimentNames(): string[] {
  return Object.keys(experiments).sort();
}
