/**
 * Every user-facing message of sgdlab, in one place, so wording stays consistent and names the option and
 * the bad value. Functions return strings; callers decide whether they become errors or record messages.
 */
export const messages = {
  unknownModel: (known: readonly string[]) => `one of ${known.map((k) => JSON.stringify(k)).join(", ")}`,
  unknownField: (allowed: readonly string[]) =>
    allowed.length > 0
      ? `one of the known fields (${allowed.join(", ")}); this one is unknown`
      : "no field here",
  notAnObject: "a JSON object (a spec such as examples/spiked-matrix.json)",
  parseFailure: (file: string, detail: string) => `a readable JSON or YAML file (${file}: ${detail})`,
  diffusiveNeedsK2: 'a theory list without "diffusive" when k != 2 (the diffusive law is derived for k = 2)',
  fullTooLarge: (max: number) =>
    `N <= ${max} with simulation "full" (use "dimension-free", which is exact in law at any N)`,
  divergedRuns: (failed: number, runs: number) =>
    `${failed} of ${runs} runs diverged; the simulation series stops at the last point every run reached`,
  noAgreementAfterFailure: "agreement not measured: some runs diverged, so the mean over runs is not defined",
  diffusiveRange: (until: number | null) =>
    until === null
      ? "diffusive: not shown, the start is off the equator (N m^2 > sqrt(N)), where the law does not apply"
      : `diffusive: shown up to t = ${until.toPrecision(4)}, while N m^2 <= sqrt(N) (the runs have not escaped the equator)`,
  theoryFailed: (source: string, detail: string) => `theory "${source}" failed: ${detail}`,
  unknownFigure: (known: readonly string[]) => `one of ${known.join(", ")}`,
  dbLocked: (path: string) =>
    `the run database ${path} is in use by another sgdlab process; wait for it or pass --db <other path>`,
  rangeReversed: "a range with from < to (this one is empty or reversed)",
  tooManyPoints: (max: number) => `at most ${max} grid points (r values, or r × z0 cells)`,
  positiveStepSizes: "step sizes r > 0 (r = 0 is the identity map)",
  singleStart: (analysis: string) =>
    `one number for analysis "${analysis}" (lists are for "orbit-diagram", ranges for "phase-diagram")`,
  startRange: 'a range { "from", "to", "step" } of initial conditions for analysis "phase-diagram"',
  startList: 'one number or a list of at most 16 initial conditions for analysis "orbit-diagram"',
  keepTooSmall: (maxPeriod: number) =>
    `keep >= 2 maxPeriod = ${2 * maxPeriod}, so that a cycle of period maxPeriod is seen twice`,
  boundaryNotFound: (names: readonly string[]) =>
    `boundary finder did not converge for ${names.join(", ")}; no value reported`,
  orthogonalNeedsNLeD: (d: number) => `n <= d = ${d} for "orthogonal" data (n orthonormal rows in R^d)`,
  burnInTooLate: (steps: number) => `average.burnIn < steps = ${steps}`,
  gdDiverged: (step: number) => `GD diverged at step ${step} (a parameter left the finite range)`,
  unknownMapPhase: "phase of the run not predicted: no training sample has a positive label",
} as const;
