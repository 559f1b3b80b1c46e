import { experiments, simulateOne } from "../catalogue/index.js";
import type { RunResult } from "../simulate/record-run.js";

/** A batch of runs of one experiment, executed on a worker thread. */
export interface RunTask {
  experiment: string;
  spec: unknown;
  index: number;
}

/** Piscina entry point: run `index` of the spec (a pure function of the spec and the index). */
export default function runTask({ experiment, spec, index }: RunTask): RunResult {
  return simulateOne(experiments[experiment], spec, index);
}
