import * as models from "../../catalogue/models.js";
import type { SweepOverlay, SweepOverlayFn } from "../../sweep/overlay.js";
import type { SweepPlan } from "../../sweep/plan.js";

/**
 * The theoretical boundaries to draw over a sweep's figure: those of its experiment's model package
 * (`sweepOverlays[experiment]`), for the figure's axes and the first point's spec; `[]` when the model has
 * none or the figure is not a heatmap or line over axes it knows.
 *
 * @example sweepOverlaysOf(plan) // [{ label: "snr = lambdaC(cDelta)", points: [...] }]
 */
export function sweepOverlaysOf(plan: SweepPlan): SweepOverlay[] {
  const first = plan.points[0];
  if (!first) return [];
  const axis = (path: string | undefined) => plan.axes.find((a) => a.path === path);
  const x = axis(plan.figure.x);
  if (!x) return [];
  const y = plan.figure.color === undefined ? undefined : axis(plan.figure.y);
  for (const entry of Object.values(models) as { sweepOverlays?: Record<string, SweepOverlayFn> }[]) {
    const overlay = entry.sweepOverlays?.[first.experiment];
    if (overlay) return overlay({ x, y, spec: first.spec });
  }
  return [];
}
