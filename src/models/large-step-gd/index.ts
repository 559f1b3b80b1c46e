import type { Experiment } from "../../experiment/experiment.js";
import type { ModelPackage } from "../../experiment/model-package.js";
import { phaseRetrievalExperiment, quadraticNetworkExperiment } from "./experiment.js";
import { largeStepGdFigures } from "./figures.js";
import { gdFigure } from "./render.js";

/** Large-step GD (phase retrieval, quadratic network): two experiments, a paper figure, a record figure. */
export const catalogueEntry: ModelPackage = {
  experiments: [
    phaseRetrievalExperiment as Experiment<never>,
    quadraticNetworkExperiment as Experiment<never>,
  ],
  figures: largeStepGdFigures,
  renderers: { [phaseRetrievalExperiment.name]: gdFigure, [quadraticNetworkExperiment.name]: gdFigure },
};
