import type { FigureEntry } from "../../experiment/figure-entry.js";

/** Figs. 1 and 4: depth 1, width 1, y = x + eps with x ~ N(0, 1), SGD at lr 0.01, batch 1. */
const gaussianDepth1 = {
  model: { name: "diagonal-linear-network", depth: 1, width: 1, data: { x: "gaussian", slope: 1, noise: 1 } },
  optimizer: { name: "sgd", lr: 0.01, batch: 1 },
};

/**
 * The paper figures of this model that `sgdlab reproduce <id>` runs.
 * Liu, Li, Ueda Figs. 1, 3, 4: the law of balance and the stationary laws (science/03). Settings come from
 * the science files cited in each entry.
 */
export const dlnFigures: Record<string, FigureEntry> = {
  "balance-fig1": {
    description:
      "Law of balance on uwx - y (x ~ N(0,1), y = x + eps, lr 0.01, (u0, w0) = (2, 0.5), t = 200): SGD shrinks " +
      "|u^2 - w^2| as its SDE predicts (ln|D_t/D_0| -> -8.55), GD conserves it, GD + isotropic noise drifts along the symmetry",
    source: "Liu, Li, Ueda (2023), arXiv 2308.06671, Fig. 1; science/03 §§2, 5",
    panels: [
      {
        label: "balance",
        spec: {
          title: "Law of balance: SGD vs its SDE vs GD vs GD + isotropic noise (Liu et al. Fig. 1)",
          ...gaussianDepth1,
          init: { u: 2, w: 0.5 },
          analysis: "balance",
          chains: 1000,
          horizon: 200,
          sampleEvery: 5,
          seed: 1,
        },
      },
    ],
  },
  "balance-fig3": {
    description:
      "Stationary laws of v for depth 0 (linear regression) and depth 1 (uw) at T = 0.005 and T = 0.05 (uniform x, " +
      "y = x + 3 eps, Tc = 0.102): depth 0 spreads as T grows, depth 1 piles mass towards v = 0 (Tc/3 < 0.05 < Tc; " +
      "there discrete SGD at lr = 0.05 is visibly off the small-lr law, KS ~ 0.14, science/03 §4). Underpowered: the " +
      "depth-0 T = 0.05 check (detectable 0.11 of the unit range) is bounded by its lr bias, not by chains (1500 give 0.11)",
    source: "Liu, Li, Ueda (2023), Fig. 3; science/03 §3",
    panels: [0.005, 0.05].flatMap((lr) =>
      [0, 1].map((depth) => ({
        label: `depth${depth}-T${lr}`,
        spec: {
          title: `Stationary law, depth ${depth}, T = ${lr} (Liu et al. Fig. 3)`,
          model: {
            name: "diagonal-linear-network",
            depth,
            width: 1,
            data: { x: "uniform", slope: 1, noise: 3 },
          },
          optimizer: { name: "sgd", lr, batch: 1 },
          init: { u: 1, w: 1 },
          analysis: "stationary",
          chains: 1000,
          burnIn: 50,
          horizon: 250,
          sampleEvery: 2,
          seed: 1,
        },
      })),
    ),
  },
  "balance-fig4": {
    description:
      "Regimes of the depth-1 law over (T, sigma) for y = x + sigma eps, x ~ N(0,1): collapsed (T > Tc), p(0) = 0 " +
      "(T < Tc/3), bimodal (interior mode and divergence at 0), divergence at 0 only; with a depth-1 temperature " +
      "sweep at sigma = 1 (fluctuation inversion, near-zero growth rate, discrete collapse point). Underpowered: the " +
      "growth-rate check (detectable 0.76 at 200 chains) would need ~60x the chains (~10 min)",
    source: "Liu, Li, Ueda (2023), Fig. 4; science/03 §§3-4",
    panels: [
      {
        label: "regimes",
        spec: {
          title: "Regimes over (T, sigma) and a temperature sweep at sigma = 1 (Liu et al. Fig. 4)",
          ...gaussianDepth1,
          analysis: "temperature-sweep",
          depths: [0, 1, 2],
          noises: [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8],
          chains: 200,
          burnIn: 20,
          horizon: 80,
          sampleEvery: 1,
          seed: 1,
        },
      },
    ],
  },
};
