import { addColumns } from "./euler-maruyama.js";
import type { SdeProblem, SdeScheme, StepNoise } from "./types.js";

/**
 * Rößler's SRA1 stochastic Runge–Kutta scheme for additive noise $dX = a(t, X)\,dt + G(t)\,dW$:
 * $H = X + \tfrac34 a(t, X) h + \tfrac32 G(t + h) I_{(1,0)}/h$,
 * $X_{n+1} = X + h\left(\tfrac13 a(t, X) + \tfrac23 a(t + \tfrac34 h, H)\right)
 *   + G(t + h)\left(\Delta W - I_{(1,0)}/h\right) + G(t)\, I_{(1,0)}/h$.
 *
 * Strong order 1.5 and weak order 2 for additive noise. It reads $I_{(1,0)} = \int (W_s - W_t)\,ds$ from
 * the noise, so a refined Brownian path gives it exactly at every level.
 *
 * @example solveOnPath(additiveProblem, sra1, [1], path.level(6))
 *
 * Reference: A. Rößler, "Runge–Kutta methods for the strong approximation of solutions of stochastic
 * differential equations", SIAM J. Numer. Anal. 48(3), 2010, Table 5.2 (SRA1).
 */
export const sra1: SdeScheme = {
  name: "sra1",
  strongOrder: 1.5,
  weakOrder: 2,
  accepts: ["additive"],
  needsI10: true,
  extraNormals: () => 0,
  workspace: (p) => [
    new Float64Array(p.dim),
    new Float64Array(p.dim),
    new Float64Array(p.dim * p.noise),
    new Float64Array(p.dim * p.noise),
    new Float64Array(p.dim),
    new Float64Array(p.noise),
  ],
  step(p: SdeProblem, t: number, h: number, x: Float64Array, noise: StepNoise, out: Float64Array, work) {
    const [a1, a2, g0, g1, H, w] = work;
    const d = p.dim;
    const m = p.noise;
    p.drift(t, x, a1);
    p.diffusion(t, x, g0);
    p.diffusion(t + h, x, g1);
    for (let i = 0; i < d; i++) H[i] = x[i] + 0.75 * a1[i] * h;
    for (let k = 0; k < m; k++) w[k] = (1.5 * noise.i10[k]) / h;
    addColumns(g1, w, d, m, H);
    p.drift(t + 0.75 * h, H, a2);
    for (let i = 0; i < d; i++) out[i] = x[i] + h * (a1[i] / 3 + (2 * a2[i]) / 3);
    for (let k = 0; k < m; k++) w[k] = noise.dW[k] - noise.i10[k] / h;
    addColumns(g1, w, d, m, out);
    for (let k = 0; k < m; k++) w[k] = noise.i10[k] / h;
    addColumns(g0, w, d, m, out);
  },
};
