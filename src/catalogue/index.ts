import type { Experiment, RunContext, RunExecutor } from "../experiment/experiment.js";
import type { FigureEntry } from "../experiment/figure-entry.js";
import type { FigureRenderer } from "../experiment/model-package.js";
import type { ExperimentRecord } from "../experiment/record.js";
import { executorIn, runValidated, type ValidatedSpec, validateSpecIn } from "../experiment/run.js";
import { recordFigure } from "../plot/figure.js";
import { collectCatalogue } from "./collect.js";
import * as models from "./models.js";

/**
 * The catalogue: the layer above the models that collects what each model folder exports (its experiments,
 * paper figures and record figures) and binds the generic runner of `src/experiment/run.ts` to them.
 * Nothing below it imports it; it holds nothing model-specific (one line per model in `./models.ts`).
 */
const catalogue = collectCatalogue(Object.values(models));

/** Experiment name (the spec's `model.name`) -> experiment. */
export const experiments: Record<string, Experiment<never>> = catalogue.experiments;

/** Paper figures that `sgdlab reproduce <id>` runs, by id. */
export const figures: Record<string, FigureEntry> = catalogue.figures;

/** Figures for records that are not plain time series, by experiment name. */
export const figureRenderers: Record<string, FigureRenderer> = catalogue.renderers;

/** Ids of all paper figures, sorted. */
export function figureIds(): string[] {
  return Object.keys(figures).sort();
}

/** Names of all experiments, sorted. */
export function experimentNames(): string[] {
  return Object.keys(experiments).sort();
}

/**
 * The figure of a record: its experiment's renderer, or the time-series panels of `recordFigure`.
 *
 * @example writeFileSync("figure.svg", renderFigure(record))
 */
export function renderFigure(record: ExperimentRecord): string {
  const name = (record.spec.model as { name?: string } | undefined)?.name;
  const renderer = name === undefined ? undefined : figureRenderers[name];
  return (renderer ?? recordFigure)(record);
}

/**
 * Validate a raw spec against the catalogue (see `validateSpecIn`).
 *
 * @example validateSpec({ model: { name: "spiked-tensor", N: 100, snr: 1 } }).spec.runs // 8
 */
export function validateSpec(input: unknown, workLimit?: number): ValidatedSpec {
  return validateSpecIn(experiments, input, workLimit);
}

/** Runs an experiment's runs one after another in this thread (works in a browser). */
export const inThreadExecutor: RunExecutor = executorIn(experiments);

/**
 * Run an experiment end to end: spec -> simulation and theory -> record. Numerical failures are statuses
 * in the record; only invalid input (SpecError) and cancellation throw.
 *
 * @example const record = await runExperiment(JSON.parse(text), { onProgress: console.error })
 */
export async function runExperiment(input: unknown, ctx: RunContext = {}): Promise<ExperimentRecord> {
  return runValidated(validateSpec(input, ctx.workLimit), {
    ...ctx,
    executor: ctx.executor ?? inThreadExecutor,
  });
}

export { simulateOne, type ValidatedSpec } from "../experiment/run.js";
