import { z } from "zod";
import { fields } from "../../experiment/fields.js";
import { glmLossNames } from "./losses.js";

/** Theories of the glm experiment (issue 5): the DMFT (any loss) and the exact oracles (square loss). */
export const glmTheories = ["dmft", "exact"] as const;

/** Kernels that can be added to the record as tables. */
export const glmKernels = ["C", "G", "Gamma", "SigmaG"] as const;

/** Largest `n × d` of the simulation's data matrix (8 bytes each, per run per worker). */
export const maxGlmEntries = 50_000_000;

/**
 * The public spec of the glm experiment: GD and SGD with extensive batches on a generalized linear model
 * (field names are a public interface: issue 5).
 *
 * @example glmSpec.parse({ model: { name: "glm", loss: "square", alpha: 3 }, optimizer: { lr: 0.1 } })
 */
export const glmSpec = z.strictObject({
  $schema: fields.schemaRef(),
  title: fields.title(),
  model: z.strictObject({
    name: z.literal("glm"),
    loss: z.enum(glmLossNames).default("square").describe("square | logistic | hinge (smoothed)"),
    teacher: z
      .enum(["linear", "sign"])
      .default("linear")
      .describe("y = hStar + sigma eps, or y = sign(hStar)"),
    alpha: fields.positive().describe("samples per dimension n/d"),
    ridge: fields.nonNegative().default(0).describe("ridge lambda: objective Σ loss + (lambda/2)|w|^2"),
    sigma: fields.nonNegative().default(0).describe("label noise of the linear teacher"),
    spectrum: z
      .array(z.strictObject({ s: fields.positive(), p: fields.positive() }))
      .min(1)
      .default([{ s: 1, p: 1 }])
      .describe("data covariance as levels s with fractions p (isotropic: [{ s: 1, p: 1 }])"),
  }),
  optimizer: z.strictObject({
    name: z.enum(["sgd", "gd"]).default("sgd"),
    lr: fields.positive().describe("learning rate lr (practitioner's: alpha lr)"),
    batchFraction: z.number().gt(0).max(1).default(1).describe("b: each sample is in a batch with prob. b"),
    momentum: z.number().min(0).lt(1).default(0).describe("heavy-ball beta"),
  }),
  init: z
    .strictObject({
      m0: z.number().default(0).describe("initial overlap w·w*/d"),
      q0: fields.nonNegative().default(1).describe("initial squared norm orthogonal to w*"),
    })
    .default({ m0: 0, q0: 1 }),
  steps: z.number().int().min(1).max(100_000).default(50).describe("SGD steps T"),
  theory: z.array(z.enum(glmTheories)).default(["dmft"]).describe('"dmft" and/or "exact" (square loss)'),
  dmft: z
    .strictObject({
      samples: z.number().int().min(100).max(10_000_000).default(10_000).describe("Monte Carlo samples S"),
      response: z
        .enum(["pathwise", "stein"])
        .default("pathwise")
        .describe("pathwise responses chi(t, s) (O(S T^2) memory), or the Stein estimator (O(S T); SGD)"),
      seeds: z.number().int().min(1).max(64).default(2).describe("independent solver seeds (error bar)"),
    })
    .default({ samples: 10_000, response: "pathwise", seeds: 2 }),
  simulation: z
    .strictObject({
      d: z.number().int().min(2).max(1_000_000).default(1000).describe("dimension"),
      runs: fields.runs(10),
      batch: z
        .enum(["bernoulli", "fixed"])
        .default("bernoulli")
        .describe("bernoulli selections or round(b n) samples"),
    })
    .nullable()
    .default({ d: 1000, runs: 10, batch: "bernoulli" })
    .describe("finite-d simulation, or null for theory only"),
  outputs: z.array(z.enum(glmKernels)).default([]).describe("kernels to add as T × T tables"),
  seed: fields.seed(),
});

export type GlmSpec = z.output<typeof glmSpec>;

/** Samples in the simulation, `n = round(alpha d)`. */
export function glmSamples(spec: GlmSpec): number {
  return Math.max(1, Math.round(spec.model.alpha * (spec.simulation?.d ?? 0)));
}
