import type { SdeProblem, SdeScheme, StepNoise } from "./types.js";

/**
 * Euler–Maruyama: $X_{n+1} = X_n + a(t_n, X_n)\,h + \sum_k b_k(t_n, X_n)\,\Delta W^k$.
 *
 * Strong order 1/2 in general (1 for additive noise), weak order 1; any noise structure. Uses the
 * problem's `diffusionTimes` for $\sum_k b_k \Delta W^k$ when it has one (the same doubles).
 *
 * @example solveOnPath(problem, eulerMaruyama, [0.5], path.level(6))
 *
 * Reference: Kloeden and Platen, Numerical Solution of SDEs (1992), eq. (10.2.4) and Thm 10.2.2, 14.1.5.
 */
export const eulerMaruyama: SdeScheme = {
  name: "euler-maruyama",
  strongOrder: 0.5,
  weakOrder: 1,
  accepts: ["general", "diagonal", "additive"],
  needsI10: false,
  extraNormals: () => 0,
  workspace: (p) => [new Float64Array(p.dim), new Float64Array(p.dim * p.noise)],
  step(p: SdeProblem, t: number, h: number, x: Float64Array, noise: StepNoise, out: Float64Array, work) {
    const [a, g] = work;
    const d = p.dim;
    p.drift(t, x, a);
    for (let i = 0; i < d; i++) out[i] = x[i] + a[i] * h;
    if (p.diffusionTimes) return p.diffusionTimes(t, x, noise.dW, out);
    p.diffusion(t, x, g);
    addColumns(g, noise.dW, d, p.noise, out);
  },
};

/**
 * `out += G w` for a d x m column-major matrix G.
 *
 * @example addColumns(g, noise.dW, d, m, out)
 */
export function addColumns(g: Float64Array, w: Float64Array, d: number, m: number, out: Float64Array): void {
  for (let k = 0; k < m; k++) {
    const wk = w[k];
    if (wk === 0) continue;
    const base = k * d;
    for (let i = 0; i < d; i++) out[i] += g[base + i] * wk;
  }
}
