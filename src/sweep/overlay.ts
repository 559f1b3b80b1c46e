import type { Axis } from "./axes.js";

/**
 * A theoretical boundary drawn over a sweep figure: a curve in the figure's (x, y) coordinates, or a
 * vertical (`x`) or horizontal (`y`) line.
 */
export type SweepOverlay =
  | { label: string; points: { x: number; y: number }[] }
  | { label: string; x: number }
  | { label: string; y: number };

/**
 * The boundaries an experiment knows for a sweep: given the figure axes (`x`, and `y` for a heatmap) and
 * the spec of the sweep's first point (the fixed values), return curves in the figure's coordinates, or
 * none when the axes are not ones the theory speaks about.
 *
 * For implementers: export one from the model package (`sweepOverlays`, keyed by experiment name); keep it
 * cheap (it runs once per figure) and return `[]` for axes it does not know.
 *
 * @example (figure) => figure.x.path === "model.snr" ? [{ label: "lambdaC", x: 0.5 }] : []
 */
export type SweepOverlayFn = (figure: { x: Axis; y?: Axis; spec: Record<string, unknown> }) => SweepOverlay[];
