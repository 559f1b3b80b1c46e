import { norm2 } from "../core/vector.js";
import type { Optimizer } from "../optimizers/optimizer.js";
import type { Model, ReducedSimulator } from "./model.js";

/** One SGD run that advances by steps (see {@link ReducedSimulator}). */
export type Stepper = ReducedSimulator;

/**
 * The full simulator as a {@link Stepper}: a model and an optimizer on the parameter vector `x`, updated
 * in place. Uses the model's fused `sgdStep` when the optimizer is plain SGD.
 *
 * @example const run = fullStepper(model, sgd(constant(0.5 / N)), x0); run.advance(rng, 0)
 */
export function fullStepper(model: Model, optimizer: Optimizer, x: Float64Array): Stepper {
  const grad = new Float64Array(model.dim);
  const saved = new Float64Array(model.dim);
  optimizer.init(model.dim);
  const fused = optimizer.plainSgd && model.sgdStep !== undefined;
  const many = optimizer.plainSgd ? model.sgdSteps?.bind(model) : undefined;
  return {
    statisticNames: model.statisticNames,
    advance: fused
      ? (rng, l) => model.sgdStep!(x, optimizer.schedule(l), rng)
      : (rng, l) => {
          model.sampleGradient(x, rng, grad);
          optimizer.step(x, grad, l);
        },
    advanceMany: many && ((rng, from, to) => many(x, optimizer.schedule, rng, from, to)),
    read: (out) => model.statistics(x, out),
    size: () => norm2(x),
    save: () => saved.set(x),
    restore: () => x.set(saved),
  };
}
