export { cumulativeFromMiddle, lawFromDriftDiffusion } from "./drift-diffusion.js";
export { gaussLegendre } from "./gauss-legendre.js";
export {
  type Coordinate,
  coordinateOf,
  fromCoordinate,
  gridNodes,
  type LawGrid,
  logJacobian,
  toCoordinate,
} from "./grid.js";
export {
  lawBinDensity,
  lawCdf,
  lawKs,
  lawLogQuantile,
  lawMeanSd,
  lawMode,
  lawMoment,
  lawQuantile,
} from "./law-stats.js";
export { intervalMass, lawFromLogDensity, lawFromNodes, type StationaryLaw } from "./stationary-law.js";
export { tanhSinh } from "./tanh-sinh.js";
