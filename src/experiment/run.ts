import { SpecError } from "../core/errors.js";
import { defaultWorkLimit, messages } from "../core/messages.js";
import type { RunResult } from "../simulate/record-run.js";
import type { Experiment, RunContext, RunExecutor } from "./experiment.js";
import { parseWith } from "./parse.js";
import { judgeAgreement } from "./power.js";
import type { ExperimentRecord } from "./record.js";
import { sanitiseBody } from "./sanitise.js";
import { version } from "./version.js";
import { checkWork } from "./work.js";

/** A validated spec and the experiment it belongs to. */
export interface ValidatedSpec {
  experiment: Experiment<never>;
  spec: Record<string, unknown>;
}

/** Experiment name (the spec's `model.name`) -> experiment: the catalogue's table, passed in from above. */
export type ExperimentTable = Readonly<Record<string, Experiment<never>>>;

/**
 * Validate a raw spec (parsed JSON/YAML) against a table of experiments: pick the experiment from
 * `model.name`, fill defaults, check cross-field rules and the work guard (`experiment.cost` against
 * `workLimit` operations). Throws {@link SpecError} naming the field and value.
 * The catalogue binds it to every model as `validateSpec`.
 *
 * @example validateSpecIn(experiments, { model: { name: "spiked-tensor", N: 100, snr: 1 } }).spec.runs // 8
 */
export function validateSpecIn(
  experiments: ExperimentTable,
  input: unknown,
  workLimit = defaultWorkLimit,
): ValidatedSpec {
  if (input === null || typeof input !== "object" || Array.isArray(input))
    throw new SpecError("spec", input, messages.notAnObject);
  const model = (input as { model?: unknown }).model;
  const name = model !== null && typeof model === "object" ? (model as { name?: unknown }).name : undefined;
  const experiment = typeof name === "string" ? experiments[name] : undefined;
  if (!experiment)
    throw new SpecError("model.name", name, messages.unknownModel(Object.keys(experiments).sort()));
  const spec = parseWith(experiment.schema, input) as Record<string, unknown>;
  experiment.check(spec as never);
  checkWork(experiment.cost?.bind(experiment), spec, workLimit);
  return { experiment, spec };
}

/** Run `index` of an experiment's ensemble (a programming error if the experiment has no runs). */
export function simulateOne(experiment: Experiment<never>, spec: unknown, index: number): RunResult {
  if (!experiment.simulateRun) throw new Error(`experiment ${experiment.name} has no ensemble runs`);
  return experiment.simulateRun(spec as never, index);
}

/** How often the in-thread executor yields to the event loop (progress, cancellation, a browser's UI). */
const yieldEveryMs = 50;

/**
 * An executor that runs an experiment's runs one after another in this thread (works in a browser). It
 * yields to the event loop every {@link yieldEveryMs} ms, not after every run: a timer costs about 1 ms,
 * which would dominate ensembles of many short runs.
 *
 * @example const inThreadExecutor = executorIn(experiments)
 */
export const executorIn =
  (experiments: ExperimentTable): RunExecutor =>
  async (name, spec, count, { onRun, signal }) => {
    const experiment = experiments[name];
    const results: RunResult[] = [];
    let last = performance.now();
    for (let i = 0; i < count; i++) {
      signal?.throwIfAborted();
      results.push(simulateOne(experiment, spec, i));
      onRun?.();
      if (performance.now() - last > yieldEveryMs) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        last = performance.now();
      }
    }
    return results;
  };

/**
 * Run a validated spec end to end: simulation and theory -> record, with the provenance and the timing.
 * `ctx.executor` runs the ensemble (the catalogue's `runExperiment` defaults it to the in-thread one).
 *
 * Numerical failures are statuses in the record; only cancellation throws.
 *
 * @example const record = await runValidated(validateSpec(input), { executor })
 */
export async function runValidated(
  { experiment, spec }: ValidatedSpec,
  ctx: RunContext & { executor: RunExecutor },
): Promise<ExperimentRecord> {
  const startedAt = new Date().toISOString();
  const start = performance.now();
  const body = judgeAgreement(sanitiseBody(await experiment.run(spec as never, ctx)));
  const host = (globalThis as { process?: { version?: string; platform?: string; arch?: string } }).process;
  return {
    sgdlab: version,
    provenance: {
      commit: ctx.commit ?? null,
      node: host?.version ?? "browser",
      platform: host?.platform ? `${host.platform}-${host.arch}` : "browser",
      startedAt,
    },
    spec,
    ...body,
    timing: { ...body.timing, totalSeconds: (performance.now() - start) / 1000 },
  };
}
