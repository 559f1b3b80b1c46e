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
export const mutationsPerExample = extensive ? 60 : 3;

/** Schema-valid specs drawn per experiment. */
export const specsPerExperiment = extensive ? 60 : 3;

/**
 * Per-case limits. The work guard's limit is lowered to 2e10 operations (3e10 extensive; the default is
 * 1e12): above every example's estimate (the largest, examples/gmm-xor-diffusive.json, is 1.9e10), and about
 * 20 s of work, so an accepted case ends well inside the time limit unless its experiment's `cost`
 * underestimates it several times over (or it never ends). A case still running at the limit is a long
 * run with progress (stopped, and it must stop) or a hang. The time limits are a safety net, not a speed
 * assertion.
 */
export const caseLimits: CaseLimits = extensive
  ? { limitMs: 120_000, graceMs: 10_000, workLimit: 3e10 }
  : { limitMs: 30_000, graceMs: 5_000, workLimit: 2e10 };

/** Time for one vitest test that runs `cases` cases, each at most at the limit plus its grace. */
export function testTimeoutFor(cases: number): number {
  return 30_000 + cases * (caseLimits.limitMs + caseLimits.graceMs);
}
