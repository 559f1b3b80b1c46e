import type { Experiment } from "../../experiment/experiment.js";
import type { ModelPackage } from "../../experiment/model-package.js";
import { committeeExperiment } from "./experiment.js";
import { committeeFigures } from "./figures.js";
import { committeeFigure } from "./render.js";

/** The committee machine's contribution to the catalogue: its experiment, figures and record figure. */
export const catalogueEntry: ModelPackage = {
  experiments: [committeeExperiment as Experiment<never>],
  figures: committeeFigures,
  renderers: { committee: committeeFigure },
};
