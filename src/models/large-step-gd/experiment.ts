import { SpecError } from "../../core/errors.js";
import { messages } from "../../core/messages.js";
import type { Experiment, RecordBody } from "../../experiment/experiment.js";
import type { Series } from "../../experiment/record.js";
import { type CubicPhase, cubicPhases } from "../cubic-map/phase.js";
import { archOf } from "./arch.js";
import { gdCost } from "./cost.js";
import { initialWeights, makeData } from "./data.js";
import { type GdTrajectory, runGd } from "./gd-run.js";
import { observedPhase, predictPhase } from "./phases.js";
import { SpanGd } from "./span-gd.js";
import {
  type LargeStepGdSpec,
  type PhaseRetrievalSpec,
  phaseRetrievalSpec,
  type QuadraticNetworkSpec,
  quadraticNetworkSpec,
} from "./spec.js";

/**
 * Full-batch GD on a quadratic-regression model with the cubic map's prediction next to it: per-sample r
 * range, predicted and observed phase, the GD-vs-map deviation (orthogonal data), last-iterate and
 * averaged test error, sharpness (science/04; Chen et al. 2024).
 */
function largeStepGdExperiment<S extends LargeStepGdSpec>(
  name: S["model"]["name"],
  description: string,
  schema: Experiment<S>["schema"],
): Experiment<S> {
  return {
    name,
    description,
    schema,
    cost: gdCost,
    check(spec) {
      const { d, n, data } = spec.model;
      if (data === "orthogonal" && n > d) throw new SpecError("model.n", n, messages.orthogonalNeedsNLeD(d));
      if (spec.average.burnIn >= spec.steps)
        throw new SpecError("average.burnIn", spec.average.burnIn, messages.burnInTooLate(spec.steps));
    },
    async run(spec) {
      const start = performance.now();
      const data = makeData(spec);
      const gd = new SpanGd(data, archOf(spec), initialWeights(spec));
      const lr = spec.optimizer.lr;
      const prediction = predictPhase(gd, lr);
      const exact = spec.model.data === "orthogonal" && data.y.every((y) => y > 0);
      const run = runGd(gd, {
        lr,
        steps: spec.steps,
        points: spec.points,
        burnIn: spec.average.burnIn,
        mapSteps: exact ? prediction.r : undefined,
      });
      return gdRecord(spec, run, prediction, observedPhase(run, lr), (performance.now() - start) / 1000);
    },
  };
}

/**
 * The record of one GD run next to the map's prediction: the series, the predicted and observed phases
 * (scalars and `tables.phase`), and, when the run stayed finite, the Lyapunov exponent, the final
 * sharpness and the GD-vs-map deviation (undefined after a divergence: left out); a divergence is the
 * run's shared non-finite status with its step.
 */
function gdRecord(
  spec: LargeStepGdSpec,
  run: GdTrajectory,
  prediction: ReturnType<typeof predictPhase>,
  observed: CubicPhase,
  simulationSeconds: number,
): RecordBody {
  const scalars: Record<string, number> = {
    rMin: prediction.rMin,
    rMax: prediction.rMax,
    observedPhase: cubicPhases.indexOf(observed),
  };
  if (run.failure === undefined) {
    scalars.lyapunov = run.lyapunov;
    scalars.sharpnessFinal = run.finalSharpness;
    if (run.mapDeviation !== undefined) scalars.mapDeviation = run.mapDeviation;
  }
  const notes: string[] = [];
  if (prediction.phase !== undefined) scalars.phase = cubicPhases.indexOf(prediction.phase);
  else notes.push(messages.unknownMapPhase);
  if (run.failure !== undefined) {
    scalars.failedStep = run.failure.step ?? spec.steps;
    notes.unshift(messages.gdDiverged(run.failure.messages[0]));
  }
  return {
    status: run.failure?.status ?? "ok",
    messages: notes,
    series: seriesOf(run, spec.model.labels === "teacher"),
    scalars,
    tables: { phase: { source: ["cubic map", "gd"], phase: [prediction.phase ?? "unknown", observed] } },
    distributions: {},
    agreement: {},
    timing: { simulationSeconds },
  };
}

/**
 * The record series: training loss, sharpness and (with a teacher) the last iterate's test error on the
 * simulation source; the averaged predictor's test error on the `averaged` source. Constant labels have
 * no teacher, so no test error is reported.
 */
function seriesOf(run: GdTrajectory, teacher: boolean): Series[] {
  const values: Record<string, number[]> = { trainLoss: run.trainLoss, sharpness: run.sharpness };
  if (teacher) values.testError = run.testError;
  const series: Series[] = [{ source: "simulation", t: run.t, values, runs: 1 }];
  if (teacher && run.averagedT.length > 0)
    series.push({
      source: "averaged",
      t: run.averagedT,
      values: { testErrorAveraged: run.testErrorAveraged },
    });
  return series;
}

/** Phase retrieval by large-step GD (issue 3 §3): `r_i = lr y_i / n`. */
export const phaseRetrievalExperiment = largeStepGdExperiment<PhaseRetrievalSpec>(
  "phase-retrieval",
  "Full-batch GD on phase retrieval at large step sizes, next to the cubic map z -> z(1 + r(1 - z^2))",
  phaseRetrievalSpec,
);

/** Two-layer quadratic network by large-step GD (issue 3 §3): `r_i = 2 c lr y_i / n`. */
export const quadraticNetworkExperiment = largeStepGdExperiment<QuadraticNetworkSpec>(
  "quadratic-network",
  "Full-batch GD on a two-layer quadratic-activation network at large step sizes, next to the map s -> s(1 + r(1 - s))^2",
  quadraticNetworkSpec,
);
