/**
 * The Node-only surface (import from "sgdlab/node"): worker pool, run database, spec files and outputs.
 */
export { executeSpec, InterruptedError } from "./execute.js";
export { recordJson, writeOutputs } from "./outputs.js";
export { svgToPng } from "./png.js";
export { defaultWorkers, workerPool } from "./pool.js";
export { readSpecFile } from "./read-spec.js";
export { DEFAULT_DB_PATH, RunStore, type RunSummary, specHash } from "./store.js";
export {
  bullmqEngine,
  codeVersion,
  localEngine,
  planSweepInput,
  readSweepFile,
  runSweep,
  type SweepEngine,
  startSweepWorker,
  writeSweepOutputs,
} from "./sweep/index.js";
