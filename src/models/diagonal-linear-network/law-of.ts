import { coordinateOf, gridNodes } from "../../theory/stationary/grid.js";
import {
  lawFromLogDensity,
  lawFromNodes,
  type StationaryLaw,
} from "../../theory/stationary/stationary-law.js";
import { depth0LogDensity, depth1LogDensity, generalDepthLogNodes } from "./laws.js";
import { type DataMoments, noiseG } from "./moments.js";

/** Which stationary law: depth D (0, 1, 2, ...), width d, temperature T = lr/batch, ridge. */
export interface LawParams {
  depth: number;
  width: number;
  T: number;
  ridge: number;
}

/** Log grid for v > 0: from 1e-300 (mass near 0 matters close to Tc) to far in the power-law tail. */
const positiveGrid = (top: number) => ({ from: 1e-300, to: top, points: 12001, spacing: "log" as const });

/**
 * The normalised stationary law of v (the model output) for the diagonal linear network, from the closed
 * forms: depth 0 on the whole line, depth 1 (closed form), depth >= 2 (integral form), the last two on
 * v > 0 (p_+, beta2 > 0; the wrong sign is never learned). `normalisable: false` above the
 * collapse point.
 *
 * @example stationaryLawOf(dataMoments(data), { depth: 1, width: 1, T: 0.01, ridge: 0 })
 *
 * Reference: science/03 §3.
 */
export function stationaryLawOf(m: DataMoments, p: LawParams): StationaryLaw {
  const center = m.beta2 / (m.beta1 + (p.depth === 0 ? p.ridge : 0));
  const scale = Math.abs(center) + Math.sqrt(m.alpha3 / m.alpha1) + 1;
  if (p.depth === 0) {
    const half = 1e12 * scale;
    const sd = Math.sqrt((p.T * noiseG(m, center)) / (m.beta1 + p.ridge));
    return lawFromLogDensity(depth0LogDensity(m, p.T, p.ridge), {
      from: center - half,
      to: center + half,
      points: 12001,
      spacing: "sinh",
      center,
      scale: Math.max(sd, 1e-6 * scale),
    });
  }
  const grid = positiveGrid(1e6 * scale);
  if (p.depth === 1) return lawFromLogDensity(depth1LogDensity(m, p.T, p.ridge), grid);
  const { u, x } = gridNodes(grid);
  const logp = generalDepthLogNodes(m, p.T, p.depth, p.width, x);
  for (let i = 0; i < x.length; i++) logp[i] += u[i];
  return lawFromNodes(u, x, logp, coordinateOf(grid));
}

/**
 * The drift and squared diffusion of v for depth 0 (an SDE in v itself):
 * $dv = -2(\beta_1' v - \beta_2)\,dt + \sqrt{4 T g(v)}\,dW$, the continuous model of SGD on $(vx - y)^2$.
 *
 * @example lawFromDriftDiffusion(...depth0Coefficients(m, 0.1, 0), grid)
 */
export function depth0Coefficients(
  m: DataMoments,
  T: number,
  gamma: number,
): [(v: number) => number, (v: number) => number] {
  return [(v) => -2 * ((m.beta1 + gamma) * v - m.beta2), (v) => 4 * T * noiseG(m, v)];
}
