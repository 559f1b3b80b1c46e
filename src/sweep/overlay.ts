/**
 * Theoretical boundaries over sweep figures: the types live with the model package (a model exports
 * `sweepOverlays`), re-exported here for the sweep layer.
 */
export type { SweepAxisRef, SweepOverlay, SweepOverlayFn } from "../experiment/model-package.js";
