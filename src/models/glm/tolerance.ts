import type { GapModel } from "../../experiment/agreement.js";
import type { Series } from "../../experiment/record.js";
import { gaussianSigmas } from "../../experiment/tolerance.js";
import type { GlmSpec } from "./spec.js";

/**
 * Constant of the finite-d bias bound `finiteSizeSafety (1 + |x|)/d` of the simulation mean: the
 * statistics are traces of smooth functions of a Wishart matrix, whose expectation differs from the
 * proportional limit by O(1/d) (Bai–Silverstein); the constant covers the coefficient measured at
 * d = 100 and 1000 in test/models/glm/ (at most ~1 in units of 1 + |x|).
 */
export const finiteSizeSafety = 4;

/**
 * Gap model of the simulation mean against a theory of the glm experiment: the finite-d bias bound
 * above and, for the DMFT, its own Monte Carlo error: `gaussianSigmas` (4, the shared confidence of
 * `src/experiment/tolerance.ts`) × its seed-spread standard error, with a floor `1/sqrt(S × seeds)` (the
 * order of the Monte Carlo error, which a spread from two seeds may underestimate).
 *
 * @example agreementOf(sim, dmft, glmGapModel(spec, dmft))
 */
export function glmGapModel(spec: GlmSpec, theory: Series): GapModel {
  const d = spec.simulation?.d ?? 1;
  const floor = 1 / Math.sqrt(spec.dmft.samples * spec.dmft.seeds);
  const bias: Record<string, number[]> = {};
  for (const [name, values] of Object.entries(theory.values)) {
    const se = theory.stderr?.[name];
    bias[name] = values.map(
      (x, j) =>
        (finiteSizeSafety * (1 + Math.abs(x))) / d + (se ? gaussianSigmas * Math.max(se[j], floor) : 0),
    );
  }
  return { bias };
}
