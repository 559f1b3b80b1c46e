/**
 * Sweeps on Node (issue 11): read and plan a sweep file, run it on an engine (local pool, BullMQ, Slurm
 * shards), store its points, write its outputs. The browser-safe half is `src/sweep/`.
 */
export { bullmqEngine } from "./bullmq-engine.js";
export { startSweepWorker } from "./bullmq-worker.js";
export { dryRunSweep } from "./dry-run.js";
export type { EngineContext, PointResult, SweepEngine } from "./engine.js";
export { localEngine } from "./local-engine.js";
export { sweepJson, writeSweepOutputs } from "./outputs.js";
export { PointStore } from "./point-store.js";
export { codeVersion, planSweepInput, readSweepFile } from "./read-sweep.js";
export { runSweep, SweepInterruptedError, storedSweepDocument } from "./run-sweep.js";
export { readShards, runSweepTask, shardEngine, writeSlurmSweep } from "./slurm.js";
export { reproduceSweepFigure, sweepFigures } from "./sweep-figures.js";
