import { messages } from "../../core/messages.js";
import { type Outcome, worstOutcome } from "../../core/status.js";
import { agreementOf } from "../../experiment/agreement.js";
import {
  type Experiment,
  emptyRecordBody,
  type RecordBody,
  type RunContext,
  type RunExecutor,
  simulationSeries,
} from "../../experiment/experiment.js";
import type { Series } from "../../experiment/record.js";
import { checkGlmSpec } from "./check.js";
import { glmCost } from "./cost.js";
import { glmSteps, simulateGlmRun } from "./simulate-run.js";
import { type GlmSpec, glmSpec } from "./spec.js";
import { squareStationary } from "./stationary.js";
import { glmStatisticNames } from "./teacher.js";
import { dmftSeries, exactSeries, kernelTables, squareProblemOf } from "./theory.js";
import { glmGapModel } from "./tolerance.js";

/**
 * GD and SGD with extensive batches on a generalized linear model at dimension d, next to the discrete
 * DMFT and (square loss) the exact oracles (science/02).
 */
export const glmExperiment: Experiment<GlmSpec> = {
  name: "glm",
  description:
    "GD/SGD with extensive batches on generalized linear models: discrete DMFT, exact square-loss oracles",
  schema: glmSpec,
  cost: glmCost,
  check: checkGlmSpec,
  simulateRun: simulateGlmRun,
  async run(spec, ctx) {
    const body: RecordBody = emptyRecordBody();
    const outcomes: Outcome[] = [];
    if (spec.model.loss === "square" && spec.model.teacher === "linear")
      outcomes.push(stationary(spec, body));
    const sim = spec.simulation ? await simulate(spec, ctx, body, outcomes) : undefined;
    const start = performance.now();
    for (const source of spec.theory) {
      const result = theoryOf(spec, source, body);
      body.series.push(result.series);
      outcomes.push(result.outcome);
      if (!sim || (sim.runs ?? 0) < 2 || body.scalars.failedRuns > 0) continue;
      for (const [stat, entry] of Object.entries(
        agreementOf(sim, result.series, glmGapModel(spec, result.series)),
      )) {
        body.agreement[stat] ??= {};
        body.agreement[stat][source] = entry;
      }
    }
    body.timing.theorySeconds = (performance.now() - start) / 1000;
    Object.assign(body, worstOutcome(outcomes));
    return body;
  },
};

/** One theory's series; the DMFT also adds the requested kernel tables. */
function theoryOf(spec: GlmSpec, source: GlmSpec["theory"][number], body: RecordBody) {
  if (source === "exact") return exactSeries(spec);
  const dmft = dmftSeries(spec);
  Object.assign(body.tables, kernelTables(spec, dmft.first));
  return dmft;
}

/** Scalars of square loss: lrCritical and the stationary values below it. */
function stationary(spec: GlmSpec, body: RecordBody): Outcome {
  const st = squareStationary(squareProblemOf(spec));
  if (st.lrCritical === undefined) return { status: "ok", messages: [] };
  body.scalars.lrCritical = st.lrCritical;
  if (st.q === undefined || st.testError === undefined || st.trainLoss === undefined)
    return { status: "ok", messages: [messages.glmNoStationary(spec.optimizer.lr, st.lrCritical)] };
  body.scalars["stationary.q"] = st.q;
  body.scalars["stationary.testError"] = st.testError;
  body.scalars["stationary.trainLoss"] = st.trainLoss;
  return { status: "ok", messages: [] };
}

async function simulate(
  spec: GlmSpec,
  ctx: RunContext & { executor: RunExecutor },
  body: RecordBody,
  outcomes: Outcome[],
): Promise<Series> {
  const names = glmStatisticNames(spec.model.teacher);
  const runs = spec.simulation?.runs ?? 1;
  const { series, outcome } = await simulationSeries(ctx, "glm", spec, runs, names, glmSteps(spec), 1, body);
  if (body.scalars.failedRuns > 0) outcome.messages.push(messages.noAgreementAfterFailure);
  outcomes.push(outcome);
  return series;
}
