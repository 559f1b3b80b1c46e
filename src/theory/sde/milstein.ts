import type { SdeProblem, SdeScheme, StepNoise } from "./types.js";

/**
 * Derivative-free Milstein scheme for diagonal noise (each $b_k$ a function of $x_k$ and t):
 * $X^k_{n+1} = X^k + a^k h + b_k \Delta W^k + \frac{b_k(\bar Y) - b_k(X)}{2\sqrt h}\left((\Delta W^k)^2 - h\right)$,
 * with the supporting value $\bar Y = X + a h + \sqrt h\,(b_1, \dots, b_d)$.
 *
 * Strong order 1, weak order 1. Requires `structure: "diagonal"` (or `"additive"` with m = d diagonal
 * columns, where the correction vanishes).
 *
 * @example solveOnPath(gbm, milstein, [0.5], path.level(6))
 *
 * Reference: Kloeden and Platen (1992), eq. (11.1.7) (Platen's explicit order 1.0 strong scheme).
 */
export const milstein: SdeScheme = {
  name: "milstein",
  strongOrder: 1,
  weakOrder: 1,
  accepts: ["diagonal"],
  needsI10: false,
  extraNormals: () => 0,
  workspace: (p) => [
    new Float64Array(p.dim),
    new Float64Array(p.dim * p.noise),
    new Float64Array(p.dim * p.noise),
    new Float64Array(p.dim),
  ],
  step(p: SdeProblem, t: number, h: number, x: Float64Array, noise: StepNoise, out: Float64Array, work) {
    const [a, g, gBar, yBar] = work;
    const d = p.dim;
    const sh = Math.sqrt(h);
    p.drift(t, x, a);
    p.diffusion(t, x, g);
    for (let i = 0; i < d; i++) yBar[i] = x[i] + a[i] * h + g[i * d + i] * sh;
    p.diffusion(t, yBar, gBar);
    for (let i = 0; i < d; i++) {
      const dw = noise.dW[i];
      const b = g[i * d + i];
      out[i] = x[i] + a[i] * h + b * dw + ((gBar[i * d + i] - b) * (dw * dw - h)) / (2 * sh);
    }
  },
};
