import { z } from "zod";
import { messages } from "../../core/messages.js";
import { fields } from "../../experiment/fields.js";

/** The analyses of the continuous-time models of SGD (issue 6; public names). */
export const flowAnalyses = ["weak-order", "two-point-invariant", "trajectories"] as const;

const matrix = z.array(z.array(z.number()));

/** `model` of `random-curvature`: f(x, theta) = theta x^2/2, theta in {1 - sigma, 1 + sigma} (science/05 T1). */
export const randomCurvatureModel = z.strictObject({
  name: z.literal("random-curvature"),
  sigma: fields.nonNegative().default(0.5).describe("curvature noise: theta = 1 ± sigma"),
  x0: z.number().default(1).describe("start (two-point: x0 and -x0)"),
});

/** `model` of `quadratic-finite-sum`: f_i(x) = x^T A_i x/2 - b_i^T x, any M and d (science/05 T2). */
export const quadraticFiniteSumModel = z.strictObject({
  name: z.literal("quadratic-finite-sum"),
  A: z.array(matrix).min(1).describe("M symmetric d x d matrices A_i"),
  b: z.array(z.array(z.number())).min(1).describe("M vectors b_i of length d"),
  x0: z.array(z.number()).min(1).describe("start, length d (two-point: x0 and -x0)"),
});

/** `model` of `least-squares`: f_i(x) = (a_i . x - y_i)^2/2 with random Gaussian data. */
export const leastSquaresModel = z.strictObject({
  name: z.literal("least-squares"),
  d: z.number().int().min(1).max(1000).default(10).describe("dimension"),
  n: z.number().int().min(2).max(100_000).default(50).describe("samples M"),
  seed: fields.seed().describe("seed of the data a_i ~ N(0, I), w* ~ N(0, I/d), labels"),
  noise: fields.nonNegative().default(0.5).describe("label noise: y_i = a_i . w* + noise eps_i"),
});

const lrList = z.array(fields.positive()).min(1);

/**
 * The spec of the modified-flows experiments for one model schema (field names: issue 6).
 *
 * @example flowsSpec(randomCurvatureModel).parse({ model: { name: "random-curvature" }, lr: [0.1, 0.05] })
 */
export function flowsSpec<M extends z.ZodType>(model: M) {
  return z.strictObject({
    $schema: fields.schemaRef(),
    title: fields.title(),
    model,
    analysis: z.enum(flowAnalyses).default("weak-order").describe(flowAnalyses.join(" | ")),
    lr: z
      .union([fields.positive(), lrList], {
        error: () => messages.flowsLr,
      })
      .default([0.03125, 0.015625, 0.0078125, 0.00390625])
      .describe("learning rate(s); weak-order: a list, the others: one value"),
    horizon: fields.horizon(1),
    observable: z
      .enum(["second-moment", "two-point"])
      .default("second-moment")
      .describe("weak-order: E|X|^2 from x0, or E[X(x0).X(-x0)] on one data sequence"),
    paths: z.number().int().min(2).max(1_000_000).default(1000).describe("Monte Carlo paths per ensemble"),
    substeps: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(4)
      .describe("Euler–Maruyama steps per SGD step (SDE step lr/substeps)"),
    points: fields.points(21),
    seed: fields.seed(),
  });
}

type FlowsSpecOf<M extends z.ZodType> = z.output<ReturnType<typeof flowsSpec<M>>>;
export type RandomCurvatureSpec = FlowsSpecOf<typeof randomCurvatureModel>;
export type QuadraticFiniteSumSpec = FlowsSpecOf<typeof quadraticFiniteSumModel>;
export type LeastSquaresSpec = FlowsSpecOf<typeof leastSquaresModel>;
/** Any of the three specs. */
export type FlowsSpec = RandomCurvatureSpec | QuadraticFiniteSumSpec | LeastSquaresSpec;

/** The learning rates of a spec as a list. */
export function lrsOf(spec: FlowsSpec): number[] {
  return typeof spec.lr === "number" ? [spec.lr] : spec.lr;
}
