/**
 * Sizes and limits of the property tests: a bounded, seeded default run for `npm test`, and a longer one
 * behind `SGDLAB_EXTENSIVE=1` (`npm run test:extensive`). A failure report names the seed; the same seed
 * draws the same cases.
 */
import type { CaseLimits } from "./case-runner.js";

export const extensive = process.env.SGDLAB_EXTENSIVE === "1";

/** Root seed of every property test (fast-check `seed`). */
export const propertySeed = 20261203;

/** Mutated cases per example spec. */
export const mutationsPerExample = extensive ? 60 : 4;

/** Schema-valid specs drawn per experiment. */
export const specsPerExperiment = extensive ? 60 : 4;

/**
 * Per-case limits. The slowest shipped example takes about 5 s on a loaded 2-core machine, and the work
 * guard refuses specs far beyond the examples, so a case that is still running at the limit is either a
 * long run with progress (stopped, and it must stop) or a hang.
 */
export const caseLimits: CaseLimits = extensive
  ? { limitMs: 120_000, graceMs: 10_000 }
  : { limitMs: 30_000, graceMs: 5_000 };

/** Time for one vitest test that runs `cases` cases, each at most at the limit plus its grace. */
export function testTimeoutFor(cases: number): number {
  return 30_000 + cases * (caseLimits.limitMs + caseLimits.graceMs);
}
