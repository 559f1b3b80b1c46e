export { IncrementalQr } from "./incremental-qr.js";
export { marchenkoPastur, type SpectralRule, spectralMean } from "./marchenko-pastur.js";
export { momentMatchedNormals } from "./moment-matched.js";
export { type DmftLoss, type DmftProblem, dmftMemoryBytes, maxDmftBytes } from "./problem.js";
export { type DmftSolution, solveDmft } from "./solve-dmft.js";
export { type Level, WeightSide } from "./weight-side.js";
