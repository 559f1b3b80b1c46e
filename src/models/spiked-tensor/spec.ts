import { z } from "zod";
import { messages } from "../../core/messages.js";
import { fields } from "../../experiment/fields.js";

/** Largest N accepted for `simulation: "full"` (five length-N vectors, 40 N bytes, per run per worker). */
export const maxFullN = 50_000_000;

/** Theories available for spiked tensor PCA (science/01 §2). */
export const spikedTheories = ["ode", "gradient-flow", "diffusive"] as const;

const initSpec = z.union(
  [
    z.strictObject({
      m: z.number().describe("initial overlap <x0, v>"),
      rPerp2: fields.nonNegative().describe("initial squared norm orthogonal to v"),
    }),
    z.strictObject({ random: z.literal(true).describe("x0 ~ N(0, I/N)") }),
  ],
  { error: () => messages.spikedInit },
);

/**
 * The public spec of the spiked tensor PCA experiment (field names are a public interface: issue 2).
 *
 * @example spikedTensorSpec.parse({ model: { name: "spiked-tensor", k: 2, N: 2000, snr: 1.2 } })
 */
export const spikedTensorSpec = z.strictObject({
  $schema: fields.schemaRef(),
  title: fields.title(),
  model: z.strictObject({
    name: z.literal("spiked-tensor"),
    k: z.number().int().min(2).max(64).default(2).describe("tensor order (2: spiked matrix PCA)"),
    N: z.number().int().min(2).max(1e15).describe("dimension"),
    snr: fields.nonNegative().describe("signal strength lambda"),
  }),
  optimizer: z
    .strictObject({
      name: z.literal("sgd").default("sgd"),
      cDelta: fields.positive().default(1).describe("step constant: delta = cDelta / N"),
    })
    .default({ name: "sgd", cDelta: 1 }),
  init: initSpec.default({ random: true }).describe("{ m, rPerp2 } or { random: true }"),
  horizon: fields.horizon(10),
  points: fields.points(51),
  runs: fields.runs(8),
  seed: fields.seed(),
  simulation: z
    .enum(["full", "dimension-free", "none"])
    .default("full")
    .describe("full: vectors in dimension N; dimension-free: exact O(1) sampler; none"),
  theory: z.array(z.enum(spikedTheories)).default(["ode"]).describe("theories to compute"),
});

export type SpikedTensorSpec = z.output<typeof spikedTensorSpec>;
