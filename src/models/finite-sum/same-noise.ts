import type { NoiseSource } from "../../theory/sde/index.js";
import { sampleIndex } from "./sgd-stepper.js";

/**
 * "Same noise" mode: the Brownian increments of the SMF columns built from the SGD data sequence, so that
 * SGD and an SDE driven by one Rng stream see the same data (pathwise comparison).
 *
 * An SDE step of length $h = k\,lr$ draws the k indices $i_1..i_k$ that k SGD steps would draw
 * ({@link sampleIndex}, same stream consumption) and sets
 * $\Delta\beta_i = -\sqrt{lr M}\,\sum_{n=1}^k (\mathbf 1\{i_n = i\} - 1/M)$: mean 0, covariance
 * $h (I - \mathbf 1 \mathbf 1^\top/M)$, which equals $h I$ on the span of the SMF columns
 * $\sqrt{lr/M}(\nabla f_i - \nabla f)$ (they sum to zero). With k = 1 and the drift $-\nabla f$,
 * Euler–Maruyama then reproduces the SGD step exactly: $X - lr \nabla f - lr(\nabla f_{i_1} - \nabla f)$.
 * For Euler–Maruyama only: $I_{(1,0)}$ is set to its conditional mean $h\,\Delta\beta/2$ and extra normals
 * come from the stream after the indices.
 *
 * @param M samples; `lr` the SGD learning rate; `k` SGD steps per SDE step
 * @example sdeStepper(finiteSumFlow(fs, "smf", lr), eulerMaruyama, x0, lr, dataNoise(fs.count, lr, 1), stats)
 */
export function dataNoise(M: number, lr: number, k = 1): NoiseSource {
  const scale = Math.sqrt(lr * M);
  return {
    fill(rng, h, noise) {
      noise.dW.fill((scale * k) / M);
      for (let n = 0; n < k; n++) noise.dW[sampleIndex(rng, M)] -= scale;
      for (let i = 0; i < noise.i10.length; i++) noise.i10[i] = (h * noise.dW[i]) / 2;
      if (noise.extra.length > 0) rng.fillNormal(noise.extra);
    },
  };
}
