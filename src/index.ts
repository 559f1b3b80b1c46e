/**
 * sgdlab's public surface: everything a user script or the web UI may import. Browser-safe (the Node-only
 * parts live in `src/node/` and the CLI).
 */
export { SpecError } from "./core/errors.js";
export { Rng, type RngState } from "./core/rng.js";
export type { Outcome, Status } from "./core/status.js";
export type { Experiment, Progress, RunContext, RunExecutor } from "./experiment/experiment.js";
export type { AgreementEntry, Distribution, ExperimentRecord, Series, Table } from "./experiment/record.js";
export { experimentNames, experiments } from "./experiment/registry.js";
export { inThreadExecutor, runExperiment, validateSpec } from "./experiment/run.js";
export { version } from "./experiment/version.js";
export type { Model, ReducedSimulator } from "./models/model.js";
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
export { type RunResult, recordRun } from "./simulate/record-run.js";
export { fullStepper, type Stepper } from "./simulate/stepper.js";
