import type { Experiment } from "./experiment.js";
import type { FigureEntry } from "./figure-entry.js";
import type { ExperimentRecord } from "./record.js";

/** Draws a record as a standalone SVG string. */
export type FigureRenderer = (record: ExperimentRecord) => string;

/**
 * What one model folder contributes to the catalogue (`src/catalogue/`): its experiments (keyed there by
 * `experiment.name`, the spec's `model.name`), its paper figures (keyed by figure id) and the renderers of
 * its records that are not plain time series (keyed by experiment name; the others get the generic
 * time-series figure, `recordFigure` in `src/plot/`).
 *
 * For implementers: export `catalogueEntry: ModelPackage` from `src/models/<name>/index.ts` and add one
 * line to `src/catalogue/models.ts`; nothing else outside the folder changes (docs/extending.md).
 *
 * @example
 * export const catalogueEntry: ModelPackage = {
 *   experiments: [spikedTensorExperiment as Experiment<never>],
 *   figures: spikedTensorFigures,
 * };
 */
export interface ModelPackage {
  experiments: Experiment<never>[];
  figures?: Record<string, FigureEntry>;
  renderers?: Record<string, FigureRenderer>;
}
