import type { FigureEntry } from "../../experiment/figure-entry.js";

/** One run of chaos-gd: the quadratic network of Chen et al. Fig. 3 (science/04 §4) at one step size. */
function chaosGdPanel(label: string, lr: number) {
  return {
    label,
    spec: {
      title: `Quadratic network, d = 100, n = 80, width 50, orthonormal data, lr ${lr} (${label})`,
      model: {
        name: "quadratic-network",
        d: 100,
        n: 80,
        width: 50,
        outer: 0.1414,
        data: "orthogonal",
        noise: 0.5,
      },
      optimizer: { name: "gd", lr },
      steps: 400,
      points: 81,
      average: { burnIn: 200 },
      seed: 1,
    },
  };
}

/**
 * The paper figures of this model that `sgdlab reproduce <id>` runs.
 * Chen et al. Fig. 3: GD on the quadratic network at three step sizes (science/04). Settings come from
 * the science files cited in each entry.
 */
export const largeStepGdFigures: Record<string, FigureEntry> = {
  "chaos-gd": {
    description:
      "GD on the quadratic network (d = 100, n = 80, width 50, c = 0.1414, orthonormal inputs, noisy teacher labels) at " +
      "three step sizes: periodic, chaotic and divergent, with last-iterate vs trajectory-averaged test error",
    source: "Chen et al. (2024), Fig. 3; science/04 §§1, 3, 4",
    panels: [chaosGdPanel("periodic", 30), chaosGdPanel("chaotic", 48), chaosGdPanel("divergent", 60)],
  },
};
