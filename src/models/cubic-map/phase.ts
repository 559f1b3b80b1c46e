import { type ClassifyOptions, classifyAttractor } from "../../theory/maps/classify.js";
import { cubicMap } from "./map.js";

/** The five phases of large-step GD on quadratic regression (science/04 §2). */
export const cubicPhases = ["monotonic", "catapult", "periodic", "chaotic", "divergent"] as const;
export type CubicPhase = (typeof cubicPhases)[number];

/** The phase of the cubic map at one (r, z0), with the attractor's period and Lyapunov exponent. */
export interface PhasePoint {
  phase: CubicPhase;
  /** Period of the attractor (1 for convergence); 0 when not periodic (chaos, escape, period > maxPeriod). */
  period: number;
  /** Largest Lyapunov exponent (finite-time exponent before escape for a divergent orbit). */
  lyapunov: number;
}

/**
 * The phase of `z -> z (1 + r (1 - z^2))` from `z0`, from the kind of its attractor:
 *
 * - escape to infinity: `divergent`;
 * - a fixed point reached without ever crossing it: `monotonic` (r <= 1/2 from z0 in (0, 1)), reached
 *   with alternating sign: `catapult` (1/2 < r < 1, multiplier `1 - 2r < 0`);
 * - a p-cycle with p >= 2, or a non-positive Lyapunov exponent without a resolved period (a 2^k-cycle
 *   too long, or converging too slowly at a bifurcation point such as r = 1): `periodic` — periodic
 *   windows inside the chaotic interval included;
 * - a positive Lyapunov exponent: `chaotic`.
 *
 * @example cubicPhase(0.8, 0.001) // { phase: "catapult", period: 1, lyapunov: ≈ -0.51 }
 */
export function cubicPhase(r: number, z0: number, options: ClassifyOptions = {}): PhasePoint {
  const a = classifyAttractor(cubicMap, r, z0, options);
  const { period, lyapunov } = a;
  switch (a.kind) {
    case "escape":
      return { phase: "divergent", period: 0, lyapunov };
    case "fixed-point":
      return {
        phase: crossesLimit(r, z0, a.points[0], a.transient) ? "catapult" : "monotonic",
        period,
        lyapunov,
      };
    case "chaotic":
      return { phase: "chaotic", period: 0, lyapunov };
    default:
      return { phase: "periodic", period, lyapunov };
  }
}

/**
 * Whether the orbit of z0 ever lands on the other side of its limit `zStar` (beyond round-off, 1e-12
 * relative) during the first `steps` iterations: the fixed point is then approached with alternating sign.
 */
function crossesLimit(r: number, z0: number, zStar: number, steps: number): boolean {
  const eps = 1e-12 * (1 + Math.abs(zStar));
  let z = z0;
  let side = 0;
  for (let t = 0; t <= steps; t++) {
    const d = z - zStar;
    if (Math.abs(d) > eps) {
      const s = Math.sign(d);
      if (side !== 0 && s !== side) return true;
      side = s;
    }
    z = cubicMap.step(z, r);
  }
  return false;
}
