import { z } from "zod";
import { fields } from "../../experiment/fields.js";
import { committeeConventionNames } from "./conventions.js";
import { committeeActivations } from "./integrals.js";
import { committeeMessages } from "./messages.js";

/** Theories of the committee machine (science/06 §3). */
export const committeeTheories = ["ode"] as const;

/** ODE methods: explicit Euler (what the peers integrate), RK4, and adaptive Dormand–Prince 5(4). */
export const committeeOdeMethods = ["euler", "rk4", "dopri5"] as const;

const readout = z
  .union([z.enum(["mean", "sum"]), z.array(z.number()).min(1)], { error: () => committeeMessages.readout })
  .optional()
  .describe(
    'second-layer weights: "mean" (1/width each), "sum" (1 each) or a list; default: the convention\'s',
  );

const layer = (what: string) =>
  z.strictObject({
    width: z.number().int().min(1).max(64).default(2).describe(`${what} hidden units`),
    readout,
  });

const matrix = (what: string) => z.array(z.array(z.number())).describe(what);

const initSpec = z.union(
  [
    z.strictObject({
      random: z.literal(true).describe("teacher rows ~ N(0, I_d), student rows ~ N(0, scale² I_d)"),
      scale: fields.positive().default(0.5).describe("standard deviation of the student weights"),
    }),
    z.strictObject({
      Q: matrix("student–student overlaps w_i·w_j/d (p×p)"),
      M: matrix("student–teacher overlaps w_i·w*_n/d (p×k)"),
      P: matrix("teacher–teacher overlaps w*_n·w*_m/d (k×k)"),
    }),
  ],
  { error: () => committeeMessages.init },
);

/**
 * The public spec of the committee-machine experiment (field names are a public interface: issue 15).
 * `optimizer.lr`, `horizon` and `ode.dt` are in the units of `convention` (see conventions.ts).
 *
 * @example committeeSpec.parse({ model: { name: "committee", d: 1000 }, optimizer: { lr: 0.5 } })
 */
export const committeeSpec = z.strictObject({
  $schema: fields.schemaRef(),
  title: fields.title(),
  model: z.strictObject({
    name: z.literal("committee"),
    d: z.number().int().min(1).max(1e15).describe("input dimension"),
    activation: z.enum(committeeActivations).default("erf").describe("erf (erf(x/√2)), relu or linear"),
    student: layer("student").default({ width: 2 }),
    teacher: layer("teacher").default({ width: 2 }),
    noise: fields.nonNegative().default(0).describe("label-noise variance σ²"),
  }),
  optimizer: z.strictObject({
    name: z.literal("sgd").default("sgd"),
    lr: fields.positive().describe("learning rate, in the convention's own parameter"),
    trainReadout: z.boolean().default(false).describe("train the second layer too"),
  }),
  convention: z
    .enum(committeeConventionNames)
    .default("canonical")
    .describe("units of lr, horizon and ode.dt (a peer's convention)"),
  init: initSpec.default({ random: true, scale: 0.5 }).describe("{ random: true, scale } or { Q, M, P }"),
  terms: z
    .strictObject({
      quadratic: z.boolean().default(true).describe("the η² I4 term of dQ/dt"),
      noise: z.boolean().default(true).describe("the η² σ² J2 term of dQ/dt"),
    })
    .default({ quadratic: true, noise: true }),
  ode: z
    .strictObject({
      method: z.enum(committeeOdeMethods).default("rk4"),
      dt: fields
        .positive()
        .default(0.01)
        .describe("step (initial step for dopri5), in the convention's time"),
    })
    .default({ method: "rk4", dt: 0.01 }),
  horizon: fields.horizon(50),
  points: fields.points(101),
  runs: fields.runs(8),
  seed: fields.seed(),
  simulation: z
    .enum(["full", "dimension-free", "none"])
    .default("full")
    .describe("full: weights in dimension d; dimension-free: exact O((p+k)^3) sampler; none"),
  theory: z.array(z.enum(committeeTheories)).default(["ode"]).describe("theories to compute"),
});

export type CommitteeSpec = z.output<typeof committeeSpec>;
