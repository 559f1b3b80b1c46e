import type { SdeProblem } from "./types.js";

/**
 * k copies of an SDE driven by the *same* Brownian motions: state $(x^1, \dots, x^k)$, dimension k d, the
 * same m noises, column j of copy c at rows $c d .. c d + d - 1$. This is how several initial points see
 * one data sequence (SGD as a random dynamical system; multi-point statistics, science/05 §1).
 *
 * @example sharedNoiseCopies(finiteSumFlow(fs, "smf", lr), 2) // X(x) and X(-x) on one W
 */
export function sharedNoiseCopies(p: SdeProblem, k: number): SdeProblem {
  const d = p.dim;
  const m = p.noise;
  const g = new Float64Array(d * m);
  return {
    dim: k * d,
    noise: m,
    structure: p.structure === "additive" ? "additive" : "general",
    drift(t, x, out) {
      for (let c = 0; c < k; c++)
        p.drift(t, x.subarray(c * d, (c + 1) * d), out.subarray(c * d, (c + 1) * d));
    },
    diffusion(t, x, out) {
      for (let c = 0; c < k; c++) {
        p.diffusion(t, x.subarray(c * d, (c + 1) * d), g);
        for (let j = 0; j < m; j++) for (let i = 0; i < d; i++) out[j * k * d + c * d + i] = g[j * d + i];
      }
    },
  };
}

/**
 * Independent SDEs as one: the state is the concatenation, the noises too (block-diagonal diffusion).
 *
 * @example stackIndependent([sharedNoiseCopies(smf, 2), sharedNoiseCopies(sme, 2)])
 */
export function stackIndependent(problems: readonly SdeProblem[]): SdeProblem {
  const dim = problems.reduce((s, p) => s + p.dim, 0);
  const noise = problems.reduce((s, p) => s + p.noise, 0);
  const buffers = problems.map((p) => new Float64Array(p.dim * p.noise));
  return {
    dim,
    noise,
    structure: problems.every((p) => p.structure === "additive") ? "additive" : "general",
    drift(t, x, out) {
      let o = 0;
      for (const p of problems) {
        p.drift(t, x.subarray(o, o + p.dim), out.subarray(o, o + p.dim));
        o += p.dim;
      }
    },
    diffusion(t, x, out) {
      out.fill(0);
      let o = 0;
      let col = 0;
      problems.forEach((p, b) => {
        const g = buffers[b];
        p.diffusion(t, x.subarray(o, o + p.dim), g);
        for (let j = 0; j < p.noise; j++)
          for (let i = 0; i < p.dim; i++) out[(col + j) * dim + o + i] = g[j * p.dim + i];
        o += p.dim;
        col += p.noise;
      });
    },
  };
}
