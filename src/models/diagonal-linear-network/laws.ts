import { cumulativeFromMiddle } from "../../theory/stationary/drift-diffusion.js";
import { gaussLegendre } from "../../theory/stationary/gauss-legendre.js";
import { type DataMoments, noiseG } from "./moments.js";

/** Shared arctan term of the closed forms: $\arctan((\alpha_1 v - \alpha_2)/\sqrt\Delta)/\sqrt\Delta$. */
function arctanTerm(m: DataMoments, v: number): number {
  const r = Math.sqrt(m.delta);
  return Math.atan((m.alpha1 * v - m.alpha2) / r) / r;
}

/**
 * Unnormalised ln p of the depth-0 (linear regression) stationary law, on the whole line.
 *
 * $p(v) \propto g(v)^{-1 - \beta_1'/(2T\alpha_1)} \exp[-\tfrac1T (\alpha_2\beta_1' - \alpha_1\beta_2)
 * \arctan((\alpha_1 v - \alpha_2)/\sqrt\Delta)/(\alpha_1\sqrt\Delta)]$, $\beta_1' = \beta_1 + \gamma$.
 *
 * Args: data moments `m`, temperature `T = lr/batch`, ridge `gamma`.
 *
 * @example lawFromLogDensity(depth0LogDensity(m, 0.1, 0), grid)
 *
 * Reference: science/03 §3 "D = 0"; Liu, Li, Ueda (2023), arXiv 2308.06671.
 */
export function depth0LogDensity(m: DataMoments, T: number, gamma = 0): (v: number) => number {
  const b1 = m.beta1 + gamma;
  const power = -1 - b1 / (2 * T * m.alpha1);
  const c = (m.alpha2 * b1 - m.alpha1 * m.beta2) / (T * m.alpha1);
  return (v) => power * Math.log(noiseG(m, v)) - c * arctanTerm(m, v);
}

/**
 * Unnormalised ln p_+ of the depth-1 stationary law on v > 0 (width-independent).
 *
 * $p_+(v) \propto v^{\beta_2/(2\alpha_3T) - 3/2} g(v)^{-1 - \beta_2/(4\alpha_3T)}
 * \exp[-\tfrac{1}{2T}\tfrac{\alpha_3\beta_1 - \alpha_2\beta_2}{\alpha_3}\arctan(\cdot)/\sqrt\Delta]$; with weight
 * decay gamma, beta2 -> beta2 - gamma. Normalisable iff T < Tc = beta2/alpha3.
 *
 * @example depth1LogDensity(m, 0.05)(1)
 *
 * Reference: science/03 §3 "D = 1 closed form".
 */
export function depth1LogDensity(m: DataMoments, T: number, gamma = 0): (v: number) => number {
  const b2 = m.beta2 - gamma;
  const a = b2 / (2 * m.alpha3 * T) - 1.5;
  const b = -1 - b2 / (4 * m.alpha3 * T);
  const c = (m.alpha3 * m.beta1 - m.alpha2 * b2) / (2 * T * m.alpha3);
  return (v) => a * Math.log(v) + b * Math.log(noiseG(m, v)) - c * arctanTerm(m, v);
}

/**
 * Integrand of the general-depth exponent in the variable ln s:
 * $s \cdot (\beta_1 s - \beta_2)/((D+1) s^{2D/(D+1)} g(s))$ at $s = e^w$.
 */
function depthIntegrand(m: DataMoments, D: number): (w: number) => number {
  const p = 1 - (2 * D) / (D + 1);
  return (w) => {
    const s = Math.exp(w);
    return (Math.exp(p * w) * (m.beta1 * s - m.beta2)) / ((D + 1) * noiseG(m, s));
  };
}

/**
 * Unnormalised ln p_+ of the general-depth law (integral form), d live paths of equal size, gamma = 0.
 *
 * $p_+(v) \propto v^{-3D/(D+1)} g(v)^{-1} \exp(-\tfrac{d^{1-2/(D+1)}}{T}\int_1^v
 * \frac{\beta_1 s - \beta_2}{(D+1) s^{2D/(D+1)} g(s)}ds)$, the integral by Gauss–Legendre in ln s (smooth
 * there), panels doubled until two estimates agree to 1e-14 relative. For whole grids use {@link generalDepthLogNodes} (cumulative).
 *
 * @example generalDepthLogDensity(m, 0.05, 2, 1)(0.5)
 *
 * Reference: science/03 §3 "General D".
 */
export function generalDepthLogDensity(
  m: DataMoments,
  T: number,
  D: number,
  d: number,
): (v: number) => number {
  const f = depthIntegrand(m, D);
  const scale = d ** (1 - 2 / (D + 1)) / T;
  const prefactor = (-3 * D) / (D + 1);
  return (v) => {
    const w = Math.log(v);
    let panels = 2 * Math.ceil(Math.abs(w)) + 2;
    let integral = gaussLegendre(f, 0, w, panels);
    for (let refine = 0; refine < 8; refine++) {
      panels *= 2;
      const finer = gaussLegendre(f, 0, w, panels);
      const done = Math.abs(finer - integral) <= 1e-14 * Math.max(1, Math.abs(finer));
      integral = finer;
      if (done) break;
    }
    return prefactor * w - Math.log(noiseG(m, v)) - scale * integral;
  };
}

/**
 * ln p_+ (general depth, unnormalised) at increasing nodes `x > 0`, integrating node to node outwards from
 * the node nearest v = 1 (so the e^{-c v^{-(D-1)/(D+1)}/T} collapse towards 0 never cancels the bulk).
 *
 * @example lawFromNodes(u, x, generalDepthLogNodes(m, T, 2, 1, x), coordinateOf(grid))
 */
export function generalDepthLogNodes(
  m: DataMoments,
  T: number,
  D: number,
  d: number,
  x: Float64Array,
): Float64Array {
  const f = depthIntegrand(m, D);
  const scale = d ** (1 - 2 / (D + 1)) / T;
  const prefactor = (-3 * D) / (D + 1);
  const w = x.map(Math.log);
  let reference = 0;
  for (let i = 1; i < w.length; i++) if (Math.abs(w[i]) < Math.abs(w[reference])) reference = i;
  const integral = cumulativeFromMiddle(w, f, reference);
  return w.map((wi, i) => prefactor * wi - Math.log(noiseG(m, x[i])) - scale * integral[i]);
}

/**
 * Unnormalised ln p of the infinite-depth law: width and depth enter only through (d/D)/T.
 *
 * With $k_1 = d(\alpha_3\beta_1 - 2\alpha_2\beta_2)/(T D \alpha_3^2)$: $p(v) \propto v^{-3-k_1} g^{-1+k_1/2}
 * \exp(-\tfrac{d}{DT}[\beta_2/(\alpha_3 v) + \tfrac{\alpha_2\alpha_3\beta_1 - 2\alpha_2^2\beta_2 +
 * \alpha_1\alpha_3\beta_2}{\alpha_3^2}\arctan(\cdot)/\sqrt\Delta])$.
 *
 * @example infiniteDepthLogDensity(m, 0.05, 100, 100)(1)
 *
 * Reference: science/03 §3 "Infinite depth".
 */
export function infiniteDepthLogDensity(
  m: DataMoments,
  T: number,
  D: number,
  d: number,
): (v: number) => number {
  const r = d / (D * T);
  const k1 = (r * (m.alpha3 * m.beta1 - 2 * m.alpha2 * m.beta2)) / (m.alpha3 * m.alpha3);
  const c =
    (m.alpha2 * m.alpha3 * m.beta1 - 2 * m.alpha2 * m.alpha2 * m.beta2 + m.alpha1 * m.alpha3 * m.beta2) /
    (m.alpha3 * m.alpha3);
  return (v) =>
    (-3 - k1) * Math.log(v) +
    (-1 + k1 / 2) * Math.log(noiseG(m, v)) -
    r * (m.beta2 / (m.alpha3 * v) + c * arctanTerm(m, v));
}
