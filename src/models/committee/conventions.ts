/** Names of the conventions (science/06 §5). */
export const committeeConventionNames = [
  "canonical",
  "saad-solla-1995",
  "goldt-2019",
  "arnaboldi-2023",
  "veiga-2022",
] as const;
export type CommitteeConventionName = (typeof committeeConventionNames)[number];

/**
 * A peer's units for the committee machine, mapped onto the canonical convention of science/06 §1
 * (η the canonical learning rate, t = steps/d the canonical time).
 *
 * For implementers: give the peer's own name of its learning-rate parameter and time, the canonical η
 * and the canonical time per unit of the peer's time as functions of the peer's lr and the student
 * width p, its default readouts and what it supports; add a row to the table of docs/models/committee.md
 * and a case to `test/models/committee/conventions.test.ts` (the same physical run in every convention).
 */
export interface CommitteeConvention {
  readonly name: CommitteeConventionName;
  /** The peer's name of its learning-rate parameter. */
  readonly lrName: string;
  /** The peer's name of its time. */
  readonly timeName: string;
  /** Canonical η from the peer's lr. */
  eta(lr: number, p: number): number;
  /** Canonical time t per unit of the peer's time. */
  timeScale(lr: number, p: number): number;
  /** Readouts when the spec gives none. */
  readonly readout: "mean" | "sum";
  /** Activations the peer's equations are written for (undefined: any). */
  readonly activations?: readonly string[];
  /** Whether the peer trains the second layer. */
  readonly trainsReadout: boolean;
}

/**
 * The conventions of science/06 §5 table:
 * - `canonical`: η = lr, t = steps/d.
 * - `saad-solla-1995`: erf, v = A = 1, first layer only; η = lr, α = steps/N = t.
 * - `goldt-2019` (nn2pp): η = lr (first layer η/√N, second η/N, as canonical), t = steps/N; readouts
 *   explicit (`sum` when none: nn2pp without `--normalise`).
 * - `arnaboldi-2023` (IdePHICS): lr = gamma_over_p, γ = p·lr = η; τ = steps·γ/(p d) so t = p τ/η = τ/lr;
 *   readouts `mean`.
 * - `veiga-2022` (phdiag, κ = δ = 0): γ0 = η, t = steps·dt with dt = 1/d; readouts `mean`.
 *
 * @example committeeConventions["arnaboldi-2023"].eta(0.1, 4) // 0.4
 */
export const committeeConventions: Record<CommitteeConventionName, CommitteeConvention> = {
  canonical: {
    name: "canonical",
    lrName: "eta",
    timeName: "t = steps/d",
    eta: (lr) => lr,
    timeScale: () => 1,
    readout: "mean",
    trainsReadout: true,
  },
  "saad-solla-1995": {
    name: "saad-solla-1995",
    lrName: "eta",
    timeName: "alpha = steps/N",
    eta: (lr) => lr,
    timeScale: () => 1,
    readout: "sum",
    activations: ["erf"],
    trainsReadout: false,
  },
  "goldt-2019": {
    name: "goldt-2019",
    lrName: "lr",
    timeName: "t = steps/N",
    eta: (lr) => lr,
    timeScale: () => 1,
    readout: "sum",
    trainsReadout: true,
  },
  "arnaboldi-2023": {
    name: "arnaboldi-2023",
    lrName: "gamma_over_p",
    timeName: "tau = steps gamma/(p d)",
    eta: (lr, p) => p * lr,
    timeScale: (lr) => 1 / lr,
    readout: "mean",
    activations: ["erf"],
    trainsReadout: false,
  },
  "veiga-2022": {
    name: "veiga-2022",
    lrName: "gamma_0",
    timeName: "t = steps dt, dt = 1/d",
    eta: (lr) => lr,
    timeScale: () => 1,
    readout: "mean",
    activations: ["erf"],
    trainsReadout: false,
  },
};

/**
 * The readout vector of a layer: an explicit list, or `mean` (1/width each), `sum` (1 each).
 *
 * @example readoutVector("mean", 4) // [0.25, 0.25, 0.25, 0.25]
 */
export function readoutVector(readout: "mean" | "sum" | number[], width: number): number[] {
  if (Array.isArray(readout)) return readout.slice();
  return Array.from({ length: width }, () => (readout === "mean" ? 1 / width : 1));
}
