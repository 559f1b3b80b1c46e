import type { Rng } from "../../core/rng.js";
import type { NoiseSource } from "./noise-source.js";
import { checkScheme, stepNoise } from "./solve-on-path.js";
import type { SdeProblem, SdeScheme } from "./types.js";

/** What an SDE run reports at record points: names, and a reader of the state. */
export interface SdeStatistics {
  readonly names: readonly string[];
  read(x: Float64Array, out: Float64Array): void;
}

/** One SDE path that advances by steps; structurally a `Stepper` of `src/simulate/`, for `recordRun`. */
export interface SdeStepper {
  readonly statisticNames: readonly string[];
  advance(rng: Rng, l: number): void;
  read(out: Float64Array): void;
  size(): number;
  save(): void;
  restore(): void;
}

/**
 * One path of an SDE as a stepper: step l goes from $t_0 + l h$ to $t_0 + (l + 1) h$ with the increments
 * that `source` draws from the run's Rng. Pass it to `recordRun` (src/simulate/record-run.ts), which
 * records the statistics and turns an exploding path into `status: "diverged"` with the exact step
 * (`size()` is $|x|^2$, NaN for a NaN state), so ensembles count exploding paths and never average NaN.
 *
 * @param p the SDE; `scheme` a method accepting `p.structure`
 * @param x0 initial state (copied); `h` the step; `source` the noise (e.g. `gaussianNoise(p.noise)`)
 * @example recordRun(sdeStepper(p, eulerMaruyama, x0, 0.01, gaussianNoise(p.noise), stats), rng, [0, 100])
 */
export function sdeStepper(
  p: SdeProblem,
  scheme: SdeScheme,
  x0: ArrayLike<number>,
  h: number,
  source: NoiseSource,
  statistics: SdeStatistics,
  t0 = 0,
): SdeStepper {
  checkScheme(p, scheme);
  const x = Float64Array.from(x0);
  const y = new Float64Array(p.dim);
  const saved = new Float64Array(p.dim);
  const noise = stepNoise(scheme, p.noise);
  const work = scheme.workspace(p);
  return {
    statisticNames: statistics.names,
    advance(rng, l) {
      source.fill(rng, h, noise);
      scheme.step(p, t0 + l * h, h, x, noise, y, work);
      x.set(y);
    },
    read: (out) => statistics.read(x, out),
    size() {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += x[i] * x[i];
      return s;
    },
    save: () => saved.set(x),
    restore: () => x.set(saved),
  };
}
