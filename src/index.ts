/**
 * sgdlab's public surface: everything a user script or the web UI may import. Browser-safe (the Node-only
 * parts live in `src/node/` and the CLI).
 */

export {
  experimentNames,
  experiments,
  figureIds,
  figureRenderers,
  figures,
  inThreadExecutor,
  renderFigure,
  runExperiment,
  validateSpec,
} from "./catalogue/index.js";
export { SpecError } from "./core/errors.js";
export { Rng, type RngState } from "./core/rng.js";
export type { Outcome, Status } from "./core/status.js";
export type { Experiment, Progress, RunContext, RunExecutor } from "./experiment/experiment.js";
export type { FigureEntry } from "./experiment/figure-entry.js";
export type { FigureRenderer, ModelPackage } from "./experiment/model-package.js";
export { verdictLabel, verdictWord } from "./experiment/power.js";
export type { AgreementEntry, Distribution, ExperimentRecord, Series, Table } from "./experiment/record.js";
export { version } from "./experiment/version.js";
export { cubicBoundaries } from "./models/cubic-map/boundaries.js";
export { cubicCritical, cubicMap, squareMap } from "./models/cubic-map/map.js";
export { type CubicPhase, cubicPhase, cubicPhases } from "./models/cubic-map/phase.js";
export { dlnChain } from "./models/diagonal-linear-network/chain.js";
export {
  discreteCollapseWindow,
  expectedLogFactor,
  logGrowthRate,
} from "./models/diagonal-linear-network/collapse.js";
export { stationaryLawOf } from "./models/diagonal-linear-network/law-of.js";
export {
  depth0LogDensity,
  depth1LogDensity,
  generalDepthLogDensity,
  infiniteDepthLogDensity,
} from "./models/diagonal-linear-network/laws.js";
export { type DataMoments, dataMoments } from "./models/diagonal-linear-network/moments.js";
export {
  criticalTemperature,
  depth1Mode,
  depth1Regime,
  depth1StationaryPoints,
  modeTemperature,
} from "./models/diagonal-linear-network/thresholds.js";
export {
  affineDrift,
  finiteSumNoise,
  sgdBranches,
  svagBranches,
} from "./models/finite-sum/affine-flows.js";
export {
  type FiniteSum,
  type QuadraticFiniteSum,
  type QuadraticForm,
  quadraticFiniteSum,
} from "./models/finite-sum/finite-sum.js";
export { type FlowKind, finiteSumFlow, flowKinds } from "./models/finite-sum/flows.js";
export { leastSquares } from "./models/finite-sum/least-squares.js";
export { dataNoise } from "./models/finite-sum/same-noise.js";
export { finiteSumSgd } from "./models/finite-sum/sgd-stepper.js";
export { type Observable, weakOrderTable } from "./models/finite-sum/weak-order.js";
export { glmLosses } from "./models/glm/losses.js";
export { type SquareProblem, squareGd, squareSgd } from "./models/glm/square-exact.js";
export { lrCritical, squareStationary } from "./models/glm/stationary.js";
export { isSuccess, neuronCategory } from "./models/gmm-two-layer/categories.js";
export { GmmDimensionFree } from "./models/gmm-two-layer/dimension-free.js";
export { GmmFunctionals } from "./models/gmm-two-layer/functionals.js";
export {
  type GmmParams,
  type GmmTask,
  stateNames as gmmStateNames,
} from "./models/gmm-two-layer/geometry.js";
export { cAlpha, gmmOde, successProbability } from "./models/gmm-two-layer/limits.js";
export { gmmTwoLayerModel } from "./models/gmm-two-layer/model.js";
export { archOf, type QuadraticArch } from "./models/large-step-gd/arch.js";
export { fullModel } from "./models/large-step-gd/model.js";
export { observedPhase, predictPhase } from "./models/large-step-gd/phases.js";
export { SpanGd } from "./models/large-step-gd/span-gd.js";
export { SpikedDimensionFree } from "./models/spiked-tensor/dimension-free.js";
export {
  lambdaCritical,
  spikedDiffusive,
  spikedFixedPoints,
  spikedOde,
} from "./models/spiked-tensor/limits.js";
export { spikedTensorModel } from "./models/spiked-tensor/model.js";
export { momentum, type Optimizer, sgd } from "./optimizers/optimizer.js";
export { constant, inverseTime, type Schedule } from "./optimizers/schedule.js";
export { summariseEnsemble } from "./simulate/ensemble.js";
export { recordGrid } from "./simulate/grid.js";
export type { Model, ReducedSimulator } from "./simulate/model.js";
export { type RunResult, recordRun } from "./simulate/record-run.js";
export { fullStepper, type Stepper } from "./simulate/stepper.js";
export * from "./theory/dmft/index.js";
export * from "./theory/maps/index.js";
export * from "./theory/sde/index.js";
export * from "./theory/stationary/index.js";
