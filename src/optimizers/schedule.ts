/**
 * A learning-rate schedule: the step size used at step `l` (0-based).
 *
 * @example constant(0.01)(1000) // 0.01
 */
export type Schedule = (step: number) => number;

/** The same step size at every step. */
export function constant(lr: number): Schedule {
  return () => lr;
}

/**
 * `lr0 / (1 + step / halfLife)`: the classical Robbins–Monro decay, halved after `halfLife` steps.
 */
export function inverseTime(lr0: number, halfLife: number): Schedule {
  return (step) => lr0 / (1 + step / halfLife);
}
