import type { Rng } from "../core/rng.js";
import type { Schedule } from "../optimizers/schedule.js";

/**
 * A model for online SGD: a data sampler, the loss and its gradient, and named summary statistics.
 *
 * The statistic names are the join key between simulation, theory, records and plots (see
 * docs/glossary.md). Parameters live in one `Float64Array` of length `dim`.
 *
 * For implementers: implement `sampleGradient` (draw one fresh sample and write the stochastic
 * gradient), `populationLoss`, and `statistics`. When a whole SGD step can be fused into one pass
 * (typically when the noise has a cheap exact law), also implement `sgdStep`; it must consume the Rng
 * exactly as `sampleGradient` does, so both paths give the same numbers. Test it as
 * `test/models/spiked-tensor/model.test.ts` does: gradient against finite differences of the literal loss,
 * the sampler's law, the fused step against the generic one, reproducibility from a seed.
 */
export interface Model {
  readonly name: string;
  /** Number of parameters. */
  readonly dim: number;
  /** Names of the summary statistics written by {@link Model.statistics}, in order. */
  readonly statisticNames: readonly string[];
  /** Draw one sample `Y` and write `grad_x L(x; Y)` into `out`. */
  sampleGradient(x: Float64Array, rng: Rng, out: Float64Array): void;
  /** `Phi(x) = E L(x, Y)`. */
  populationLoss(x: Float64Array): number;
  /** Write the summary statistics of `x` into `out` (length `statisticNames.length`). */
  statistics(x: Float64Array, out: Float64Array): void;
  /** Optional fused online-SGD step `x <- x - lr grad L(x; Y)`, equal in value to the generic path. */
  sgdStep?(x: Float64Array, lr: number, rng: Rng): void;
  /**
   * Optional fused SGD steps `from, ..., to - 1` with step sizes `schedule(l)`: the same numbers as
   * calling `sgdStep` for each, but free to carry quantities (e.g. `<x, v>`, `|x|^2`) from one step to the
   * next.
   */
  sgdSteps?(x: Float64Array, schedule: Schedule, rng: Rng, from: number, to: number): void;
}

/**
 * A run that advances by steps: an exact-in-law simulator of a model's statistics whose cost per step does
 * not depend on N (and, through `fullStepper`, the full simulator too), so one recording loop serves all.
 *
 * For implementers: `advance(rng, l)` performs SGD step `l` (0-based) and allocates nothing; `read` writes
 * the statistics (same names and order as the full model's); `size` is a finite measure (e.g. |x|^2) used
 * to detect divergence; `save`/`restore` snapshot the parameters (not the Rng) so that an interval in which
 * the run diverged can be replayed step by step. Test a dimension-free simulator against the full one in
 * distribution (means and variances at several times).
 */
export interface ReducedSimulator {
  readonly statisticNames: readonly string[];
  advance(rng: Rng, l: number): void;
  /** Optional: steps `from, ..., to - 1` at once, the same numbers as `advance` for each. */
  advanceMany?(rng: Rng, from: number, to: number): void;
  read(out: Float64Array): void;
  size(): number;
  save(): void;
  restore(): void;
}
