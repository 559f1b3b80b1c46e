/**
 * Linearly spaced record points over `[0, horizon]` in effective time, snapped to whole steps.
 *
 * Point j is at step `round(j * horizon / (points - 1) / dt)`, and its time is that step count times
 * `dt`, so the reported `t` is exactly the simulated one. Duplicate steps (more points than steps) are
 * dropped.
 *
 * @param horizon final effective time
 * @param points number of record points (>= 2), including t = 0
 * @param dt effective time per step (e.g. `delta = cDelta / N`)
 * @example recordGrid(10, 3, 0.5) // { steps: [0, 10, 20], t: [0, 5, 10] }
 */
export function recordGrid(horizon: number, points: number, dt: number): { steps: number[]; t: number[] } {
  const steps: number[] = [];
  for (let j = 0; j < points; j++) {
    const s = Math.round((j * horizon) / (points - 1) / dt);
    if (steps.length === 0 || s > steps[steps.length - 1]) steps.push(s);
  }
  return { steps, t: steps.map((s) => s * dt) };
}
