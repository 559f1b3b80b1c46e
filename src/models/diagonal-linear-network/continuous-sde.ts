import type { SdeProblem } from "../../theory/sde/index.js";
import { type DataMoments, noiseG } from "./moments.js";

/**
 * The continuous model of SGD on the scalar network `(u w x - y)^2` as an Itô SDE on (u, w) for the
 * generic engine (`src/theory/sde`).
 *
 * $d(u, w) = -L'(v)\,(w, u)\,dt + \sqrt{4 T g(v)}\,(w, u)\,dW$, $v = uw$, $L'(v) = 2(\beta_1 v - \beta_2)$: one
 * Brownian motion drives both factors (the gradient noise is rank one), which is what makes
 * $D = u^2 - w^2$ decay ($dD = -4 T g(v) D\,dt$). science/03 §4 pitfall 5: Euler–Maruyama on (u, w) matches
 * the depth-1 law (KS 0.0025 at T = 0.05); Euler–Maruyama on ln v with a fixed step does not.
 *
 * Args: data moments `m`, temperature `T = lr/batch`.
 *
 * @example sdeStepper(scalarNetworkSde(m, 0.05), eulerMaruyama, [1, 1], 0.002, gaussianNoise(1), stats)
 *
 * Reference: science/03 §§1–2, §4.
 */
export function scalarNetworkSde(m: DataMoments, T: number): SdeProblem {
  return {
    dim: 2,
    noise: 1,
    structure: "general",
    drift(_t, x, out) {
      const grad = 2 * (m.beta1 * x[0] * x[1] - m.beta2);
      out[0] = -grad * x[1];
      out[1] = -grad * x[0];
    },
    diffusion(_t, x, out) {
      const s = Math.sqrt(4 * T * noiseG(m, x[0] * x[1]));
      out[0] = s * x[1];
      out[1] = s * x[0];
    },
  };
}
