import type { Experiment } from "../../experiment/experiment.js";
import type { ModelPackage } from "../../experiment/model-package.js";
import {
  leastSquaresExperiment,
  quadraticFiniteSumExperiment,
  randomCurvatureExperiment,
} from "./experiment.js";
import { finiteSumFigures } from "./figures.js";
import { flowsFigure } from "./render.js";

const flowsExperiments = [randomCurvatureExperiment, quadraticFiniteSumExperiment, leastSquaresExperiment];

/** The finite sums and their modified flows: three experiments, one paper figure, one record figure. */
export const catalogueEntry: ModelPackage = {
  experiments: flowsExperiments.map((e) => e as Experiment<never>),
  figures: finiteSumFigures,
  renderers: Object.fromEntries(flowsExperiments.map((e) => [e.name, flowsFigure])),
};
