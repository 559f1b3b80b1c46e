import type { SweepOverlay, SweepOverlayFn } from "../../experiment/model-package.js";
import { cubicBoundaries } from "./boundaries.js";

/**
 * The phase boundaries of the cubic map over a sweep figure whose x axis is the step size `r`: a vertical
 * line at each boundary (monotonic, periodic, period4, chaos, period3, crisis, divergent), located by
 * `cubicBoundaries` for the sweep's `z0` (science/04 §2). Other axes: none.
 *
 * @example cubicSweepOverlay({ x: { path: "r", values: [0.1, 2] }, spec: { z0: 0.001 } }).length // 7
 */
export const cubicSweepOverlay: SweepOverlayFn = ({ x, spec }) => {
  const z0 = typeof spec.z0 === "number" ? spec.z0 : 0.001;
  if (x.path !== "r") return [];
  const r = x.values.filter((v): v is number => typeof v === "number");
  const [lo, hi] = [Math.min(...r), Math.max(...r)];
  return Object.entries(cubicBoundaries(z0).values)
    .filter(([, at]) => at >= lo && at <= hi)
    .map(([name, at]): SweepOverlay => ({ label: name.replace("boundary.", ""), x: at }));
};
