import type { Schedule } from "./schedule.js";

/**
 * A first-order optimizer acting in place on a flat parameter vector.
 *
 * For implementers: `init(dim)` allocates any state (velocity, ...) once; `step(x, grad, l)` updates `x`
 * in place from the stochastic gradient at step `l`, allocating nothing. Declare `plainSgd: true` only when
 * the update is exactly `x <- x - lr(l) grad`, which lets a model use its fused `sgdStep`. Test it in
 * `test/optimizers/optimizer.test.ts` against its recursion written out by hand.
 */
export interface Optimizer {
  readonly name: string;
  readonly schedule: Schedule;
  readonly plainSgd: boolean;
  init(dim: number): void;
  step(x: Float64Array, grad: Float64Array, l: number): void;
}

/** Plain (online or minibatch) SGD: `x <- x - lr(l) grad`. */
export function sgd(schedule: Schedule): Optimizer {
  return {
    name: "sgd",
    schedule,
    plainSgd: true,
    init() {},
    step(x, grad, l) {
      const lr = schedule(l);
      for (let i = 0; i < x.length; i++) x[i] -= lr * grad[i];
    },
  };
}

/**
 * Heavy-ball momentum: `p <- beta p - lr(l) grad`, `x <- x + p`.
 * Reference: Polyak (1964); for its effective-step equivalence see science/01 section 4.
 */
export function momentum(schedule: Schedule, beta: number): Optimizer {
  let p = new Float64Array(0);
  return {
    name: "momentum",
    schedule,
    plainSgd: beta === 0,
    init(dim) {
      p = new Float64Array(dim);
    },
    step(x, grad, l) {
      const lr = schedule(l);
      for (let i = 0; i < x.length; i++) {
        p[i] = beta * p[i] - lr * grad[i];
        x[i] += p[i];
      }
    },
  };
}
