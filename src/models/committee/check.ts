import { SpecError } from "../../core/errors.js";
import { isPsd } from "../../core/psd-factor.js";
import { committeeConventions } from "./conventions.js";
import { committeeMessages } from "./messages.js";
import type { CommitteeSpec } from "./spec.js";
import { explicitGram } from "./start.js";

/** Largest `(p + k) d` for `simulation: "full"` (8 (p + k) d bytes of weights per run per worker). */
export const maxFullSize = 50_000_000;

/**
 * Cross-field rules of a committee spec; throws {@link SpecError} naming the field: readout lists of the
 * layer's width, d >= p + k, the size of a full simulation, what the convention supports, and explicit
 * overlaps of the right shapes, symmetric, with a positive semidefinite joint Gram matrix.
 *
 * @example checkCommitteeSpec(spec) // throws SpecError("init", ...) when [[Q, M], [Mᵀ, P]] is not PSD
 */
export function checkCommitteeSpec(spec: CommitteeSpec): void {
  const { student, teacher, d, activation } = spec.model;
  const p = student.width;
  const k = teacher.width;
  for (const [name, layer] of [
    ["student", student],
    ["teacher", teacher],
  ] as const)
    if (Array.isArray(layer.readout) && layer.readout.length !== layer.width)
      throw new SpecError(
        `model.${name}.readout`,
        layer.readout,
        committeeMessages.readoutLength(layer.width),
      );
  if (d < p + k) throw new SpecError("model.d", d, committeeMessages.dimension(p + k));
  if (spec.simulation === "full" && (p + k) * d > maxFullSize)
    throw new SpecError("model.d", d, committeeMessages.fullTooLarge(maxFullSize));
  const convention = committeeConventions[spec.convention];
  if (convention.activations && !convention.activations.includes(activation))
    throw new SpecError(
      "model.activation",
      activation,
      committeeMessages.conventionActivation(spec.convention, convention.activations),
    );
  if (spec.optimizer.trainReadout && !convention.trainsReadout)
    throw new SpecError("optimizer.trainReadout", true, committeeMessages.conventionReadout(spec.convention));
  if (!("random" in spec.init)) checkOverlaps(spec.init, p, k);
}

function checkOverlaps(init: { Q: number[][]; M: number[][]; P: number[][] }, p: number, k: number): void {
  for (const [name, rows, cols] of [
    ["Q", p, p],
    ["M", p, k],
    ["P", k, k],
  ] as const) {
    const A = init[name];
    if (A.length !== rows || A.some((row) => row.length !== cols))
      throw new SpecError(`init.${name}`, A, committeeMessages.matrixShape(rows, cols));
    if (name !== "M" && A.some((row, i) => row.some((x, j) => x !== A[j][i])))
      throw new SpecError(`init.${name}`, A, committeeMessages.symmetric(name));
  }
  if (!isPsd(p + k, explicitGram(init, p, p + k)))
    throw new SpecError("init", init, committeeMessages.gramPsd);
}
