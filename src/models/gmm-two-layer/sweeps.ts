import type { SweepFigureEntry, SweepOverlayFn } from "../../experiment/model-package.js";
import type { GmmTask } from "./geometry.js";
import { successProbability } from "./limits.js";

/**
 * The success probability of a random start over a sweep in the width K: the curve `P_K` through the
 * axis values (1/2 for the binary task; `1 - 4(3/4)^K + 6(1/2)^K - 4(1/4)^K` for XOR, science/01 §3).
 *
 * @example gmmSweepOverlay({ x: { path: "model.K", values: [4] }, spec: { model: { task: "xor" } } })
 */
export const gmmSweepOverlay: SweepOverlayFn = ({ x, y, spec }) => {
  if (y || x.path !== "model.K") return [];
  const task = (spec.model as { task: GmmTask }).task;
  const K = x.values.filter((v): v is number => typeof v === "number").sort((a, b) => a - b);
  return [{ label: "P_K", points: K.map((k) => ({ x: k, y: successProbability(task, k) })) }];
};

/** The XOR width sweep: a random start at each width K, success fraction ± binomial stderr against P_K. */
export function xorWidthSweep(name: string, widths: number[], runs: number, N: number, horizon: number) {
  return {
    name,
    title: `XOR GMM: success fraction against K (N = ${N}, snr 1000, ${runs} runs per K)`,
    spec: {
      model: { name: "gmm-two-layer", task: "xor", K: 4, N, snr: 1000, ridge: 0.1 },
      horizon,
      points: 2,
      runs,
      simulation: "dimension-free",
      testSamples: 10,
      theory: ["success-probability"],
    },
    grid: { "model.K": widths },
    figure: { x: "model.K", y: "scalars.successFraction", error: "scalars.successStderr" },
  };
}

/** The phase diagrams of this model that `sgdlab reproduce <id>` computes with the sweep engine. */
export const gmmSweepFigures: Record<string, SweepFigureEntry> = {
  "xor-width": {
    description:
      "XOR Gaussian mixture: probability of ending at an optimal classifier against the width K = 1..10 " +
      "(200 exact runs per K, dimension-free), against P_K = 1 - 4(3/4)^K + 6(1/2)^K - 4(1/4)^K -> 1",
    source: "Ben Arous, Gheissari, Jagannath (2022), §5; science/01 §3 (XOR mixture)",
    panels: [xorWidthSweep("xor-width", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 200, 250, 100)],
  },
};
