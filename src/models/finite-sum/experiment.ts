import type { z } from "zod";
import type { Experiment } from "../../experiment/experiment.js";
import { checkFlowsSpec } from "./check.js";
import { flowsCost } from "./cost.js";
import {
  type FlowsSpec,
  flowsSpec,
  type LeastSquaresSpec,
  leastSquaresModel,
  type QuadraticFiniteSumSpec,
  quadraticFiniteSumModel,
  type RandomCurvatureSpec,
  randomCurvatureModel,
} from "./spec.js";
import { runTrajectories, simulateTrajectory } from "./trajectories-analysis.js";
import { runTwoPoint, simulateTwoPoint } from "./two-point-analysis.js";
import { runWeakOrder } from "./weak-order-analysis.js";

/**
 * One modified-flows experiment for one model schema: SGD next to gradient flow, SME-1, SME-2 and the
 * stochastic modified flow (science/05), by `analysis`: "weak-order" (exact moments), "two-point-invariant"
 * (Monte Carlo, 1-D) or "trajectories" (ensembles of SGD and of each SDE).
 */
function flowsExperiment<S extends FlowsSpec>(
  name: string,
  description: string,
  model: z.ZodType,
): Experiment<S> {
  return {
    name,
    description,
    schema: flowsSpec(model) as unknown as z.ZodType<S>,
    check: checkFlowsSpec,
    cost: flowsCost,
    simulateRun: (spec, index) =>
      spec.analysis === "trajectories" ? simulateTrajectory(spec, index) : simulateTwoPoint(spec, index),
    async run(spec, ctx) {
      if (spec.analysis === "weak-order") return runWeakOrder(spec);
      if (spec.analysis === "two-point-invariant") return runTwoPoint(spec, ctx, name);
      return runTrajectories(spec, ctx, name);
    },
  };
}

/** T1 of science/05: 1-D random curvature, where SMF and SME differ for two-point statistics. */
export const randomCurvatureExperiment = flowsExperiment<RandomCurvatureSpec>(
  "random-curvature",
  "SGD vs GF, SME-1, SME-2, SMF on f = theta x^2/2, theta = 1 ± sigma: weak order in lr, two-point statistics",
  randomCurvatureModel,
);

/** T2 of science/05 and any user quadratic finite sum. */
export const quadraticFiniteSumExperiment = flowsExperiment<QuadraticFiniteSumSpec>(
  "quadratic-finite-sum",
  "SGD vs GF, SME-1, SME-2, SMF on f = mean_i (x^T A_i x/2 - b_i^T x): exact weak-order analysis, ensembles",
  quadraticFiniteSumModel,
);

/** A random least-squares finite sum: what a user gets on their own problem. */
export const leastSquaresExperiment = flowsExperiment<LeastSquaresSpec>(
  "least-squares",
  "SGD vs SME-1, SME-2, SMF ensembles on random least squares: mean loss and its variance, exact moments",
  leastSquaresModel,
);
