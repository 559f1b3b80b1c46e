import type { Experiment } from "../../experiment/experiment.js";
import type { ModelPackage } from "../../experiment/model-package.js";
import { glmExperiment } from "./experiment.js";
import { glmFigures } from "./figures.js";
import { glmSweepFigures, glmSweepOverlay } from "./sweeps.js";

/** Generalised linear models under (S)GD and their DMFT: the experiment and its paper figures. */
export const catalogueEntry: ModelPackage = {
  experiments: [glmExperiment as Experiment<never>],
  figures: glmFigures,
  sweepOverlays: { glm: glmSweepOverlay },
  sweepFigures: glmSweepFigures,
};
