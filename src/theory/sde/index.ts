export { BrownianPath, type PathLevel } from "./brownian-path.js";
export { addColumns, eulerMaruyama } from "./euler-maruyama.js";
export { expm } from "./expm.js";
export {
  type AffineNoise,
  type AffineSde,
  type CrossMoments,
  LinearSdeMoments,
} from "./linear-sde-moments.js";
export { milstein } from "./milstein.js";
export { gaussianNoise, type NoiseSource } from "./noise-source.js";
export { platenWeak2 } from "./platen-weak2.js";
export { type AffineBranch, affineMomentStep, startMoments, traceOf } from "./random-affine-moments.js";
export { schemeBranches } from "./scheme-branches.js";
export { sdeSchemes } from "./schemes.js";
export { type SdeStatistics, type SdeStepper, sdeStepper } from "./sde-stepper.js";
export { checkScheme, solveOnPath, stepNoise } from "./solve-on-path.js";
export { sra1 } from "./sra1.js";
export { sharedNoiseCopies, stackIndependent } from "./stack.js";
export type { SdeProblem, SdeScheme, StepNoise } from "./types.js";
