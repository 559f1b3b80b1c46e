import { z } from "zod";
import { fields } from "../../experiment/fields.js";

/** Analyses of the diagonal-linear-network experiment (issue 4). */
export const dlnAnalyses = ["stationary", "balance", "temperature-sweep", "memory"] as const;

const perPath = z
  .union([z.number(), z.array(z.number()).min(1)])
  .describe("one value for every path, or one per path (length = width)");

/**
 * The public spec of the diagonal-linear-network experiment (field names are a public interface: issue 4).
 * Conventions: T = lr/batch, t = lr × steps, loss (v x - y)^2 with v = sum_i prod_k u_i^(k).
 *
 * @example dlnSpec.parse({ model: { name: "diagonal-linear-network" } }).optimizer.lr // 0.01
 */
export const dlnSpec = z.strictObject({
  $schema: fields.schemaRef(),
  title: fields.title(),
  model: z.strictObject({
    name: z.literal("diagonal-linear-network"),
    depth: z.number().int().min(0).max(64).default(1).describe("D: each path is a product of D + 1 factors"),
    width: z.number().int().min(1).max(1024).default(1).describe("d0: number of paths"),
    data: z
      .strictObject({
        x: z.enum(["gaussian", "uniform"]).default("uniform").describe("N(0,1) or U[-sqrt3, sqrt3]"),
        slope: z.number().default(1).describe("k in y = k x + noise eps"),
        noise: fields.nonNegative().default(1).describe("sigma in y = k x + sigma eps"),
      })
      .default({ x: "uniform", slope: 1, noise: 1 }),
  }),
  optimizer: z
    .strictObject({
      name: z.literal("sgd").default("sgd"),
      lr: fields.positive().default(0.01).describe("learning rate; T = lr / batch, t = lr × steps"),
      batch: fields.positiveInt().max(1_000_000).default(1).describe("minibatch size S"),
      ridge: fields.nonNegative().default(0).describe("weight decay gamma (penalty gamma |theta|^2)"),
    })
    .default({ name: "sgd", lr: 0.01, batch: 1, ridge: 0 }),
  init: z
    .strictObject({
      u: perPath.default(1).describe("first factor u_i^(0) of each path"),
      w: perPath.default(1).describe("the other D factors of each path (all equal)"),
    })
    .default({ u: 1, w: 1 }),
  analysis: z
    .enum(dlnAnalyses)
    .default("stationary")
    .describe("stationary | balance | temperature-sweep | memory"),
  chains: fields.positiveInt().max(1_000_000).default(1000).describe("independent SGD chains"),
  burnIn: fields.nonNegative().default(100).describe("effective time discarded before sampling"),
  horizon: fields.positive().default(400).describe("final effective time t"),
  sampleEvery: fields.positive().default(2).describe("effective time between samples / record points"),
  bins: z.number().int().min(2).max(1000).default(60).describe("histogram bins of v"),
  temperatures: z
    .array(fields.positive())
    .min(2)
    .max(64)
    .optional()
    .describe("temperature-sweep: T values (lr = T × batch); default: fractions of Tc from 0.05 to 1.2"),
  depths: z
    .array(z.number().int().min(0).max(64))
    .min(1)
    .max(8)
    .optional()
    .describe("temperature-sweep: depths D compared at each T (default [0, 1, 2])"),
  noises: z
    .array(fields.nonNegative())
    .max(64)
    .optional()
    .describe("temperature-sweep: noise levels sigma of the (T, sigma) regime map (theory)"),
  seed: fields.seed(),
});

export type DlnSpec = z.output<typeof dlnSpec>;

/** Temperature T = lr / batch. @example temperature(spec) */
export function temperature(spec: DlnSpec): number {
  return spec.optimizer.lr / spec.optimizer.batch;
}

/** Value of a per-path init field for path i. @example initValue(spec.init.u, 0) */
export function initValue(v: number | number[], i: number): number {
  return typeof v === "number" ? v : v[i];
}

/** Default sweep temperatures: fractions of the depth-1 collapse temperature Tc = beta2/alpha3. */
export const sweepFractions = [0.05, 0.1, 0.2, 0.33, 0.5, 0.7, 0.85, 1.2];

/** Depths of a temperature sweep: `depths`, default [0, 1, 2]. @example sweepDepths(spec) */
export function sweepDepths(spec: DlnSpec): number[] {
  return spec.depths ?? [0, 1, 2];
}
