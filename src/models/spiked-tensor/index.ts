import type { Experiment } from "../../experiment/experiment.js";
import type { ModelPackage } from "../../experiment/model-package.js";
import { spikedTensorExperiment } from "./experiment.js";
import { spikedTensorFigures } from "./figures.js";
import { spikedSweepFigures, spikedSweepOverlay } from "./sweeps.js";

/** The spiked tensor model's contribution to the catalogue: its experiment and its paper figures. */
export const catalogueEntry: ModelPackage = {
  experiments: [spikedTensorExperiment as Experiment<never>],
  figures: spikedTensorFigures,
  sweepOverlays: { "spiked-tensor": spikedSweepOverlay },
  sweepFigures: spikedSweepFigures,
};
