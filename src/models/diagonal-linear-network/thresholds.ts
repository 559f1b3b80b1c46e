import type { DataMoments } from "./moments.js";

/**
 * Collapse temperature of depth 1: $T_c = \beta_2/\alpha_3$ (with weight decay, $\beta_2 - \gamma$). For
 * T >= Tc the law p_+ is not normalisable and SGD collapses to u = w = 0; for Tc/3 < T < Tc the density
 * diverges (integrably) at 0; for T < Tc/3, p(0) = 0.
 *
 * @example criticalTemperature(dataMoments({ x: "gaussian", slope: 1, noise: 1 })) // 1/3
 *
 * Reference: science/03 §3 "Phase transition".
 */
export function criticalTemperature(m: DataMoments, gamma = 0): number {
  return (m.beta2 - gamma) / m.alpha3;
}

/**
 * $T^*$: below it the depth-1 law has an interior mode (with p diverging at 0 between Tc/3 and T*);
 * defined when $\alpha_1\alpha_3 > \tfrac{25}{21}\alpha_2^2$ and the double root of the mode equation at T* is
 * positive ($\beta_1 < 10\alpha_2 T^*$); otherwise undefined (e.g. uniform x, k = 1, sigma = 5: the mode
 * equation has no positive root anywhere in (Tc/3, Tc), so the formula's T* marks nothing).
 *
 * $T^* = \frac{-5\alpha_2\beta_1 + 7\alpha_1\beta_2 + \sqrt7\sqrt{3\alpha_1\alpha_3\beta_1^2 -
 * 10\alpha_1\alpha_2\beta_1\beta_2 + 7\alpha_1^2\beta_2^2}}{2(21\alpha_1\alpha_3 - 25\alpha_2^2)}$.
 *
 * @example modeTemperature(dataMoments({ x: "gaussian", slope: 1, noise: 1 })) // 0.2016
 *
 * Reference: science/03 §3 (Gaussian, k = sigma = 1: T* = 0.2016).
 */
export function modeTemperature(m: DataMoments): number | undefined {
  const { alpha1: a1, alpha2: a2, alpha3: a3, beta1: b1, beta2: b2 } = m;
  const den = 2 * (21 * a1 * a3 - 25 * a2 * a2);
  const disc = 3 * a1 * a3 * b1 * b1 - 10 * a1 * a2 * b1 * b2 + 7 * a1 * a1 * b2 * b2;
  if (!(den > 0) || disc < 0) return undefined;
  const star = (-5 * a2 * b1 + 7 * a1 * b2 + Math.sqrt(7) * Math.sqrt(disc)) / den;
  // At T* the mode equation has a double root -(b1 - 10 a2 T*)/(14 a1 T*): an interior mode only if it is positive.
  return b1 - 10 * a2 * star < 0 ? star : undefined;
}

/**
 * The stationary points of the depth-1 law: positive roots of
 * $7\alpha_1 T v^2 + (\beta_1 - 10\alpha_2 T) v - (\beta_2 - 3\alpha_3 T) = 0$, increasing. One root (a
 * mode) when T < Tc/3; for Tc/3 < T two roots (a local minimum then the interior mode) or none.
 *
 * @example depth1StationaryPoints(m, 0.05) // [mode]
 *
 * Reference: science/03 §3 "Mode".
 */
export function depth1StationaryPoints(m: DataMoments, T: number, gamma = 0): number[] {
  const a = 7 * m.alpha1 * T;
  const b = m.beta1 - 10 * m.alpha2 * T;
  const c = -(m.beta2 - gamma - 3 * m.alpha3 * T);
  const disc = b * b - 4 * a * c;
  if (disc < 0) return [];
  const q = -0.5 * (b + Math.sign(b || 1) * Math.sqrt(disc));
  const roots = [q / a, c / q].filter((r) => r > 0 && Number.isFinite(r));
  return roots.sort((x, y) => x - y);
}

/** The regimes of the depth-1 law over (T, sigma) (science/03 §3; the paper's Fig. 4). */
export type Depth1Regime = "collapsed" | "vanishing-at-0" | "bimodal" | "divergent-at-0";

/**
 * Classify the depth-1 law at temperature T: `"collapsed"` (T >= Tc, only v = 0), `"vanishing-at-0"`
 * (T < Tc/3: p(0) = 0, one interior mode), `"bimodal"` (Tc/3 <= T < Tc, p diverges at 0 and an interior
 * mode exists) or `"divergent-at-0"` (Tc/3 <= T < Tc, no interior mode).
 *
 * @example depth1Regime(m, 0.15) // "bimodal" for the Gaussian k = sigma = 1 example
 */
export function depth1Regime(m: DataMoments, T: number, gamma = 0): Depth1Regime {
  const Tc = criticalTemperature(m, gamma);
  if (T >= Tc) return "collapsed";
  if (T < Tc / 3) return "vanishing-at-0";
  return depth1StationaryPoints(m, T, gamma).length === 2 ? "bimodal" : "divergent-at-0";
}

/** The interior mode of the depth-1 law, when it exists. @example depth1Mode(m, 0.05) */
export function depth1Mode(m: DataMoments, T: number, gamma = 0): number | undefined {
  const r = depth1StationaryPoints(m, T, gamma);
  return T >= criticalTemperature(m, gamma) ? undefined : r[r.length - 1];
}
