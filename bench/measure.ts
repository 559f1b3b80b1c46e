/**
 * Timing helpers for the benchmarks: calibrate a batch size, warm up, then keep the best of a few rounds.
 *
 * The machine is small and shared (other engineers run tests on it), so the best round, not the mean, is
 * the estimate of what the code can do; the loop is warmed up first so V8 has optimised it.
 */

/** How long to measure: seconds per round and number of rounds (the best round is kept). */
export interface Timing {
  /** Wall-clock seconds of one timed round. */
  roundSeconds: number;
  /** Number of timed rounds; the fastest one is reported. */
  rounds: number;
}

/** A rate measured two ways: per second of wall-clock time, and per second of this process's CPU time. */
export interface Rate {
  /** Units per wall-clock second (what a user sees; inflated by other jobs on a busy machine). */
  wall: number;
  /** Units per CPU second of this process (user + system): robust when other jobs share the cores. */
  cpu: number;
}

/**
 * Best rate (units per second) of `work(n)`, which performs `n` units of work, by wall and by CPU time.
 *
 * Doubles `n` until one call takes a tenth of a round (this is also the warm-up), then times `rounds`
 * rounds of about `roundSeconds` each and keeps the fastest round of each clock.
 *
 * @example const stepsPerSecond = bestRate((n) => { for (let l = 0; l < n; l++) step(); }, timing).cpu
 */
export function bestRate(work: (n: number) => void, timing: Timing): Rate {
  const perUnit = calibrate(work, timing.roundSeconds / 10);
  const n = Math.max(1, Math.round(timing.roundSeconds / perUnit));
  const best: Rate = { wall: 0, cpu: 0 };
  for (let r = 0; r < timing.rounds; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    work(n);
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    best.wall = Math.max(best.wall, n / wall);
    best.cpu = Math.max(best.cpu, n / ((cpu.user + cpu.system) / 1e6));
  }
  return best;
}

/** Seconds per unit of `work`, from doubling batches until one lasts at least `seconds`. */
function calibrate(work: (n: number) => void, seconds: number): number {
  for (let n = 1; ; n *= 2) {
    const t0 = performance.now();
    work(n);
    const elapsed = (performance.now() - t0) / 1000;
    if (elapsed >= seconds) return elapsed / n;
  }
}

/**
 * Best (smallest) wall time in seconds of an async task over `rounds` runs, and the mean.
 *
 * @example const { best, mean } = await timeAsync(() => runExperiment(spec), 3)
 */
export async function timeAsync(
  task: () => Promise<unknown>,
  rounds: number,
): Promise<{ best: number; mean: number }> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await task();
    times.push((performance.now() - t0) / 1000);
  }
  return { best: Math.min(...times), mean: times.reduce((a, b) => a + b, 0) / times.length };
}
