/**
 * Paper figures that `sgdlab reproduce <id>` runs: each is one or more specs (panels) with a label.
 * Settings come from the science files cited in each entry.
 */
export interface FigureEntry {
  description: string;
  source: string;
  panels: { label: string; spec: Record<string, unknown> }[];
}

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

/** One panel of the glm DMFT figures (science/02 §6): simulation at d = 1000 over 10 seeds next to the theories. */
function glmDmftPanel(loss: "square" | "logistic", b: number) {
  const square = loss === "square";
  return {
    label: `b-${b}`,
    spec: {
      title: square
        ? `Ridge regression, alpha 3, ridge 0.5, lr 0.1, m0 0.2, b = ${b} (Gerbelot et al. demo)`
        : `Logistic regression, sign teacher, alpha 2, ridge 0.1, lr 0.5, b = ${b}`,
      model: square
        ? { name: "glm", loss, teacher: "linear", alpha: 3, ridge: 0.5, sigma: 0 }
        : { name: "glm", loss, teacher: "sign", alpha: 2, ridge: 0.1, sigma: 0 },
      optimizer: { name: "sgd", lr: square ? 0.1 : 0.5, batchFraction: b, momentum: 0 },
      init: { m0: square ? 0.2 : 0, q0: 1 },
      steps: 50,
      theory: square ? ["exact", "dmft"] : ["dmft"],
      dmft: { samples: 10_000, response: "pathwise", seeds: 2 },
      simulation: { d: 1000, runs: 10, batch: "bernoulli" },
      seed: 1,
    },
  };
}

/** BGJ Figs. 2–3: 200 full runs at N = 250, ridge 0.1, cDelta 1, T = 100 (science/01 §3). */
function bgjGmmPanel(task: "binary" | "xor", K: number, snr: number, title: string) {
  return {
    label: task,
    spec: {
      title,
      model: { name: "gmm-two-layer", task, K, N: 250, snr, ridge: 0.1 },
      optimizer: { name: "sgd", cDelta: 1 },
      init: { random: true },
      horizon: 100,
      points: 101,
      runs: 200,
      simulation: "full",
      theory: ["ode", "ode-infinite-snr", "success-probability"],
    },
  };
}

export const figures: Record<string, FigureEntry> = {
  "bgj-fig1": {
    description:
      "Spiked matrix PCA from a random start, N = 1500, 10N steps, snr 0.8 (below lambda_c = cDelta = 1: " +
      "N m^2 settles at cDelta^2/(cDelta - snr) = 5) and 1.2 (above: escape from the equator and m -> sqrt(0.2))",
    source: "Ben Arous, Gheissari, Jagannath (2022), Fig. 1; science/01 §3 'Paper figure settings'",
    panels: [bgjFig1Panel(0.8), bgjFig1Panel(1.2)],
  },
  "bgj-fig2": {
    description:
      "Binary Gaussian mixture, two-layer ReLU network with K = 2: N = 250, snr 100, ridge 0.1, cDelta 1, 200 " +
      "runs, T = 100: about half the runs reach the optimal classifier (m = v = ±sqrt(C_alpha)), the rest a bad " +
      "quarter circle; one run next to the finite-snr ODE (corrector) and the snr = Infinity ODE",
    source: "Ben Arous, Gheissari, Jagannath (2022), Fig. 2; science/01 §3 'Paper figure settings'",
    panels: [bgjGmmPanel("binary", 2, 100, "Binary GMM, K = 2, N = 250, snr 100, ridge 0.1 (BGJ Fig. 2)")],
  },
  "bgj-fig3": {
    description:
      "XOR Gaussian mixture, K = 4: N = 250, snr 1000, ridge 0.1, cDelta 1, 200 runs, T = 100: success fraction " +
      "against P_4 = 3/32; one run next to the finite-snr ODE and the snr = Infinity ODE",
    source: "Ben Arous, Gheissari, Jagannath (2022), Fig. 3; science/01 §3 'Paper figure settings'",
    panels: [bgjGmmPanel("xor", 4, 1000, "XOR GMM, K = 4, N = 250, snr 1000, ridge 0.1 (BGJ Fig. 3)")],
  },
  "xor-width": {
    description:
      "XOR Gaussian mixture: probability of ending at an optimal classifier against the width K = 1..10 " +
      "(200 exact runs per K, dimension-free), against P_K = 1 - 4(3/4)^K + 6(1/2)^K - 4(1/4)^K -> 1",
    source: "Ben Arous, Gheissari, Jagannath (2022), §5; science/01 §3 (XOR mixture)",
    panels: [
      {
        label: "width-sweep",
        spec: {
          title: "XOR GMM: success probability against width (N = 250, snr 1000, ridge 0.1)",
          model: { name: "gmm-two-layer", task: "xor", K: 4, N: 250, snr: 1000, ridge: 0.1 },
          analysis: "width-sweep",
          widths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
          horizon: 100,
          points: 2,
          runs: 200,
          simulation: "dimension-free",
          testSamples: 10,
        },
      },
    ],
  },
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
  "chaos-gd": {
    description:
      "GD on the quadratic network (d = 100, n = 80, width 50, c = 0.1414, orthonormal inputs, noisy teacher labels) at " +
      "three step sizes: periodic, chaotic and divergent, with last-iterate vs trajectory-averaged test error",
    source: "Chen et al. (2024), Fig. 3; science/04 §§1, 3, 4",
    panels: [chaosGdPanel("periodic", 30), chaosGdPanel("chaotic", 48), chaosGdPanel("divergent", 60)],
  },
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
          model: {
            name: "diagonal-linear-network",
            depth: 1,
            width: 1,
            data: { x: "gaussian", slope: 1, noise: 1 },
          },
          optimizer: { name: "sgd", lr: 0.01, batch: 1 },
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
      "there discrete SGD at lr = 0.05 is visibly off the small-lr law, KS ~ 0.14, science/03 §4)",
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
      "sweep at sigma = 1 (fluctuation inversion, near-zero growth rate, discrete collapse point)",
    source: "Liu, Li, Ueda (2023), Fig. 4; science/03 §§3-4",
    panels: [
      {
        label: "regimes",
        spec: {
          title: "Regimes over (T, sigma) and a temperature sweep at sigma = 1 (Liu et al. Fig. 4)",
          model: {
            name: "diagonal-linear-network",
            depth: 1,
            width: 1,
            data: { x: "gaussian", slope: 1, noise: 1 },
          },
          optimizer: { name: "sgd", lr: 0.01, batch: 1 },
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
  "dmft-square": {
    description:
      "Ridge regression by GD (b = 1) and SGD (b = 0.3), alpha 3, ridge 0.5, lr 0.1, m0 0.2: simulation at d = 1000 " +
      "over 10 seeds, the exact oracles (Marchenko–Pastur GD, homogenized SGD) and the discrete DMFT",
    source: "Gerbelot et al. (2022), arXiv 2210.06591 (the authors' demo); science/02 §6",
    panels: [glmDmftPanel("square", 1), glmDmftPanel("square", 0.3)],
  },
  "dmft-logistic": {
    description:
      "Logistic regression on a sign teacher, alpha 2, ridge 0.1, lr 0.5, b in {1, 0.3}: simulation at d = 1000 over " +
      "10 seeds and the discrete DMFT (S = 10^4, 2 solver seeds)",
    source: "Gerbelot et al. (2022), arXiv 2210.06591; science/02 §6",
    panels: [glmDmftPanel("logistic", 1), glmDmftPanel("logistic", 0.3)],
  },
};
