import type { Experiment } from "../../experiment/experiment.js";
import type { ModelPackage } from "../../experiment/model-package.js";
import { gmmTwoLayerExperiment } from "./experiment.js";
import { gmmTwoLayerFigures } from "./figures.js";
import { gmmFigure } from "./render.js";
import { gmmSweepFigures, gmmSweepOverlay } from "./sweeps.js";

/** The two-layer network on a Gaussian mixture: its experiment, paper figures and record figure. */
export const catalogueEntry: ModelPackage = {
  experiments: [gmmTwoLayerExperiment as Experiment<never>],
  figures: gmmTwoLayerFigures,
  renderers: { [gmmTwoLayerExperiment.name]: gmmFigure },
  sweepOverlays: { [gmmTwoLayerExperiment.name]: gmmSweepOverlay },
  sweepFigures: gmmSweepFigures,
};
