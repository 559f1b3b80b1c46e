import { SpecError } from "../../core/errors.js";
import { messages } from "../../core/messages.js";
import type { Experiment, RecordBody } from "../../experiment/experiment.js";
import { type AnalysisBody, ergodicTables, orbitTables, phaseDiagramTable, phaseTable } from "./analyses.js";
import { cubicBoundaries } from "./boundaries.js";
import { cubicCost } from "./cost.js";
import {
  type CubicMapSpec,
  type CubicValues,
  countValues,
  cubicMapSpec,
  expandValues,
  maxGridPoints,
} from "./spec.js";

/**
 * The cubic map `z -> z (1 + r (1 - z^2))` of large-step GD on quadratic regression: its five phases, orbit
 * and phase diagrams, Lyapunov exponents and ergodic averages (science/04; Chen et al. 2024).
 */
export const cubicMapExperiment: Experiment<CubicMapSpec> = {
  name: "cubic-map",
  description:
    "Large-step GD on quadratic regression as the cubic map z -> z(1 + r(1 - z^2)): five phases, boundaries, orbit/phase diagrams, Lyapunov, ergodic means",
  schema: cubicMapSpec,
  cost: cubicCost,
  check: checkCubicSpec,
  async run(spec) {
    const start = performance.now();
    const body = analysis(spec);
    const scalars: Record<string, number> = {};
    const messagesOut = [...body.messages];
    if (spec.analysis === "phases" || spec.analysis === "orbit-diagram") {
      const b = cubicBoundaries(expandValues(spec.z0)[0]);
      Object.assign(scalars, b.values);
      if (b.failed.length > 0) messagesOut.push(messages.boundaryNotFound(b.failed));
    }
    const record: RecordBody = {
      status: body.status,
      messages: messagesOut,
      series: [],
      scalars,
      tables: body.tables,
      distributions: body.distributions,
      agreement: body.agreement,
      timing: { theorySeconds: (performance.now() - start) / 1000 },
    };
    return record;
  },
};

function analysis(spec: CubicMapSpec): AnalysisBody {
  switch (spec.analysis) {
    case "phases":
    case "lyapunov":
      return phaseTable(spec, spec.analysis);
    case "orbit-diagram":
      return orbitTables(spec);
    case "phase-diagram":
      return phaseDiagramTable(spec);
    case "ergodic-average":
      return ergodicTables(spec);
  }
}

/** Cross-field rules: ranges increasing and not too long, r > 0, z0 of the shape the analysis needs. */
function checkCubicSpec(spec: CubicMapSpec): void {
  checkValues("r", spec.r);
  checkValues("z0", spec.z0);
  if (expandValues(spec.r).some((r) => !(r > 0)))
    throw new SpecError("r", spec.r, messages.positiveStepSizes);
  const starts = spec.z0;
  if (spec.analysis === "phase-diagram") {
    if (typeof starts === "number" || Array.isArray(starts))
      throw new SpecError("z0", starts, messages.startRange);
    if (countValues(spec.r) * countValues(starts) > maxGridPoints)
      throw new SpecError("z0", starts, messages.tooManyPoints(maxGridPoints));
  } else if (spec.analysis === "orbit-diagram") {
    if (!(typeof starts === "number" || (Array.isArray(starts) && starts.length <= 16)))
      throw new SpecError("z0", starts, messages.startList);
  } else if (typeof starts !== "number") {
    throw new SpecError("z0", starts, messages.singleStart(spec.analysis));
  }
  if (spec.keep < 2 * spec.maxPeriod)
    throw new SpecError("keep", spec.keep, messages.keepTooSmall(spec.maxPeriod));
}

function checkValues(field: string, v: CubicValues): void {
  if (typeof v === "number" || Array.isArray(v)) return;
  if (!(v.from < v.to)) throw new SpecError(field, v, messages.rangeReversed);
  if (countValues(v) > maxGridPoints) throw new SpecError(field, v, messages.tooManyPoints(maxGridPoints));
}
