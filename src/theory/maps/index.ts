export { type BirkhoffAverage, birkhoffAverage, invariantDensity } from "./birkhoff.js";
export {
  type Attractor,
  type AttractorKind,
  type ClassifyOptions,
  classifyAttractor,
  smallestPeriod,
} from "./classify.js";
export { type CycleBoundary, composeMap, cycleBoundary } from "./cycle.js";
export { escapeBoundary } from "./escape-boundary.js";
export { advance, iterateMap, type Orbit } from "./iterate.js";
export { finiteTimeLyapunov, lyapunov1d } from "./lyapunov.js";
export { lyapunovSpectrum, type SpectrumOptions } from "./lyapunov-spectrum.js";
export { type OrbitDiagram, orbitDiagram, parameterGrid } from "./orbit-diagram.js";
export { type PhaseDiagram, phaseDiagram } from "./phase-diagram.js";
export { bisectPredicate, brentRoot, type Root } from "./root.js";
export { type CriticalPoint, type Feigenbaum, feigenbaum, superstableParameter } from "./superstable.js";
export type { IterateOptions, Map1D, MapND } from "./types.js";
