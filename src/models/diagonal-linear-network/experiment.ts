import { SpecError } from "../../core/errors.js";
import { messages } from "../../core/messages.js";
import { type Experiment, type RecordBody, runEnsemble } from "../../experiment/experiment.js";
import { balanceAnalysis } from "./balance-analysis.js";
import { dlnCost } from "./cost.js";
import { memoryAnalysis } from "./memory-analysis.js";
import { sdePaths, simulateDlnRun } from "./simulate-run.js";
import { type DlnSpec, dlnSpec, sweepDepths } from "./spec.js";
import { stationaryAnalysis } from "./stationary-analysis.js";
import { sweepAnalysis } from "./sweep-analysis.js";
import { sweepRunCount } from "./sweep-plan.js";

/** Most samples per chain (record points), as `points` of every other experiment. */
const maxSamples = 100_000;

/**
 * SGD on diagonal linear networks of any depth: the law of balance and the analytic stationary laws of
 * SGD next to long runs over many chains (science/03; Liu, Li, Ueda 2023).
 */
export const dlnExperiment: Experiment<DlnSpec> = {
  name: "diagonal-linear-network",
  description:
    "SGD on diagonal linear networks (depth D, width d0): law of balance, stationary laws, phase transition at Tc",
  schema: dlnSpec,
  check: checkDlnSpec,
  cost: dlnCost,
  simulateRun: simulateDlnRun,
  async run(spec, ctx) {
    const start = performance.now();
    const count =
      spec.analysis === "balance"
        ? 2 * spec.chains + sdePaths(spec)
        : spec.analysis === "temperature-sweep"
          ? sweepRunCount(spec)
          : spec.chains;
    const results = await runEnsemble(ctx, this.name, spec, count);
    const simulationSeconds = (performance.now() - start) / 1000;
    const theoryStart = performance.now();
    const body: RecordBody = analyses[spec.analysis](spec, results);
    body.timing = { simulationSeconds, theorySeconds: (performance.now() - theoryStart) / 1000 };
    return body;
  },
};

const analyses = {
  stationary: stationaryAnalysis,
  balance: balanceAnalysis,
  "temperature-sweep": sweepAnalysis,
  memory: memoryAnalysis,
} as const;

/** Cross-field rules (single-field ranges are in the schema). */
function checkDlnSpec(spec: DlnSpec): void {
  const { depth, width } = spec.model;
  if (spec.analysis === "temperature-sweep" && spec.optimizer.batch !== 1)
    throw new SpecError("optimizer.batch", spec.optimizer.batch, messages.dlnSweepBatch);
  if (spec.analysis === "memory" && width < 2)
    throw new SpecError("model.width", width, messages.dlnMemoryWidth);
  for (const field of ["u", "w"] as const) {
    const v = spec.init[field];
    if (Array.isArray(v) && v.length !== width)
      throw new SpecError(`init.${field}`, v, messages.dlnInitLength(width));
  }
  if (spec.analysis === "balance" && (depth !== 1 || width !== 1))
    throw new SpecError("model.depth", depth, messages.dlnBalanceScalar);
  const deepest = spec.analysis === "temperature-sweep" ? Math.max(...sweepDepths(spec)) : depth;
  if (spec.optimizer.ridge > 0 && deepest >= 2)
    throw new SpecError("optimizer.ridge", spec.optimizer.ridge, messages.dlnRidgeDepth);
  if (
    (spec.analysis === "stationary" || spec.analysis === "temperature-sweep") &&
    !(spec.horizon > spec.burnIn)
  )
    throw new SpecError("horizon", spec.horizon, messages.dlnHorizon(spec.burnIn));
  // Samples are record points: bounded like every experiment's `points` (found by the property tests:
  // sampleEvery = 1e-9 asked for 2e9 of them).
  if (spec.analysis !== "temperature-sweep" && !(spec.horizon / spec.sampleEvery <= maxSamples))
    throw new SpecError(
      "sampleEvery",
      spec.sampleEvery,
      messages.dlnTooManySamples(maxSamples, spec.horizon),
    );
}
