import { z } from "zod";
import { messages } from "../../core/messages.js";
import { fields } from "../../experiment/fields.js";

/** Largest d and n accepted (GD keeps d × d matrices for the test error). */
export const maxGdDim = 2000;

const dataSpec = z
  .enum(["orthogonal", "gaussian"])
  .default("orthogonal")
  .describe("orthogonal: n orthonormal rows (exact cubic-map reduction); gaussian: x_i ~ N(0, I_d/d)");
const labelsSpec = z
  .union([z.literal("teacher"), fields.positive()], { error: () => messages.gdLabels })
  .default("teacher")
  .describe('"teacher" (Gaussian teacher of the same architecture) or a constant label y > 0');

/** Fields shared by both GD models (issue 3 §3). */
const common = {
  $schema: fields.schemaRef(),
  title: fields.title(),
  optimizer: z.strictObject({
    name: z.literal("gd").default("gd"),
    lr: fields.positive().describe("learning rate (full-batch GD)"),
  }),
  steps: z.number().int().min(1).max(10_000_000).default(300).describe("GD iterations"),
  average: z
    .strictObject({
      burnIn: z.number().int().min(0).describe("steps discarded before averaging the predictor"),
    })
    .default({ burnIn: 0 })
    .describe("trajectory averaging of the predictor after a burn-in"),
  init: z
    .strictObject({ scale: fields.positive().default(0.01).describe("initial weights ~ N(0, scale^2)") })
    .default({ scale: 0.01 }),
  points: fields.points(61).describe("record points over [0, steps]"),
  seed: fields.seed(),
};

const modelCommon = {
  d: z.number().int().min(1).max(maxGdDim).describe("input dimension"),
  n: z.number().int().min(1).max(maxGdDim).describe("training samples"),
  data: dataSpec,
  labels: labelsSpec,
  noise: fields.nonNegative().default(0).describe("label noise standard deviation"),
};

/**
 * Phase retrieval `L(w) = (1/(4n)) sum_i ((x_i·w)^2 - y_i)^2` by full-batch GD (science/04 §1).
 *
 * @example phaseRetrievalSpec.parse({ model: { name: "phase-retrieval", d: 100, n: 80 }, optimizer: { lr: 40 } })
 */
export const phaseRetrievalSpec = z.strictObject({
  ...common,
  model: z.strictObject({ name: z.literal("phase-retrieval"), ...modelCommon }),
});

/**
 * The two-layer network `f(x; U) = c sum_j (u_j·x)^2` with fixed outer weight c, loss
 * `(1/(2n)) sum_i (f(x_i) - y_i)^2`, by full-batch GD (science/04 §1).
 */
export const quadraticNetworkSpec = z.strictObject({
  ...common,
  model: z.strictObject({
    name: z.literal("quadratic-network"),
    ...modelCommon,
    width: z.number().int().min(1).max(1000).describe("hidden units"),
    outer: fields.positive().describe("fixed outer weight c"),
  }),
});

export type PhaseRetrievalSpec = z.output<typeof phaseRetrievalSpec>;
export type QuadraticNetworkSpec = z.output<typeof quadraticNetworkSpec>;
export type LargeStepGdSpec = PhaseRetrievalSpec | QuadraticNetworkSpec;
