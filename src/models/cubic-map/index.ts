import type { Experiment } from "../../experiment/experiment.js";
import type { ModelPackage } from "../../experiment/model-package.js";
import { cubicMapExperiment } from "./experiment.js";
import { cubicMapFigures } from "./figures.js";
import { cubicFigure } from "./render.js";
import { cubicSweepOverlay } from "./sweeps.js";

/** The cubic map of large-step GD: its experiment, its paper figure and its orbit/phase figures. */
export const catalogueEntry: ModelPackage = {
  experiments: [cubicMapExperiment as Experiment<never>],
  figures: cubicMapFigures,
  renderers: { [cubicMapExperiment.name]: cubicFigure },
  sweepOverlays: { [cubicMapExperiment.name]: cubicSweepOverlay },
};
