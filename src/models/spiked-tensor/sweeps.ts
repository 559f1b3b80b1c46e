import type { SweepFigureEntry, SweepOverlayFn } from "../../experiment/model-package.js";
import { lambdaCritical } from "./limits.js";

/**
 * The recovery threshold over a sweep figure: the curve `snr = lambdaC(cDelta)` on an (snr, cDelta)
 * heatmap (either orientation), or the vertical line `snr = lambdaC` on a line over snr; k and the fixed
 * cDelta come from the sweep's spec (science/01 §2: recovery needs snr > lambdaC).
 *
 * @example spikedSweepOverlay({ x: { path: "model.snr", values: [0.5, 1] }, spec })[0] // { label, x: 0.5 }
 */
export const spikedSweepOverlay: SweepOverlayFn = ({ x, y, spec }) => {
  const k = (spec.model as { k: number }).k;
  const label = k === 2 ? "snr = lambdaC = cDelta" : `snr = lambdaC(cDelta), k = ${k}`;
  if (!y) {
    const cDelta = (spec.optimizer as { cDelta: number }).cDelta;
    return x.path === "model.snr" ? [{ label, x: lambdaCritical(k, cDelta) }] : [];
  }
  const cAxis = [x, y].find((a) => a.path === "optimizer.cDelta");
  if (!cAxis || ![x, y].some((a) => a.path === "model.snr")) return [];
  const c = cAxis.values.filter((v): v is number => typeof v === "number");
  const [lo, hi] = [Math.min(...c), Math.max(...c)];
  const points = Array.from({ length: 65 }, (_, i) => {
    const cDelta = lo + ((hi - lo) * i) / 64;
    const snr = lambdaCritical(k, cDelta);
    return x === cAxis ? { x: cDelta, y: snr } : { x: snr, y: cDelta };
  });
  return [{ label, points }];
};

/** One panel of bgj-phase: final m over (snr, cDelta) for tensor order k, from the ODE or simulation. */
function bgjPhasePanel(k: 2 | 3, source: "ode" | "simulation") {
  const simulated = source === "simulation";
  const snrMax = k === 2 ? 2 : 4;
  return {
    name: `bgj-phase-k${k}-${simulated ? "sim" : "ode"}`,
    title: `Spiked ${k === 2 ? "matrix" : "tensor"} PCA, k = ${k}: final m ${simulated ? "simulated (dimension-free, N = 1000, 4 runs)" : "from the ODE"} over (snr, cDelta)`,
    spec: {
      model: { name: "spiked-tensor", k, N: 1000, snr: 1 },
      optimizer: { name: "sgd", cDelta: 0.5 },
      init: { m: 0.5, rPerp2: 1 },
      horizon: 10,
      points: 11,
      runs: 4,
      seed: 1,
      simulation: simulated ? "dimension-free" : "none",
      theory: ["ode"],
    },
    grid: {
      "model.snr": { from: snrMax / (simulated ? 8 : 20), to: snrMax, num: simulated ? 8 : 20 },
      "optimizer.cDelta": { from: 0.1, to: 1, num: simulated ? 4 : 10 },
    },
    figure: { x: "model.snr", y: "optimizer.cDelta", color: `${source}.m.final` },
  };
}

/**
 * The phase diagrams of this model (`sgdlab reproduce bgj-phase`): final overlap m over (snr, cDelta) for
 * k = 2 and k = 3, the ballistic ODE on a fine grid (seconds) next to the dimension-free simulation on a
 * coarser one, with `snr = lambdaC(cDelta)` drawn over each. From m0 = 0.5 (above k = 3's unstable fixed
 * point mDagger over most of the grid), so recovery follows the threshold.
 */
export const spikedSweepFigures: Record<string, SweepFigureEntry> = {
  "bgj-phase": {
    description:
      "Spiked matrix (k = 2) and tensor (k = 3) PCA: final overlap m over (snr, cDelta), ODE (fine grid) and dimension-free simulation (coarse grid), snr = lambdaC(cDelta) overlaid",
    source: "Ben Arous, Gheissari, Jagannath (2022), critical step size and thresholds; science/01 §2",
    panels: [
      bgjPhasePanel(2, "ode"),
      bgjPhasePanel(2, "simulation"),
      bgjPhasePanel(3, "ode"),
      bgjPhasePanel(3, "simulation"),
    ],
  },
};
