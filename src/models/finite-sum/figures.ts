import type { FigureEntry } from "../../experiment/figure-entry.js";

/**
 * The paper figures of this model that `sgdlab reproduce <id>` runs.
 * The weak orders of the modified flows (science/05 §2). Settings come from
 * the science files cited in each entry.
 */
export const finiteSumFigures: Record<string, FigureEntry> = {
  "smf-weak-order": {
    description:
      "Weak error of GF, SME-1, SME-2, SMF (and SME with a shared Brownian motion) against SGD, exact moments, " +
      "log-log in lr = 2^-5..2^-8 at T = 1: T1 two-point E[X(1)X(-1)] (only SMF has slope 2) and T2 E|x|^2 " +
      "on a 2-D finite sum with non-commuting Hessians (SMF = SME-2 slope 2, SME-1 and GF slope 1)",
    source: "Gess, Kassing, Konarovskyi, arXiv 2302.07125; science/05-modified-flows.md §2 (T1, T2)",
    panels: [
      {
        label: "t1-two-point",
        spec: {
          title: "T1: random curvature, sigma = 0.5, two-point E[X(1) X(-1)] (science/05 §2)",
          model: { name: "random-curvature", sigma: 0.5 },
          analysis: "weak-order",
          lr: [0.03125, 0.015625, 0.0078125, 0.00390625],
          horizon: 1,
          observable: "two-point",
        },
      },
      {
        label: "t2-second-moment",
        spec: {
          title: "T2: 2-D finite sum, non-commuting Hessians, E|x|^2 (science/05 §2)",
          model: {
            name: "quadratic-finite-sum",
            A: [
              [
                [2, 0.5],
                [0.5, 0.5],
              ],
              [
                [0.5, -0.5],
                [-0.5, 1.5],
              ],
            ],
            b: [
              [1, 0],
              [-1, 1],
            ],
            x0: [1, 1],
          },
          analysis: "weak-order",
          lr: [0.03125, 0.015625, 0.0078125, 0.00390625],
          horizon: 1,
          observable: "second-moment",
        },
      },
    ],
  },
};
