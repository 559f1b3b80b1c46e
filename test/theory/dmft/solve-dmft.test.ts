import { describe, expect, it } from "vitest";
import { gaussHermite } from "../../../src/core/gauss-hermite.js";
import { Rng } from "../../../src/core/rng.js";
import { glmLosses } from "../../../src/models/glm/losses.js";
import { squareGd, squareSgd } from "../../../src/models/glm/square-exact.js";
import { type DmftProblem, dmftMemoryBytes } from "../../../src/theory/dmft/problem.js";
import { solveDmft } from "../../../src/theory/dmft/solve-dmft.js";

/** The authors' square-loss demo (science/02 §6) as a DMFT problem. */
function demo(steps: number, samples: number, extra: Partial<DmftProblem> = {}): DmftProblem {
  return {
    alpha: 3,
    ridge: 0.5,
    momentum: 0,
    batchFraction: 1,
    m0: 0.2,
    q0: 1,
    lr: new Float64Array(steps).fill(0.1),
    steps,
    samples,
    loss: glmLosses.square,
    label: (h) => h,
    ...extra,
  };
}

function maxGap(a: number[], b: number[]): number {
  return Math.max(...a.map((x, j) => Math.abs(x - b[j])));
}

describe("DMFT forward pass, square loss, full batch: exact for any S (moment matching)", () => {
  it.each([
    ["GD", 0, 0],
    ["heavy ball 0.5", 0.5, 0],
    ["GD, label noise sigma 0.5", 0, 0.5],
  ])(
    "%s: m, q, train loss equal the Marchenko–Pastur oracle to 1e-9 over 100 steps",
    (_l, momentum, sigma) => {
      const p = demo(100, 300, { momentum, label: (h, eps) => h + sigma * eps });
      const sol = solveDmft(p, Rng.fromSeed(1));
      const ex = squareGd({ ...p, sigma }, 100);
      expect(sol.status).toBe("ok");
      // The only error is rounding (square loss is linear, and moment matching makes every Gaussian
      // second moment exact): 1e-9 is the public acceptance bound (science/02 §6).
      expect(maxGap(sol.m, ex.m)).toBeLessThan(1e-9);
      expect(maxGap(sol.q, ex.q)).toBeLessThan(1e-9);
      expect(maxGap(sol.trainLoss, ex.trainLoss)).toBeLessThan(1e-9);
    },
  );

  it("two covariance levels with the same s = 1 are the isotropic problem: exact to 1e-9", () => {
    const levels = [
      { s: 1, p: 0.3 },
      { s: 1, p: 0.7 },
    ];
    const p = demo(60, 300, { levels, momentum: 0.3 });
    const sol = solveDmft(p, Rng.fromSeed(4));
    const ex = squareGd({ ...p, sigma: 0 }, 60);
    expect(maxGap(sol.m, ex.m)).toBeLessThan(1e-9);
    expect(maxGap(sol.q, ex.q)).toBeLessThan(1e-9);
    expect(maxGap(sol.trainLoss, ex.trainLoss)).toBeLessThan(1e-9);
  });

  it("a learning-rate schedule (lr_t = 0.2/(1 + t/10)) also matches the oracle to 1e-9", () => {
    const lr = Float64Array.from({ length: 60 }, (_, t) => 0.2 / (1 + t / 10));
    const p = demo(60, 200, { lr, momentum: 0.2 });
    const sol = solveDmft(p, Rng.fromSeed(2));
    const ex = squareGd({ ...p, sigma: 0 }, 60);
    expect(maxGap(sol.m, ex.m)).toBeLessThan(1e-9);
    expect(maxGap(sol.q, ex.q)).toBeLessThan(1e-9);
  });

  it("reports divergence with its step, not NaN, beyond 2/(lambda + (1 + sqrt alpha)^2) = 0.251", () => {
    const p = demo(200, 300, { lr: new Float64Array(200).fill(0.3) });
    const sol = solveDmft(p, Rng.fromSeed(1));
    expect(sol.status).toBe("diverged");
    expect(sol.failedStep).toBe(sol.q.length);
    expect(sol.q.every(Number.isFinite)).toBe(true);
  });
});

describe("Stein responses", () => {
  it("square-loss GD over 15 steps: exact (1e-9) while the pivots are well conditioned", () => {
    const p = demo(15, 300, { response: "stein" });
    const sol = solveDmft(p, Rng.fromSeed(1));
    const ex = squareGd({ ...p, sigma: 0 }, 15);
    expect(maxGap(sol.m, ex.m)).toBeLessThan(1e-9);
    expect(maxGap(sol.q, ex.q)).toBeLessThan(1e-9);
  });

  it("the solver refuses a problem beyond its memory bound before allocating", () => {
    expect(() => solveDmft(demo(3000, 10_000), Rng.fromSeed(1))).toThrow(/GiB/);
  });

  it("memory is O(S T): T = 200, S = 20000 fits in 200 MB (pathwise would need 1.7 GB)", () => {
    expect(dmftMemoryBytes(20_000, 200, "stein")).toBeLessThan(200e6);
    expect(dmftMemoryBytes(20_000, 200, "pathwise")).toBeGreaterThan(1.6e9);
  });
});

describe("DMFT forward pass, square loss, SGD b = 0.3: within Monte Carlo error of the homogenized recursion", () => {
  it.each(["pathwise", "stein"] as const)("%s responses: 6 solver seeds, S = 4000, 15 steps", (response) => {
    const seeds = 6;
    const p = demo(15, 4000, { batchFraction: 0.3, response });
    const ex = squareSgd({ ...p, sigma: 0 }, 15);
    const sols = Array.from({ length: seeds }, (_, k) => solveDmft(p, Rng.fromSeed(7).split(k)));
    for (const key of ["m", "q", "trainLoss"] as const) {
      for (let t = 0; t <= 15; t++) {
        const xs = sols.map((s) => s[key][t]);
        const mean = xs.reduce((a, x) => a + x, 0) / seeds;
        const se = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (seeds - 1) / seeds);
        // Mean of 6 seeds: Student t (5 dof) at the 4-sigma level is 11.2 standard errors; 1e-12 covers
        // the exact (zero-spread) start.
        expect(Math.abs(mean - ex[key][t]), `${key}(${t})`).toBeLessThanOrEqual(11.2 * se + 1e-12);
      }
    }
  });
});

/** E f(omega), omega ~ N(0, 1), by 80-point Gauss–Hermite (smooth integrands: converged to 1e-12). */
function gh(f: (x: number) => number): number {
  const { nodes, weights } = gaussHermite(80);
  let s = 0;
  for (let k = 0; k < nodes.length; k++) s += weights[k] * f(nodes[k]);
  return s;
}

describe("logistic loss, sign teacher, one step (science/02 §6: alpha 2, lr 0.5, lambda 0.1, m0 0, q0 1)", () => {
  const [alpha, lr, ridge] = [2, 0.5, 0.1];
  const sig = (x: number) => 1 / (1 + Math.exp(-x));
  // m0 = 0: H = omega independent of hStar; E[hStar loss'] = (E loss'(w, 1) - E loss'(w, -1))/sqrt(2 pi) = -1/sqrt(2 pi).
  const m1 = (lr * alpha) / Math.sqrt(2 * Math.PI);
  const e2 = gh((w) => sig(w) * sig(-w));
  const e1sq = gh((w) => sig(w) ** 2);
  const q1 = (b: number) =>
    m1 * m1 + (1 - lr * ridge - lr * alpha * e2) ** 2 + ((lr * lr * alpha) / b) * e1sq;
  const testError = (b: number) => Math.acos(m1 / Math.sqrt(q1(b))) / Math.PI;

  it("the one-step formulas reproduce the public values to their printed digits", () => {
    expect(Math.abs(m1 - 0.39894)).toBeLessThan(5e-6);
    expect(Math.abs(q1(1) - 0.85846)).toBeLessThan(5e-6);
    expect(Math.abs(testError(1) - 0.35831)).toBeLessThan(5e-6);
    expect(Math.abs(q1(0.3) - 1.20073)).toBeLessThan(5e-6);
    expect(Math.abs(testError(0.3) - 0.38139)).toBeLessThan(5e-6);
    expect(Math.abs(gh((w) => Math.log1p(Math.exp(w))) - 0.80606)).toBeLessThan(5e-6);
  });

  it.each([1, 0.3])("b = %s: the DMFT's first step is within 4 Monte Carlo sd of them (S = 20000)", (b) => {
    const S = 20_000;
    const p: DmftProblem = {
      alpha,
      ridge,
      momentum: 0,
      batchFraction: b,
      m0: 0,
      q0: 1,
      lr: [lr],
      steps: 1,
      samples: S,
      loss: glmLosses.logistic,
      label: (h) => (h >= 0 ? 1 : -1),
      classify: true,
    };
    const sol = solveDmft(p, Rng.fromSeed(11));
    // Linear propagation of the sampling sd of each mean: Var(hStar loss') = E sig^2 - 1/(2 pi);
    // q(1) moves with E loss'' (sd of sig(1-sig)) and E kappa^2 loss'^2 (fourth moment E sig^4 / b^3).
    const sdM = lr * alpha * Math.sqrt(e1sq - 1 / (2 * Math.PI));
    const sdE2 = Math.sqrt(gh((w) => (sig(w) * sig(-w)) ** 2) - e2 * e2);
    const sdG2 = Math.sqrt(gh((w) => sig(w) ** 4) / b ** 3 - (e1sq / b) ** 2);
    const G0 = 1 - lr * ridge - lr * alpha * e2;
    const sdQ = 2 * m1 * sdM + 2 * Math.abs(G0) * lr * alpha * sdE2 + lr * lr * alpha * sdG2;
    expect(Math.abs(sol.m[1] - m1)).toBeLessThan((4 * sdM) / Math.sqrt(S));
    expect(Math.abs(sol.q[1] - q1(b))).toBeLessThan((4 * sdQ) / Math.sqrt(S));
    expect(Math.abs(sol.trainLoss[0] - 0.80606)).toBeLessThan(
      4 * Math.sqrt(gh((w) => Math.log1p(Math.exp(w)) ** 2) / S),
    );
  });
});
