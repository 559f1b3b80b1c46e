import { classifyAttractor } from "../../theory/maps/classify.js";
import { composeMap, cycleBoundary } from "../../theory/maps/cycle.js";
import { escapeBoundary } from "../../theory/maps/escape-boundary.js";
import { brentRoot } from "../../theory/maps/root.js";
import { feigenbaum } from "../../theory/maps/superstable.js";
import { cubicCritical, cubicMap } from "./map.js";

/** The phase boundaries of the cubic map in r, located numerically, and those the finders missed. */
export interface CubicBoundaries {
  /** Scalar name (`boundary.monotonic`, ...) -> r. */
  values: Record<string, number>;
  /** Names of the boundaries whose finder did not converge (no value is reported for them). */
  failed: string[];
}

/** A stable-cycle point of the attractor at r (the Newton guess of a cycle boundary). */
const cyclePoint = (r: number) => classifyAttractor(cubicMap, r, 0.5, { keep: 128 }).points[0];

/**
 * Every phase boundary of `z -> z (1 + r (1 - z^2))`, each from a generic finder of `src/theory/maps/`
 * (nothing typed in; the closed forms are the tests' references, science/04 §2):
 *
 * | scalar | finder | closed form |
 * |---|---|---|
 * | `boundary.monotonic` | fixed point superstable (multiplier 0) | 1/2 |
 * | `boundary.periodic` | fixed point flips (multiplier -1) | 1 |
 * | `boundary.period4` | 2-cycle flips | sqrt5 - 1 |
 * | `boundary.chaos` | Feigenbaum extrapolation of superstable 2^k-cycles (k <= 11) | ≈ 1.302283 |
 * | `boundary.period3` | 3-cycle fold (multiplier +1), from the window's stable cycle | ≈ 1.450441 |
 * | `boundary.crisis` | root of `f_r^2(c_r) = 0`: the critical orbit hits the repelling fixed point 0 and the two symmetric attractors merge | 3 sqrt3/2 - 1 |
 * | `boundary.divergent` | escape of z0's orbit, by bisection | 2, or 2/(z0^2 - 1) for abs(z0) > sqrt2 |
 *
 * @example cubicBoundaries(0.001).values["boundary.period4"] // 1.2360679774997898
 */
export function cubicBoundaries(z0: number): CubicBoundaries {
  const values: Record<string, number> = {};
  const failed: string[] = [];
  const put = (name: string, value: number, ok: boolean) => {
    if (ok && Number.isFinite(value)) values[`boundary.${name}`] = value;
    else failed.push(`boundary.${name}`);
  };
  const flip = (period: number, multiplier: number, r: number, x: number) =>
    cycleBoundary(cubicMap, { period, multiplier, p: r, x });
  const mono = flip(1, 0, 0.4, 1);
  put("monotonic", mono.p, mono.converged);
  const periodic = flip(1, -1, 0.9, 1);
  put("periodic", periodic.p, periodic.converged);
  const p4 = flip(2, -1, 1.2, cyclePoint(1.2));
  put("period4", p4.p, p4.converged);
  const cascade = feigenbaum(cubicMap, cubicCritical, [0.5, 1.15], 12);
  put("chaos", cascade.accumulation, cascade.converged && cascade.error < 1e-8);
  const p3 = flip(3, 1, 1.455, cyclePoint(1.455));
  put("period3", p3.p, p3.converged);
  const crisis = brentRoot((r) => composeMap(cubicMap, r, cubicCritical(r), 2).value, 1.5, 1.7);
  put("crisis", crisis.x, crisis.converged);
  const divergent = escapeBoundary(cubicMap, z0, 0, 4);
  put("divergent", divergent.x, divergent.converged);
  return { values, failed };
}
