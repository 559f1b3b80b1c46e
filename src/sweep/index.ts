/**
 * Sweeps (issue 11), browser-safe: a sweep file -> validated, keyed points; record -> point summary;
 * the public `--json` document; the figure and report. The engines that run points live in
 * `src/node/sweep/`.
 */
export { type Axis, axisProduct, axisValues, pointCount, sweepAxes } from "./axes.js";
export {
  type PointOutcome,
  pointSummary,
  type SweepDocument,
  type SweepDocumentPoint,
  sweepDocument,
  sweepTable,
} from "./document.js";
export { sweepFigure } from "./figure.js";
export { type CodeVersion, canonicalJson, pointKey, sweepId } from "./key.js";
export type { SweepOverlay, SweepOverlayFn } from "./overlay.js";
export { valueAtPath, withPath } from "./paths.js";
export { planSweep, type SpecValidator, type SweepPlan, type SweepPoint } from "./plan.js";
export { sweepReport } from "./report.js";
export { sha256 } from "./sha256.js";
export {
  type FinalValue,
  failedSummary,
  type PointSummary,
  summarisePoint,
  type Verdict,
} from "./summary.js";
export { parseSweepFile, type SweepFile, sweepFileSpec } from "./sweep-file.js";
export { isValueName, type PointValue, pointValue, type SweepFigureSpec } from "./values.js";
