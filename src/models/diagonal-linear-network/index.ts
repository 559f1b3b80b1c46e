import type { Experiment } from "../../experiment/experiment.js";
import type { ModelPackage } from "../../experiment/model-package.js";
import { dlnExperiment } from "./experiment.js";
import { dlnFigures } from "./figures.js";
import { dlnFigure } from "./render.js";

/** The diagonal linear network (law of balance): its experiment, paper figures and record figures. */
export const catalogueEntry: ModelPackage = {
  experiments: [dlnExperiment as Experiment<never>],
  figures: dlnFigures,
  renderers: { [dlnExperiment.name]: dlnFigure },
};
