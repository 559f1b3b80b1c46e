import type { ExperimentRecord, RunResult } from "./core.js";

/**
 * Messages between the page and its Web Workers (web/src/worker.ts).
 *
 * `run`: compute run `index` of an experiment (`experiments[name].simulateRun(spec, index)`, stream
 * `index` of the seed), answered by `result`. `record`: the whole record of a spec, computed in the worker
 * (a theory-only spec for the live theory, or an experiment without an ensemble; see web/src/theory.ts),
 * answered by `record`. Failures come back as `error`.
 */
export type ToWorker =
  | { kind: "run"; experiment: string; spec: unknown; index: number }
  | { kind: "record"; id: number; spec: unknown };

export type FromWorker =
  | { kind: "result"; index: number; result: RunResult }
  | { kind: "record"; id: number; record: ExperimentRecord }
  | { kind: "error"; index?: number; id?: number; message: string };
