/**
 * Every user-facing message of sgdlab, in one place, so wording stays consistent and names the option and
 * the bad value. Functions return strings; callers decide whether they become errors or record messages.
 */
/**
 * The work guard's default limit, in operations of about a nanosecond each on one core: 1e12, about 15
 * minutes on one core (a minute or two on a 16-core machine for an ensemble), 150 times the largest
 * shipped example's estimate (examples/spiked-matrix.json, 6.4e9) and 6 times the largest paper figure
 * panel's (xor-width, 1.6e11). A spec estimated above it is refused before anything runs
 * (src/experiment/work.ts); `RunContext.workLimit` changes it.
 */
export const defaultWorkLimit = 1e12;

export const messages = {
  tooMuchWork: (formula: string, limit: number) =>
    `at most ${limit.toExponential(0)} operations (about ${Math.round(limit / 6e10)} minutes on one core); this spec's estimate is ${formula}: lower one of these`,
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
  nonFiniteValue: (
    status: "diverged" | "failed",
    quantity: string,
    value: number,
    at: { step?: number; t?: number },
    bound: number,
  ) =>
    `${status}${at.step === undefined ? "" : ` at step ${at.step}`}${
      at.t === undefined ? "" : `${at.step === undefined ? " at" : ","} t = ${at.t.toPrecision(4)}`
    }: ${quantity} = ${value}${Number.isFinite(value) ? ` (beyond ${bound})` : ""}`,
  runFailed: (noun: string, index: number, detail: string, t?: number) =>
    `${noun} ${index} ${detail}${t === undefined ? "" : ` (t = ${t.toPrecision(4)})`}`,
  moreFailures: (count: number, noun: string) => `... and ${count} more ${noun}s`,
  cubicNoErgodicMean: (r: number) =>
    `r = ${r}: the orbit escapes, so it has no ergodic mean (no row in tables.ergodic)`,
  flowsStartLength: (d: number) => `a start of length ${d}, the dimension of the matrices A`,
  noDatabase: "an existing run database (sgdlab run records runs there; see --db)",
  spikedInit: 'an object { "m": number, "rPerp2": number >= 0 } or { "random": true }',
  gmmInit: '{ "random": true } or { "v": [...], "mMu": [...], "mNu": [...] (XOR), "RPerp": [[...]] }',
  gdLabels: '"teacher" or a number > 0',
  cubicValues: (what: string) =>
    `a number, a list of numbers, or a range { "from", "to", "step" } of ${what}`,
  stationaryNotNormalisable: (slope: number, end: "lower" | "upper", at: number) =>
    `not normalisable: ln f grows (slope ${slope.toPrecision(3)}) towards the ${end} end ${at}`,
  theoryFailed: (source: string, detail: string) => `theory "${source}" failed: ${detail}`,
  unknownFigure: (known: readonly string[]) => `one of ${known.join(", ")}`,
  flowsLr: "a learning rate > 0, or a non-empty list of learning rates > 0",
  flowsSingleLr: (analysis: string) =>
    `one learning rate for analysis "${analysis}" (lists are for "weak-order")`,
  flowsWholeSteps: (horizon: number) =>
    `a learning rate that divides horizon = ${horizon} into a whole number of SGD steps (t = lr × steps)`,
  flowsMomentDimension: (max: number) =>
    `a model of dimension d <= ${max} for analysis "weak-order" (its moment equations have d^2 + 2d + 1 unknowns)`,
  flowsInvariantModel:
    'a 1-D model with b = 0 for analysis "two-point-invariant" (random-curvature, or quadratic-finite-sum with d = 1, b = 0)',
  flowsMatrixShape: (d: number) => `a symmetric ${d} x ${d} matrix (d = length of model.x0)`,
  flowsSymmetric: "a symmetric matrix (A_i equal to its transpose): A_i is a Hessian",
  flowsVectors: (M: number, d: number) => `${M} vectors (one per A_i), each of length d = ${d}`,
  flowsOverflow: (lrs: readonly number[]) =>
    `weak-order: rows for lr = ${lrs.join(", ")} dropped: the moments overflow (SGD or a flow diverges at this lr)`,
  flowsNoSlope: (model: string) => `slope.${model} not reported: an error is 0 or not finite`,
  flowsDivergedPaths: (source: string, failed: number, paths: number) =>
    `${source}: ${failed} of ${paths} paths exploded (counted in ${source}.failedRuns); its series stops at the last point every path reached`,
  gmmRidge: (task: string, max: string) =>
    `a ridge in (0, ${max}) for task "${task}": at ridge >= ${max} C_alpha <= 0 and only the trivial fixed point (all weights 0) remains`,
  gmmDimension: (min: number) =>
    `N >= ${min} (the mean directions plus one per hidden unit, and 3 more for the Wishart start)`,
  gmmFullTooLarge: (max: number) =>
    `K N <= ${max} with simulation "full" (use "dimension-free", exact in law at any N)`,
  gmmTrack: (runs: number) => `a run index in [0, ${runs - 1}]`,
  gmmInitLength: (K: number) => `an array of K = ${K} numbers`,
  gmmInitMNu: (task: string) =>
    task === "xor"
      ? "mNu: an array of K numbers (required for task xor)"
      : "no mNu (binary task: there is no nu)",
  gmmInitRPerp: (K: number) => `a symmetric positive semidefinite ${K}×${K} matrix`,
  gmmOdeSkipped: (K: number, task: string) =>
    `theory "ode" skipped: the finite-snr functionals of ${task} at K = ${K} need a quadrature of dimension ${K + (task === "xor" ? 2 : 1)}, too large for Gauss–Hermite; "ode-infinite-snr" is shown`,
  gmmNotFixedPoint: (residual: number) =>
    `diffusive: the start is not a fixed point of the snr = Infinity ODE (|drift| = ${residual.toPrecision(3)}); the linear law around it does not apply`,
  gmmDiffusiveStart:
    'analysis "diffusive" needs init statistics at a fixed point of the snr = Infinity ODE (e.g. binary v = mMu = (sqrt(C_alpha), -sqrt(C_alpha)), RPerp = 0; XOR detectors with v_i = ±|own overlap| and the other overlap 0)',
  gmmNoTracking:
    "single-run tracking not measured: the runs start from different random statistics, so their spread does not predict the tracked run's (give init statistics)",
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
  gdDiverged: (detail: string) => `GD ${detail}`,
  unknownMapPhase: "phase of the run not predicted: no training sample has a positive label",
  dlnDivergedChains: (failed: number, chains: number) =>
    `${failed} of ${chains} chains diverged (counted in failedRuns; their samples are left out of the histogram and the KS distance)`,
  dlnNoStationaryLaw: (T: number, Tc: number | undefined) =>
    `no non-trivial stationary law: T = ${T} >= Tc = ${Tc?.toPrecision(4)}, the law p_+ is not normalisable and SGD collapses to v = 0 (nothing is learned); the histogram shows the simulation only`,
  dlnBalanceScalar:
    'depth = 1 and width = 1 for analysis "balance" (the scalar model uwx - y of science/03 §5)',
  dlnRidgeDepth: "ridge = 0 for depth >= 2 (the general-depth law is derived without weight decay)",
  dlnHorizon: (burnIn: number) => `horizon > burnIn = ${burnIn}`,
  dlnTooManySamples: (max: number, horizon: number) =>
    `sampleEvery >= horizon / ${max} = ${(horizon / max).toPrecision(3)} (at most ${max} samples per chain)`,
  dlnInitLength: (width: number) => `a number, or an array of width = ${width} numbers`,
  dlnNoDiscreteCollapse:
    "no discrete collapse point: E ln|1 + 2 lr x y| > 0 at every lr (batch 1), so SGD is pushed away from v = 0 even above Tc (science/03 §4, pitfall 3)",
  dlnSweepBatch:
    'batch = 1 for analysis "temperature-sweep" (T = lr, and the near-zero growth rate is computed for one sample per step)',
  dlnMemoryWidth: 'width >= 2 for analysis "memory" (it compares paths)',
  glmClassificationTeacher: (loss: string) =>
    `"sign" for loss "${loss}" (a classification loss needs labels y = ±1)`,
  glmSpectrumFractions: "levels { s > 0, p > 0 } whose fractions p sum to 1",
  glmSteinLevels: '"pathwise" with more than one spectrum level (the Stein estimator is for one level)',
  glmGdBatch: 'batchFraction = 1 for optimizer "gd" (full batch; use "sgd" for b < 1)',
  glmExactSquare:
    'a theory list without "exact" unless loss = "square", teacher = "linear" and spectrum = [{ s: 1, p: 1 }] (the exact oracles are for isotropic ridge regression)',
  glmExactMomentum:
    'momentum = 0 with batchFraction < 1 and theory "exact" (the homogenized SGD recursion is for plain SGD)',
  glmSamplesSteps: (min: number) =>
    `samples >= ${min} (moment matching whitens 1 + levels × (steps + 2) columns, fewer than the samples)`,
  glmDmftMemory: (bytes: number, max: number, samples: number, response: string) =>
    `fewer steps: the ${response} DMFT would need ${(bytes / 2 ** 30).toFixed(2)} GiB with ${samples} samples (at most ${(max / 2 ** 30).toFixed(0)} GiB); lower steps or dmft.samples, or use dmft.response "stein" (O(S T) memory)`,
  glmDataTooLarge: (max: number) => `a dimension with n × d <= ${max.toExponential(0)} (n = alpha d)`,
  glmDiverged: (source: string, detail: string) => `${source}: ${detail}`,
  glmNoStationary: (lr: number, critical: number) =>
    `stationary values not reported: lr = ${lr} >= lrCritical = ${critical.toPrecision(6)} (SGD diverges)`,
  // Sweeps (issue 11)
  sweepAxis: 'a list of values, or a range { "from", "to", "num" } (optionally "log": true)',
  sweepBaseOrSpec: 'exactly one of "base" (a spec file) and "spec" (the spec inline)',
  sweepNoAxes: 'at least one axis in "grid" or "zip" (this sweep has no points)',
  sweepPath: "a dotted path into the spec such as model.snr (no empty segment)",
  sweepPathThrough: (segment: string) =>
    `an object at "${segment}"'s parent (the path goes through a value that has no fields)`,
  sweepLogRange: "from > 0 and to > 0 for a log range",
  sweepZip: "zip axes of one common length (they vary together)",
  sweepTwice: "an axis in grid or in zip, not both",
  sweepTooLarge: (max: number) => `at most ${max} points (the product of the axis lengths)`,
  sweepPoint: (allowed: string, axis: string | null, index: number, total: number, where: string) =>
    `${allowed} (sweep point ${index + 1} of ${total}: ${where}; ${axis === null ? "no single axis: this combination of values" : `axis ${axis}`})`,
  sweepFigureAxis: (paths: readonly string[]) => `an axis of the sweep: ${paths.join(", ")}`,
  sweepFigureValue:
    "status, scalars.<name>, agreement.<statistic>.<source>, tables.<table>.<column>, <source>.<statistic>.final or <source>.<statistic>.max",
  sweepInterrupted: (done: number, total: number) =>
    `interrupted: ${done} of ${total} points are stored; run the same sweep again to compute only the rest`,
  sweepUnknown:
    "the id (or a unique prefix) of a sweep or a run in the database: see sgdlab sweeps and sgdlab runs",
  sweepNeedsRedis: "--redis redis://host:port with --executor bullmq",
  sweepRedisUnreachable: (detail: string) =>
    `the URL of a Redis server that answers (no answer to PING within 10 s: ${detail})`,
  sweepNeedsDir: "--dir DIR with --executor slurm (the job-array script and the point list go there)",
  sweepNoPlan: (dir: string) =>
    `a folder written by sgdlab sweep --executor slurm (${dir}/points.json is missing)`,
  sweepTaskRange: (tasks: number) => `a task id in [0, ${tasks - 1}]`,
  workerVersion: (job: string, mine: string) =>
    `this worker runs ${mine} but the job was queued by ${job}: run a worker of the same sgdlab version and commit`,
  sweepWorkerFailed: (detail: string) => `the worker failed on this point: ${detail}`,
  sweepDryRun: (
    points: number,
    cached: number,
    runs: number,
    pilot: number,
    estimate: number,
    workers: number,
  ) =>
    `${points} points (${cached} already stored), ${runs} runs to compute (the pilot point's runs × the points left); pilot point: ${pilot.toFixed(2)} s, so about ${estimate.toFixed(1)} s on ${workers} worker(s); nothing was run or written beyond the pilot`,
} as const;
