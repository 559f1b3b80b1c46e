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
  /** Theoretical boundaries over sweep figures, keyed by experiment name (issue 11, `src/sweep/`). */
  sweepOverlays?: Record<string, SweepOverlayFn>;
  /** Phase diagrams that `sgdlab reproduce <id>` computes with the sweep engine, keyed by figure id. */
  sweepFigures?: Record<string, SweepFigureEntry>;
}

/**
 * A theoretical boundary drawn over a sweep figure, in the figure's (x, y) coordinates: a curve, or a
 * vertical (`x`) or horizontal (`y`) line.
 */
export type SweepOverlay =
  | { label: string; points: { x: number; y: number }[] }
  | { label: string; x: number }
  | { label: string; y: number };

/** An axis of a sweep figure: the dotted spec path it varies and its values. */
export interface SweepAxisRef {
  path: string;
  values: readonly unknown[];
}

/**
 * The boundaries a model knows for a sweep figure: given the axes (`x`, and `y` for a heatmap) and the
 * spec of the sweep's first point (the fixed values), the curves to draw, or `[]` for axes it does not know.
 *
 * For implementers: keep it cheap (it runs once per figure); see `spikedSweepOverlay` for an example.
 */
export type SweepOverlayFn = (figure: {
  x: SweepAxisRef;
  y?: SweepAxisRef;
  spec: Record<string, unknown>;
}) => SweepOverlay[];

/** A phase diagram of `sgdlab reproduce`: sweep-file objects (docs/sweeps.md), drawn side by side. */
export interface SweepFigureEntry {
  description: string;
  source: string;
  /** One sweep per panel; each is also shipped as `examples/sweeps/<sweep name>.yaml`. */
  panels: Record<string, unknown>[];
}
