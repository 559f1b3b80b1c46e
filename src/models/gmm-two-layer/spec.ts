import { z } from "zod";
import { messages } from "../../core/messages.js";
import { fields } from "../../experiment/fields.js";

/** Theories of the Gaussian-mixture two-layer network (science/01 §3). */
export const gmmTheories = ["ode", "ode-infinite-snr", "success-probability"] as const;

const initSpec = z.union(
  [
    z.strictObject({
      random: z.literal(true).describe("v ~ N(0,1); W ~ N(0, I/(snr N)) binary, N(0, I/N) XOR"),
    }),
    z.strictObject({
      v: z.array(z.number()).describe("second layer v_i"),
      mMu: z.array(z.number()).describe("W_i · mu"),
      mNu: z.array(z.number()).optional().describe("W_i · nu (XOR only)"),
      RPerp: z.array(z.array(z.number())).describe("K×K Gram matrix of the W_i orthogonal to mu (and nu)"),
    }),
  ],
  { error: () => messages.gmmInit },
);

/**
 * The public spec of the Gaussian-mixture two-layer experiment (field names are a public interface: issue 7).
 *
 * @example gmmTwoLayerSpec.parse({ model: { name: "gmm-two-layer", task: "binary", K: 2, N: 250, snr: 100, ridge: 0.1 } })
 */
export const gmmTwoLayerSpec = z.strictObject({
  $schema: fields.schemaRef(),
  title: fields.title(),
  model: z.strictObject({
    name: z.literal("gmm-two-layer"),
    task: z.enum(["binary", "xor"]).default("binary").describe("binary mixture ±mu, or XOR (±mu vs ±nu)"),
    K: z.number().int().min(1).max(64).default(2).describe("hidden units"),
    N: z.number().int().min(4).max(1e12).describe("dimension"),
    snr: fields.positive().describe("signal-to-noise ratio lambda (noise covariance I/snr)"),
    ridge: fields.positive().describe("ridge alpha (< 1/4 binary, < 1/8 XOR)"),
  }),
  optimizer: z
    .strictObject({
      name: z.literal("sgd").default("sgd"),
      cDelta: fields.positive().default(1).describe("step constant: delta = cDelta / N"),
    })
    .default({ name: "sgd", cDelta: 1 }),
  init: initSpec.default({ random: true }).describe("{ random: true } or the initial statistics"),
  horizon: fields.horizon(100),
  points: fields.points(101),
  runs: fields.runs(16),
  seed: fields.seed(),
  simulation: z
    .enum(["full", "dimension-free"])
    .default("full")
    .describe("full: weights in dimension N; dimension-free: exact O(K^3) sampler of the statistics"),
  theory: z
    .array(z.enum(gmmTheories))
    .default([...gmmTheories])
    .describe("theories to compute"),
  track: z.number().int().min(0).default(0).describe("run whose statistics are shown next to the ODEs"),
  analysis: z
    .enum(["run", "diffusive"])
    .default("run")
    .describe(
      "run: one width (success against width: a sweep over model.K, sgdlab reproduce xor-width); diffusive: sqrt(N) fluctuations at a fixed point (init given)",
    ),
  testSamples: z.number().int().min(1).max(1e6).default(1000).describe("test samples for loss and accuracy"),
});

export type GmmTwoLayerSpec = z.output<typeof gmmTwoLayerSpec>;
