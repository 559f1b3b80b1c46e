import type { PhasePoint } from "./phase.js";

/**
 * The invariant-measure mean of `s = z^2` where it has a closed form (science/04 §3): 1 when the orbit
 * converges (s -> 1), `(1 + r)/(2r)` on the 2-cycle (the mean of `s_{1,2} = (R ± sqrt(R^2 - 4))/(2r)`,
 * R = 1 + r), and 1 at r = 2 (arcsine law of s on [0, 2]); `undefined` elsewhere.
 *
 * @example ergodicMeanTheory(1.1, { phase: "periodic", period: 2, lyapunov: -0.2 }) // 0.954545...
 */
export function ergodicMeanTheory(r: number, point: PhasePoint): number | undefined {
  if (point.phase === "monotonic" || point.phase === "catapult") return 1;
  if (point.phase === "periodic" && point.period === 2) return (1 + r) / (2 * r);
  if (r === 2 && point.phase === "chaotic") return 1;
  return undefined;
}

/**
 * The invariant density of `s = z^2` on the bins `edges` where it has a closed form: at r = 2,
 * `z = sqrt2 cos(theta)` with theta uniform (the map is `theta -> 3 theta + pi`), so `s = 2 cos^2 theta`
 * follows the arcsine law `1 / (pi sqrt(s (2 - s)))` on [0, 2]. Returned as bin averages (exact integrals of
 * the density over each bin, divided by the width: `(2/pi) asin(sqrt(s/2))` is the CDF).
 *
 * @example sDensityTheory(2, [0, 1, 2]) // [0.5, 0.5]
 */
export function sDensityTheory(r: number, edges: readonly number[]): number[] | undefined {
  if (r !== 2) return undefined;
  const cdf = (s: number) => (2 / Math.PI) * Math.asin(Math.sqrt(Math.min(Math.max(s, 0), 2) / 2));
  return edges.slice(1).map((e, i) => (cdf(e) - cdf(edges[i])) / (e - edges[i]));
}
