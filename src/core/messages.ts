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
} as const;
