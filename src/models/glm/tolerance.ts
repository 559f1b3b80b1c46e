import type { GapModel } from "../../experiment/agreement.js";
import type { Series } from "../../experiment/record.js";
import { gaussianSigmas } from "../../experiment/tolerance.js";
import type { GlmSpec } from "./spec.js";

/**
 * Constant `C` of the finite-d bias bound `C (1 + |x|)/d` of the simulation mean. The statistics are
 * traces of smooth functions of Wishart matrices (data and batch), whose expectations differ from the
 * proportional limit by O(1/d) (Bai–Silverstein), so `c = d (E x_d − x) / (1 + |x|)` tends to a constant.
 * Measured (README, "Finite-d bias"; re-measured by test/models/glm/finite-d-bias.test.ts): over every
 * statistic and step of the three examples, `|c| + 4 se` is at most 0.39 (square, against the exact
 * recursion, d = 25, 50, 100, 6400 runs: c stable in d, so the O(1/d²) remainder is small there) and 0.52
 * (logistic and anisotropic against the DMFT at S = 4·10^5, d = 50). C = 0.6 covers both.
 */
export const finiteSizeConstant = 0.6;

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
        (finiteSizeConstant * (1 + Math.abs(x))) / d + (se ? gaussianSigmas * Math.max(se[j], floor) : 0),
    );
  }
  return { bias };
}
