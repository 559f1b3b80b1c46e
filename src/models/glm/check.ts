import { SpecError } from "../../core/errors.js";
import { messages } from "../../core/messages.js";
import { dmftMemoryBytes, maxDmftBytes } from "../../theory/dmft/problem.js";
import { type GlmSpec, glmSamples, maxGlmEntries } from "./spec.js";

/**
 * Cross-field rules of a glm spec: exact oracles only for square loss with a linear teacher (and no
 * momentum with b < 1), classification losses need the sign teacher, the DMFT must fit in memory and have
 * more samples than moment-matched columns, the data matrix must fit, the spectrum is isotropic.
 */
export function checkGlmSpec(spec: GlmSpec): void {
  const { model, optimizer } = spec;
  if (model.loss !== "square" && model.teacher !== "sign")
    throw new SpecError("model.teacher", model.teacher, messages.glmClassificationTeacher(model.loss));
  const isotropic = model.spectrum.length === 1 && model.spectrum[0].s === 1 && model.spectrum[0].p === 1;
  if (Math.abs(model.spectrum.reduce((a, l) => a + l.p, 0) - 1) > 1e-9)
    throw new SpecError("model.spectrum", model.spectrum, messages.glmSpectrumFractions);
  if (optimizer.name === "gd" && optimizer.batchFraction !== 1)
    throw new SpecError("optimizer.batchFraction", optimizer.batchFraction, messages.glmGdBatch);
  if (spec.theory.includes("exact")) {
    if (model.loss !== "square" || model.teacher !== "linear" || !isotropic)
      throw new SpecError("theory", spec.theory, messages.glmExactSquare);
    if (optimizer.momentum !== 0 && optimizer.batchFraction !== 1)
      throw new SpecError("optimizer.momentum", optimizer.momentum, messages.glmExactMomentum);
  }
  if (spec.theory.includes("dmft")) {
    const { samples } = spec.dmft;
    const K = model.spectrum.length;
    const columns = 1 + K * (spec.steps + 2);
    if (samples <= columns)
      throw new SpecError("dmft.samples", samples, messages.glmSamplesSteps(columns + 1));
    if (spec.dmft.response === "stein" && K > 1)
      throw new SpecError("dmft.response", "stein", messages.glmSteinLevels);
    const bytes = dmftMemoryBytes(samples, spec.steps, spec.dmft.response, K);
    if (bytes > maxDmftBytes)
      throw new SpecError(
        "steps",
        spec.steps,
        messages.glmDmftMemory(bytes, maxDmftBytes, samples, spec.dmft.response),
      );
  }
  if (spec.simulation && glmSamples(spec) * spec.simulation.d > maxGlmEntries)
    throw new SpecError("simulation.d", spec.simulation.d, messages.glmDataTooLarge(maxGlmEntries));
}
