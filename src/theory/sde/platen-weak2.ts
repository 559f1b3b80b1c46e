import type { SdeProblem, SdeScheme, StepNoise } from "./types.js";

/**
 * Platen's explicit weak order 2.0 scheme for general (matrix) noise, derivative-free.
 *
 * With $\bar\Upsilon = X + a h + \sum_j b_j \Delta W^j$, $R^j_\pm = X + a h \pm b_j \sqrt h$,
 * $U^r_\pm = X \pm b_r \sqrt h$:
 * $X_{n+1} = X + \tfrac12 (a(\bar\Upsilon) + a) h
 *  + \tfrac14 \sum_j \big[(b_j(R^j_+) + b_j(R^j_-) + 2 b_j)\Delta W^j
 *     + \sum_{r \ne j} (b_j(U^r_+) + b_j(U^r_-) - 2 b_j)\Delta W^j\big]
 *  + \tfrac{1}{4\sqrt h} \sum_j \big[(b_j(R^j_+) - b_j(R^j_-))((\Delta W^j)^2 - h)
 *     + \sum_{r \ne j} (b_j(U^r_+) - b_j(U^r_-))(\Delta W^j \Delta W^r + V_{r,j})\big]$,
 * where $V_{r,j} = \pm h$ equiprobable for $r < j$ (the sign of one extra normal), $V_{j,r} = -V_{r,j}$.
 *
 * Weak order 2 for any noise; strong order 1 for a single noise (it contains the Milstein term), 1/2 in
 * general. Costs $2 + 4m$ diffusion evaluations per step ($2$ when m = 1).
 *
 * @example solveOnPath(gbm, platenWeak2, [0.5], path.level(6))
 *
 * Reference: Kloeden and Platen (1992), eq. (15.1.5); E. Platen, "Derivative free numerical methods for
 * stochastic differential equations", 1987.
 */
export const platenWeak2: SdeScheme = {
  name: "platen-weak2",
  strongOrder: 1,
  weakOrder: 2,
  accepts: ["general", "diagonal", "additive"],
  needsI10: false,
  extraNormals: (m) => (m * (m - 1)) / 2,
  workspace: (p) => {
    const dm = p.dim * p.noise;
    const d = p.dim;
    return [
      new Float64Array(d),
      new Float64Array(dm),
      new Float64Array(d),
      new Float64Array(dm),
      new Float64Array(dm),
      new Float64Array(d),
    ];
  },
  step(p: SdeProblem, t: number, h: number, x: Float64Array, noise: StepNoise, out: Float64Array, work) {
    const [a, g, aBar, gp, gm, y] = work;
    const d = p.dim;
    const m = p.noise;
    const sh = Math.sqrt(h);
    const dW = noise.dW;
    p.drift(t, x, a);
    p.diffusion(t, x, g);
    for (let i = 0; i < d; i++) y[i] = x[i] + a[i] * h;
    for (let k = 0; k < m; k++) for (let i = 0; i < d; i++) y[i] += g[k * d + i] * dW[k];
    p.drift(t + h, y, aBar);
    for (let i = 0; i < d; i++) out[i] = x[i] + 0.5 * (aBar[i] + a[i]) * h;
    for (let j = 0; j < m; j++) {
      supporting(p, t + h, x, a, h, g, j, sh, y, gp, gm);
      const c = j * d;
      const q = (dW[j] * dW[j] - h) / sh;
      for (let i = 0; i < d; i++)
        out[i] += 0.25 * ((gp[c + i] + gm[c + i] + 2 * g[c + i]) * dW[j] + (gp[c + i] - gm[c + i]) * q);
    }
    for (let r = 0; r < m && m > 1; r++) {
      supporting(p, t, x, a, 0, g, r, sh, y, gp, gm);
      for (let j = 0; j < m; j++) {
        if (j === r) continue;
        const c = j * d;
        const v = r < j ? twoPoint(noise.extra, r, j, m, h) : -twoPoint(noise.extra, j, r, m, h);
        const q = (dW[j] * dW[r] + v) / sh;
        for (let i = 0; i < d; i++)
          out[i] += 0.25 * ((gp[c + i] + gm[c + i] - 2 * g[c + i]) * dW[j] + (gp[c + i] - gm[c + i]) * q);
      }
    }
  },
};

/** Diffusion at $X + a\,\delta \pm b_r \sqrt h$ into `gp` and `gm` (δ = h for $R^r_\pm$, 0 for $U^r_\pm$). */
function supporting(
  p: SdeProblem,
  t: number,
  x: Float64Array,
  a: Float64Array,
  delta: number,
  g: Float64Array,
  r: number,
  sh: number,
  y: Float64Array,
  gp: Float64Array,
  gm: Float64Array,
): void {
  const d = p.dim;
  for (let i = 0; i < d; i++) y[i] = x[i] + a[i] * delta + g[r * d + i] * sh;
  p.diffusion(t, y, gp);
  for (let i = 0; i < d; i++) y[i] = x[i] + a[i] * delta - g[r * d + i] * sh;
  p.diffusion(t, y, gm);
}

/** $V_{r,j}$ for $r < j$: $\pm h$ by the sign of extra normal number $rm - r(r+1)/2 + j - r - 1$. */
function twoPoint(extra: Float64Array, r: number, j: number, m: number, h: number): number {
  return extra[r * m - (r * (r + 1)) / 2 + j - r - 1] < 0 ? -h : h;
}
