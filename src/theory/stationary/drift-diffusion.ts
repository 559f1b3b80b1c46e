import { gaussLegendre } from "./gauss-legendre.js";
import { coordinateOf, fromCoordinate, gridNodes, type LawGrid, logJacobian } from "./grid.js";
import { lawFromNodes, type StationaryLaw } from "./stationary-law.js";

/**
 * The stationary law of the 1-D Itô diffusion $dX = a(X)\,dt + b(X)\,dW$ with zero probability flux.
 *
 * $p(x) \propto b(x)^{-2} \exp\bigl(\int_{x_0}^{x} 2a(s)/b(s)^2\,ds\bigr)$, the integral taken node to node
 * by 8-point Gauss–Legendre in the grid coordinate (in ln s on a log grid, where power-law singularities at
 * 0 become smooth), so the log density is accurate to ~1e-12 for smooth coefficients.
 *
 * Args: `drift` a(x); `diffusion2` $b(x)^2 > 0$ on the grid; `grid` see {@link LawGrid}.
 *
 * @example
 * // Ornstein–Uhlenbeck dX = -X dt + sqrt(2) dW: the standard normal law
 * lawFromDriftDiffusion((x) => -x, () => 2, { from: -12, to: 12, points: 801, spacing: "linear" })
 *
 * Reference: Risken, The Fokker–Planck Equation (1989), eq. (5.12); science/03 §1.
 */
export function lawFromDriftDiffusion(
  drift: (x: number) => number,
  diffusion2: (x: number) => number,
  grid: LawGrid,
): StationaryLaw {
  const { u, x } = gridNodes(grid);
  const c = coordinateOf(grid);
  const integrand = (v: number) => {
    const s = fromCoordinate(c, v);
    return ((2 * drift(s)) / diffusion2(s)) * Math.exp(logJacobian(c, v));
  };
  const logF = cumulativeFromMiddle(u, integrand);
  for (let i = 0; i < x.length; i++) logF[i] += logJacobian(c, u[i]) - Math.log(diffusion2(x[i]));
  return lawFromNodes(u, x, logF, c);
}

/**
 * $\int_{u_r}^{u_i} f$ at every node, from the reference node r (the middle one, or `reference` if given)
 * outwards, so that huge exponents at one end (e.g. $e^{-c/v}$ near 0) never cancel against the bulk.
 *
 * @example cumulativeFromMiddle(u, (w) => Math.exp(w))
 */
export function cumulativeFromMiddle(
  u: Float64Array,
  f: (u: number) => number,
  reference = u.length >> 1,
): Float64Array {
  const out = new Float64Array(u.length);
  for (let i = reference + 1; i < u.length; i++) out[i] = out[i - 1] + gaussLegendre(f, u[i - 1], u[i]);
  for (let i = reference - 1; i >= 0; i--) out[i] = out[i + 1] - gaussLegendre(f, u[i], u[i + 1]);
  return out;
}
