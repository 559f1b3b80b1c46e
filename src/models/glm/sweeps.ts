import type { SweepFigureEntry, SweepOverlayFn } from "../../experiment/model-package.js";
import { marchenkoPastur } from "../../theory/dmft/marchenko-pastur.js";
import { lrCritical } from "./stationary.js";

/**
 * The divergence threshold of SGD on ridge regression over a sweep figure: the curve
 * `lr = lrCritical(b)` on an (lr, batchFraction) heatmap, or the line `lr = lrCritical` on a line over
 * lr (science/02 §5); alpha, ridge and momentum come from the sweep's spec. Square loss and an isotropic
 * linear teacher only (where the exact threshold is known).
 *
 * @example glmSweepOverlay({ x: { path: "optimizer.lr", values }, y: { path: "optimizer.batchFraction", values }, spec })
 */
export const glmSweepOverlay: SweepOverlayFn = ({ x, y, spec }) => {
  const model = spec.model as { loss: string; alpha: number; ridge: number };
  const optimizer = spec.optimizer as { momentum: number; batchFraction: number };
  if (model.loss !== "square" || x.path !== "optimizer.lr") return [];
  const K = marchenkoPastur(model.alpha, "K");
  const at = (b: number) =>
    lrCritical(K, { alpha: model.alpha, ridge: model.ridge, momentum: optimizer.momentum, batchFraction: b });
  const label = "lr = lrCritical(b)";
  if (!y) {
    const lr = at(optimizer.batchFraction);
    return lr === undefined ? [] : [{ label, x: lr }];
  }
  if (y.path !== "optimizer.batchFraction") return [];
  const b = y.values.filter((v): v is number => typeof v === "number");
  const [lo, hi] = [Math.min(...b), Math.max(...b)];
  const points = Array.from({ length: 49 }, (_, i) => lo + ((hi - lo) * i) / 48)
    .map((bf) => ({ x: at(bf), y: bf }))
    .filter((p): p is { x: number; y: number } => p.x !== undefined);
  return [{ label, points }];
};

type Source = "exact" | "dmft" | "simulation";

/** One panel of dmft-stability: SGD on ridge regression over (lr, b), from one source. */
function stabilityPanel(source: Source) {
  const size = source === "exact" ? [10, 6] : [5, 3];
  return {
    name: `dmft-stability-${source}`,
    title: `Ridge regression by SGD: final q over (lr, b), ${source === "simulation" ? "simulation (d = 200, 4 runs)" : source === "dmft" ? "DMFT (500 samples)" : "exact homogenized recursion"}`,
    spec: {
      model: { name: "glm", loss: "square", teacher: "linear", alpha: 3, ridge: 0.5, sigma: 0 },
      optimizer: { name: "sgd", lr: 0.1, batchFraction: 0.5, momentum: 0 },
      init: { m0: 0, q0: 1 },
      steps: 60,
      theory: source === "simulation" ? [] : [source],
      dmft: { samples: 500, response: "pathwise", seeds: 1 },
      simulation: source === "simulation" ? { d: 200, runs: 4, batch: "bernoulli" } : null,
      seed: 1,
    },
    grid: {
      "optimizer.lr": { from: 0.05, to: 0.35, num: size[0] },
      "optimizer.batchFraction": { from: 0.1, to: 1, num: size[1] },
    },
    figure: { x: "optimizer.lr", y: "optimizer.batchFraction", color: `${source}.q.final`, logColor: true },
  };
}

/**
 * The phase diagrams of this model (`sgdlab reproduce dmft-stability`): where SGD with extensive batches
 * diverges in the (lr, b) plane of ridge regression (alpha = 3, lambda = 0.5): the final squared norm q
 * after 60 steps from the exact homogenized-SGD recursion (fine grid), the DMFT and the finite-d
 * simulation (coarse grids), each with the exact threshold lr = lrCritical(b) drawn over it.
 */
export const glmSweepFigures: Record<string, SweepFigureEntry> = {
  "dmft-stability": {
    description:
      "SGD on ridge regression, the (lr, b) plane: final q from the exact oracle, the DMFT and simulation side by side, with lr = lrCritical(b) overlaid (divergence beyond it)",
    source: "Extensive-batch SGD stability, science/02 §5 (stationary state and divergence)",
    panels: [stabilityPanel("exact"), stabilityPanel("dmft"), stabilityPanel("simulation")],
  },
};
