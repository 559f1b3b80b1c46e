import type { Rng } from "../../core/rng.js";
import type { StepNoise } from "./types.js";

/**
 * Where the increments of an SDE step come from: Gaussian (a Brownian motion), or built from a data
 * sequence ("same noise" mode, see `src/models/finite-sum/same-noise.ts`), so that SGD and an SDE driven by
 * one Rng stream see the same data.
 *
 * For implementers: `fill` writes `noise.dW` (length m), and `noise.i10` / `noise.extra` when they have
 * length > 0; it must consume the Rng deterministically (same draws for the same stream) and allocate
 * nothing. Increments must have mean 0 and covariance h I in the directions the diffusion columns span.
 */
export interface NoiseSource {
  fill(rng: Rng, h: number, noise: StepNoise): void;
}

/**
 * Independent Brownian increments: $\Delta W = \sqrt h\,z_1$, $I_{(1,0)} = \tfrac{h^{3/2}}{2}(z_1 + z_2/\sqrt3)$
 * (when the scheme reads it), then the scheme's extra normals.
 *
 * @param m number of Brownian motions
 * @example sdeStepper(problem, eulerMaruyama, x0, h, gaussianNoise(problem.noise), stats)
 */
export function gaussianNoise(m: number): NoiseSource {
  const z2 = new Float64Array(m);
  return {
    fill(rng, h, noise) {
      const sh = Math.sqrt(h);
      rng.fillNormal(noise.dW);
      for (let k = 0; k < m; k++) noise.dW[k] *= sh;
      if (noise.i10.length > 0) {
        rng.fillNormal(z2);
        for (let k = 0; k < m; k++) noise.i10[k] = 0.5 * h * (noise.dW[k] + (sh * z2[k]) / Math.sqrt(3));
      }
      if (noise.extra.length > 0) rng.fillNormal(noise.extra);
    },
  };
}
