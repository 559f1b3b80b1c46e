import type { FigureEntry } from "../../experiment/figure-entry.js";

/** Learning rates of `committee-lr` (erf, p = k = 2, sum readouts): below, near and beyond the optimum, and divergent. */
export const committeeLrs = [0.25, 0.5, 1, 2, 4, 8];

/** erf, p = k, sum readouts, student scale 0.5: the classic plateau (science/06 §7 case 4 at a longer horizon). */
function plateauPanel(width: number, horizon: number, runs: number) {
  return {
    label: `p${width}-k${width}`,
    spec: {
      title: `erf committee, p = k = ${width}, sum readouts, d = 1000, lr 0.5`,
      model: {
        name: "committee",
        d: 1000,
        activation: "erf",
        student: { width, readout: "sum" },
        teacher: { width, readout: "sum" },
        noise: 0,
      },
      optimizer: { name: "sgd", lr: 0.5 },
      init: { random: true, scale: 0.5 },
      ode: { method: "rk4", dt: 0.05 },
      horizon,
      points: 121,
      runs,
      seed: 1,
      simulation: "dimension-free",
      theory: ["ode"],
    },
  };
}

function lrPanel(lr: number) {
  return {
    label: `lr-${lr}`,
    spec: {
      title: `erf, p = k = 2, sum readouts, d = 1000, lr ${lr}`,
      model: {
        name: "committee",
        d: 1000,
        student: { width: 2, readout: "sum" },
        teacher: { width: 2, readout: "sum" },
      },
      optimizer: { name: "sgd", lr },
      init: { random: true, scale: 0.5 },
      ode: { method: "rk4", dt: 0.02 },
      horizon: 150 / lr,
      points: 101,
      // 40 runs: at 4 the 4-sigma Student-t band left every panel underpowered (detectable 0.5-1.6 × the
      // range of eg); at 32, lr 8 was at 0.0996 of the range (docs/record.md, "Power").
      runs: 40,
      simulation: "dimension-free",
      theory: ["ode"],
    },
  };
}

/**
 * One physical run (erf, p = k = 2, first layer only, sum readouts as explicit lists so every preset sees
 * the same network, η = 0.5, d = 1000, canonical horizon 40, fixed start) given in each peer convention:
 * lr and times converted by the table of science/06 §5. The records' canonical curves coincide.
 */
function conventionPanel(convention: string, lr: number, timeScale: number) {
  return {
    label: convention,
    spec: {
      title: `${convention}: lr ${lr}, time unit = ${timeScale} canonical`,
      model: {
        name: "committee",
        d: 1000,
        student: { width: 2, readout: [1, 1] },
        teacher: { width: 2, readout: [1, 1] },
        noise: 0.001,
      },
      optimizer: { name: "sgd", lr },
      convention,
      init: {
        Q: [
          [0.25, 0.01],
          [0.01, 0.2],
        ],
        M: [
          [0.05, 0.01],
          [0.0, 0.04],
        ],
        P: [
          [1, 0],
          [0, 1],
        ],
      },
      ode: { method: "rk4", dt: 0.01 / timeScale },
      horizon: 40 / timeScale,
      points: 81,
      // 32 runs: at 4 the check was underpowered (detectable 0.36 × the range of eg), at 32 it is 0.02.
      runs: 32,
      simulation: "dimension-free",
      theory: ["ode"],
    },
  };
}

/** The committee machine's paper figures (science/06). */
export const committeeFigures: Record<string, FigureEntry> = {
  "committee-plateau": {
    description:
      "Soft committee machine, erf, sum readouts, lr 0.5, d = 1000 (exact dimension-free simulation) and the ODE from each run's own start: " +
      "p = k = 2 and p = k = 4, the unspecialised plateau and the specialisation (annotated)",
    source: "Saad & Solla, PRE 52 (1995); Biehl & Schwarze (1995); science/06 §§3, 6 (plateaus), §7 case 4",
    // p = k = 4 at 8 runs, not 4: at 4 its eg check was underpowered (detectable 0.15 × the range).
    panels: [plateauPanel(2, 300, 8), plateauPanel(4, 400, 8)],
  },
  "committee-lr": {
    description:
      "erf, p = k = 2, sum readouts, d = 1000: learning curves at lr 0.25 ... 8 (horizon 150/lr, so the same amount of " +
      "gradient flow); egFinal and specialisationTime of each panel give the optimal and the divergent learning rates",
    source: "Saad & Solla, PRE 52 (1995) §V (optimal and maximal learning rates); science/06 §3",
    panels: committeeLrs.map(lrPanel),
  },
  "committee-conventions": {
    description:
      "One physical run (erf, p = k = 2, sum readouts, eta 0.5, sigma^2 = 0.001, fixed start, d = 1000) in each peer convention: " +
      "canonical, saad-solla-1995, goldt-2019, arnaboldi-2023 (lr = gamma/p = 0.25, tau = t/4), veiga-2022",
    source: "science/06 §5 (convention table)",
    panels: [
      conventionPanel("canonical", 0.5, 1),
      conventionPanel("saad-solla-1995", 0.5, 1),
      conventionPanel("goldt-2019", 0.5, 1),
      conventionPanel("arnaboldi-2023", 0.25, 4),
      conventionPanel("veiga-2022", 0.5, 1),
    ],
  },
};
