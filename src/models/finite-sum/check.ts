import { SpecError } from "../../core/errors.js";
import { messages } from "../../core/messages.js";
import type { FlowsSpec, QuadraticFiniteSumSpec } from "./spec.js";
import { lrsOf } from "./spec.js";

/** Largest d for the exact moment analysis (its linear ODE has d^2 + 2d + 1 unknowns, solved by expm). */
export const maxMomentDim = 12;

/**
 * Cross-field rules of the modified-flows specs; throws a {@link SpecError} naming the field.
 *
 * @example checkFlowsSpec(spec) // throws for lr: [0.1, 0.05] with analysis "trajectories"
 */
export function checkFlowsSpec(spec: FlowsSpec): void {
  if (spec.model.name === "quadratic-finite-sum") checkShapes(spec.model);
  const lrs = lrsOf(spec);
  if (spec.analysis !== "weak-order" && lrs.length !== 1)
    throw new SpecError("lr", spec.lr, messages.flowsSingleLr(spec.analysis));
  lrs.forEach((lr, i) => {
    const steps = spec.horizon / lr;
    if (Math.abs(steps - Math.round(steps)) > 1e-9 * Math.max(1, steps))
      throw new SpecError(
        typeof spec.lr === "number" ? "lr" : `lr[${i}]`,
        lr,
        messages.flowsWholeSteps(spec.horizon),
      );
  });
  const d = dimOf(spec);
  if (spec.analysis === "weak-order" && d > maxMomentDim) {
    const field = spec.model.name === "least-squares" ? "model.d" : "model.x0";
    throw new SpecError(
      field,
      spec.model.name === "least-squares" ? d : spec.model.x0,
      messages.flowsMomentDimension(maxMomentDim),
    );
  }
  if (spec.analysis === "two-point-invariant" && !invariantModel(spec))
    throw new SpecError("analysis", spec.analysis, messages.flowsInvariantModel);
}

/** The dimension d of a spec's model. */
export function dimOf(spec: FlowsSpec): number {
  const m = spec.model;
  return m.name === "random-curvature" ? 1 : m.name === "least-squares" ? m.d : m.x0.length;
}

function invariantModel(spec: FlowsSpec): boolean {
  const m = spec.model;
  if (m.name === "random-curvature") return true;
  return m.name === "quadratic-finite-sum" && m.x0.length === 1 && m.b.every((bi) => bi[0] === 0);
}

function checkShapes(model: QuadraticFiniteSumSpec["model"]): void {
  // The dimension is that of the first matrix: a start of another length is the start's fault.
  const d = model.A[0]?.length ?? model.x0.length;
  const M = model.A.length;
  if (model.x0.length !== d) throw new SpecError("model.x0", model.x0, messages.flowsStartLength(d));
  model.A.forEach((Ai, i) => {
    if (Ai.length !== d || Ai.some((row) => row.length !== d))
      throw new SpecError(`model.A[${i}]`, Ai, messages.flowsMatrixShape(d));
    for (let r = 0; r < d; r++)
      for (let c = 0; c < r; c++)
        if (Math.abs(Ai[r][c] - Ai[c][r]) > 1e-12 * Math.max(1, Math.abs(Ai[r][c])))
          throw new SpecError(`model.A[${i}]`, Ai, messages.flowsSymmetric);
  });
  if (model.b.length !== M) throw new SpecError("model.b", model.b, messages.flowsVectors(M, d));
  model.b.forEach((bi, i) => {
    if (bi.length !== d) throw new SpecError(`model.b[${i}]`, bi, messages.flowsVectors(M, d));
  });
}
