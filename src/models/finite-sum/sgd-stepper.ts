import type { Rng } from "../../core/rng.js";
import type { SdeStatistics, SdeStepper } from "../../theory/sde/index.js";
import type { FiniteSum } from "./finite-sum.js";

/**
 * The data index of one SGD step: uniform on 0..M-1 from one `nextFloat` (two 32-bit draws). The SGD
 * stepper and the "same noise" source ({@link dataNoise}) both draw indices with it, so one Rng stream
 * drives both with the same data sequence.
 */
export function sampleIndex(rng: Rng, M: number): number {
  return Math.floor(rng.nextFloat() * M);
}

/**
 * SGD on a finite sum, $X_{n+1} = X_n - lr\,\nabla f_{i_{n+1}}(X_n)$, or SVAG(l) when `l > 1`:
 * $X_{n+1} = X_n - \tfrac{lr}{l}(c_1 \nabla f_i + c_2 \nabla f_j)$, $c_{1,2} = (1 \pm \sqrt{2l - 1})/2$, two
 * independent indices per step. Time t = lr × steps (SGD) or lr/l × steps (SVAG). A stepper for `recordRun`.
 *
 * @param fs the finite sum; `lr` learning rate; `x0` start (copied); `statistics` what to record
 * @param l SVAG parameter (default 1: plain SGD, one index per step)
 * @example recordRun(finiteSumSgd(fs, 0.05, x0, lossStatistics(fs)), rng, grid.steps)
 *
 * Reference: science/05 §1; Li, Malladi, Arora, arXiv 2102.12470 (SVAG).
 */
export function finiteSumSgd(
  fs: FiniteSum,
  lr: number,
  x0: ArrayLike<number>,
  statistics: SdeStatistics,
  l = 1,
): SdeStepper {
  const d = fs.dim;
  const x = Float64Array.from(x0);
  const saved = new Float64Array(d);
  const g = new Float64Array(d);
  const g2 = new Float64Array(d);
  const eta = lr / l;
  const root = Math.sqrt(2 * l - 1);
  const [c1, c2] = [(1 + root) / 2, (1 - root) / 2];
  return {
    statisticNames: statistics.names,
    advance(rng) {
      fs.gradient(sampleIndex(rng, fs.count), x, g);
      if (l === 1) {
        for (let k = 0; k < d; k++) x[k] -= eta * g[k];
        return;
      }
      fs.gradient(sampleIndex(rng, fs.count), x, g2);
      for (let k = 0; k < d; k++) x[k] -= eta * (c1 * g[k] + c2 * g2[k]);
    },
    read: (out) => statistics.read(x, out),
    size() {
      let s = 0;
      for (let k = 0; k < d; k++) s += x[k] * x[k];
      return s;
    },
    save: () => saved.set(x),
    restore: () => x.set(saved),
  };
}
