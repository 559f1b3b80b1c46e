import { cubicMapExperiment } from "../models/cubic-map/experiment.js";
import { dlnExperiment } from "../models/diagonal-linear-network/experiment.js";
import {
  leastSquaresExperiment,
  quadraticFiniteSumExperiment,
  randomCurvatureExperiment,
} from "../models/finite-sum/experiment.js";
import { glmExperiment } from "../models/glm/experiment.js";
import { gmmTwoLayerExperiment } from "../models/gmm-two-layer/experiment.js";
import { phaseRetrievalExperiment, quadraticNetworkExperiment } from "../models/large-step-gd/experiment.js";
import { spikedTensorExperiment } from "../models/spiked-tensor/experiment.js";
import type { Experiment } from "./experiment.js";

/** The catalogue: experiment name (the spec's `model.name`) -> experiment. */
export const experiments: Record<string, Experiment<never>> = {
  [cubicMapExperiment.name]: cubicMapExperiment as Experiment<never>,
  [dlnExperiment.name]: dlnExperiment as Experiment<never>,
  [glmExperiment.name]: glmExperiment as Experiment<never>,
  [gmmTwoLayerExperiment.name]: gmmTwoLayerExperiment as Experiment<never>,
  [phaseRetrievalExperiment.name]: phaseRetrievalExperiment as Experiment<never>,
  [quadraticNetworkExperiment.name]: quadraticNetworkExperiment as Experiment<never>,
  [spikedTensorExperiment.name]: spikedTensorExperiment as Experiment<never>,
  [randomCurvatureExperiment.name]: randomCurvatureExperiment as Experiment<never>,
  [quadraticFiniteSumExperiment.name]: quadraticFiniteSumExperiment as Experiment<never>,
  [leastSquaresExperiment.name]: leastSquaresExperiment as Experiment<never>,
};

/** Names of all experiments, sorted. */
export function experimentNames(): string[] {
  return Object.keys(experiments).sort();
}
