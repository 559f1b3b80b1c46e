import type { FigureEntry } from "../../experiment/figure-entry.js";

/**
 * The paper figures of this model that `sgdlab reproduce <id>` runs.
 * The orbit diagram of the cubic map of large-step GD (science/04 §2). Settings come from
 * the science files cited in each entry.
 */
export const cubicMapFigures: Record<string, FigureEntry> = {
  "chaos-phases": {
    description:
      "Orbit diagram and Lyapunov exponent of the cubic map z -> z(1 + r(1 - z^2)) of large-step GD over r in (0, 2.2], " +
      "two symmetric starts, with the phase boundaries located numerically (0.5, 1, sqrt5 - 1, 1.30228, 1.45044, crisis, 2)",
    source: "Chen, Balasubramanian, Ghosal, Agrawalla (2024), arXiv 2310.01687; science/04 §2",
    panels: [
      {
        label: "orbit-diagram",
        spec: {
          title: "Cubic map of large-step GD: orbit diagram and Lyapunov exponent",
          model: { name: "cubic-map" },
          analysis: "orbit-diagram",
          r: { from: 0.0025, to: 2.2, step: 0.0025 },
          z0: [0.001, -0.001],
          transient: 2000,
          keep: 256,
        },
      },
    ],
  },
};
