import type { FigureEntry } from "../../experiment/figure-entry.js";

/** One panel of BGJ Fig. 1: spiked matrix PCA from a random start at one snr (science/01 §3). */
function bgjFig1Panel(snr: number) {
  return {
    label: `snr-${snr}`,
    spec: {
      title: `Spiked matrix PCA, random start, snr ${snr}, cDelta 1 (BGJ Fig. 1)`,
      model: { name: "spiked-tensor", k: 2, N: 1500, snr },
      optimizer: { name: "sgd", cDelta: 1 },
      init: { random: true },
      horizon: 10,
      points: 101,
      runs: 16,
      seed: 1,
      simulation: "full",
      theory: ["ode", "diffusive"],
    },
  };
}

/**
 * The paper figures of this model that `sgdlab reproduce <id>` runs.
 * BGJ Fig. 1: spiked matrix PCA below and above the threshold (science/01 §3). Settings come from
 * the science files cited in each entry.
 */
export const spikedTensorFigures: Record<string, FigureEntry> = {
  "bgj-fig1": {
    description:
      "Spiked matrix PCA from a random start, N = 1500, 10N steps, snr 0.8 (below lambda_c = cDelta = 1: " +
      "N m^2 settles at cDelta^2/(cDelta - snr) = 5) and 1.2 (above: escape from the equator and m -> sqrt(0.2)). " +
      "Its agreement checks are underpowered at 16 runs (N m^2 at snr 0.8: detectable gap 33 on a range of 7; " +
      "rPerp2 barely moves): resolving 10% of those ranges needs about 1000 times more runs, hours of full " +
      "simulation, so the figure shows the laws and the record says underpowered rather than agrees",
    source: "Ben Arous, Gheissari, Jagannath (2022), Fig. 1; science/01 §3 'Paper figure settings'",
    panels: [bgjFig1Panel(0.8), bgjFig1Panel(1.2)],
  },
};
