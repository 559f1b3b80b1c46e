import type { ExperimentRecord } from "../experiment/record.js";
import { cubicFigure } from "./cubic-figure.js";
import { dlnFigure } from "./dln-figure.js";
import { recordFigure } from "./figure.js";
import { flowsFigure } from "./flows-figure.js";
import { gdFigure } from "./gd-figure.js";
import { gmmFigure } from "./gmm-figure.js";

/** Draws a record as a standalone SVG string. */
export type FigureRenderer = (record: ExperimentRecord) => string;

/**
 * Figures for experiments whose records are not (only) time series — phase diagrams, orbit diagrams,
 * distributions — keyed by the spec's `model.name`. Experiments not listed get {@link recordFigure}.
 *
 * For implementers: add `"<model name>": renderer` here; the renderer may dispatch on
 * `record.spec.analysis` and fall back to `recordFigure` for time-series analyses.
 */
export const figureRenderers: Record<string, FigureRenderer> = {
  "random-curvature": flowsFigure,
  "quadratic-finite-sum": flowsFigure,
  "least-squares": flowsFigure,
  "cubic-map": cubicFigure,
  "phase-retrieval": gdFigure,
  "quadratic-network": gdFigure,
  "gmm-two-layer": gmmFigure,
  "diagonal-linear-network": dlnFigure,
};

/**
 * The figure of a record: its experiment's renderer, or the time-series panels of {@link recordFigure}.
 *
 * @example writeFileSync("figure.svg", renderFigure(record))
 */
export function renderFigure(record: ExperimentRecord): string {
  const name = (record.spec.model as { name?: string } | undefined)?.name;
  const renderer = name === undefined ? undefined : figureRenderers[name];
  return (renderer ?? recordFigure)(record);
}
