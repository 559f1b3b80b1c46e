import { recordGrid } from "../../simulate/grid.js";
import { type CommitteeConvention, committeeConventions, readoutVector } from "./conventions.js";
import { erfIntegrals } from "./erf-integrals.js";
import type { CommitteeActivation, CommitteeIntegrals } from "./integrals.js";
import { type CommitteeLayout, committeeLayout } from "./layout.js";
import { linearIntegrals } from "./linear-integrals.js";
import { reluIntegrals } from "./relu-integrals.js";
import type { CommitteeSpec } from "./spec.js";

/** The averages of an activation. */
export const integralsOf: Record<CommitteeActivation, CommitteeIntegrals> = {
  erf: erfIntegrals,
  relu: reluIntegrals,
  linear: linearIntegrals,
};

/** A spec in canonical units (science/06 §1): what the simulators and the ODE run on. */
export interface CommitteeSetup {
  lay: CommitteeLayout;
  integrals: CommitteeIntegrals;
  convention: CommitteeConvention;
  d: number;
  /** Canonical learning rate η. */
  eta: number;
  /** Label-noise variance σ². */
  noise: number;
  /** Student readout (the start when trained). */
  v: number[];
  /** Teacher readout. */
  A: number[];
  trainReadout: boolean;
  /** Canonical time per unit of the record's (the convention's) time. */
  timeScale: number;
}

/**
 * The canonical parameters of a spec: η and the time scale from its convention, the readouts (the
 * convention's default when the spec gives none).
 *
 * @example committeeSetup(spec).eta // p * lr under "arnaboldi-2023"
 */
export function committeeSetup(spec: CommitteeSpec): CommitteeSetup {
  const { student, teacher, d, noise, activation } = spec.model;
  const convention = committeeConventions[spec.convention];
  const { lr, trainReadout } = spec.optimizer;
  const p = student.width;
  return {
    lay: committeeLayout(p, teacher.width, trainReadout),
    integrals: integralsOf[activation],
    convention,
    d,
    eta: convention.eta(lr, p),
    noise,
    v: readoutVector(student.readout ?? convention.readout, p),
    A: readoutVector(teacher.readout ?? convention.readout, teacher.width),
    trainReadout,
    timeScale: convention.timeScale(lr, p),
  };
}

/**
 * The record grid: `points` times over `[0, horizon]` in the convention's time, snapped to whole SGD
 * steps (one step is `1/d` of canonical time) when there is a simulation, and exactly
 * `j · horizon/(points − 1)` without one (so that a peer's Euler output times are hit exactly). `steps`
 * and `tc` (canonical) drive the simulators and the ODE; `t` (the convention's time, `tc / timeScale`)
 * is what the record shows.
 *
 * @example committeeGrid(spec) // { steps: [0, 500, ...], tc: [0, 0.5, ...], t: [...] }
 */
export function committeeGrid(spec: CommitteeSpec): { steps: number[]; tc: number[]; t: number[] } {
  const { timeScale, d } = committeeSetup(spec);
  if (spec.simulation === "none") {
    const t = Array.from({ length: spec.points }, (_, j) => (j * spec.horizon) / (spec.points - 1));
    return { steps: [], tc: t.map((x) => x * timeScale), t };
  }
  const { steps, t } = recordGrid(spec.horizon * timeScale, spec.points, 1 / d);
  return { steps, tc: t, t: t.map((x) => x / timeScale) };
}
