import { messages } from "../../core/messages.js";
import { type Coordinate, coordinateOf, gridNodes, type LawGrid, logJacobian } from "./grid.js";

/**
 * A normalised 1-D stationary law tabulated on a grid, with analytic tails beyond both ends.
 *
 * In the grid coordinate u (u = x, or u = ln x on a log grid) the law has density $f(u) = p(x)\,dx/du$;
 * between nodes $\ln f$ is interpolated linearly, which is exact for power laws on a log grid and for
 * exponentials on a linear grid, so every interval mass is exact for them:
 * $\int_{u_i}^{u_{i+1}} f = h\,(f_{i+1} - f_i)/(\ln f_{i+1} - \ln f_i)$. Beyond the ends the last slope
 * of $\ln f$ is continued (a power-law tail towards 0 on a log grid), which gives the tail masses in
 * closed form. A curvature term (see `curvatureFactor`) makes the interval masses fourth order for smooth
 * ln f; inside an interval the CDF follows the log-linear shape, rescaled to the corrected mass. A law whose $\ln f$ does not decrease outwards at an end is not normalisable there
 * (`normalisable: false`, with the reason in `message`).
 */
export interface StationaryLaw {
  coordinate: Coordinate;
  /** Nodes x and coordinate u. */
  x: Float64Array;
  u: Float64Array;
  /** Normalised ln f(u) at the nodes (f the density in the grid coordinate). */
  logF: Float64Array;
  /** CDF at the nodes, including the lower tail mass. */
  cdf: Float64Array;
  /** Masses beyond the first and last node (analytic tails). */
  lowerTail: number;
  upperTail: number;
  /** d ln f / du at the two ends (the tail exponents). */
  lowerSlope: number;
  upperSlope: number;
  normalisable: boolean;
  message?: string;
}

/**
 * The law with unnormalised log density `logDensity(x)` (ln p in x, any additive constant) on `grid`.
 *
 * Args: `logDensity` may return -Infinity where p = 0 (never NaN); `grid` see {@link LawGrid}.
 *
 * @example const gauss = lawFromLogDensity((x) => -x * x / 2, { from: -12, to: 12, points: 2001, spacing: "linear" })
 *
 * Reference: the Fokker–Planck stationary law, Risken, The Fokker–Planck Equation (1989), §5.2.
 */
export function lawFromLogDensity(logDensity: (x: number) => number, grid: LawGrid): StationaryLaw {
  const { u, x } = gridNodes(grid);
  const c = coordinateOf(grid);
  const logF = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) logF[i] = logDensity(x[i]) + logJacobian(c, u[i]);
  return lawFromNodes(u, x, logF, c);
}

/**
 * Normalise tabulated values of ln f (density in the coordinate u) into a {@link StationaryLaw}.
 *
 * @example lawFromNodes(u, x, logF, coordinateOf(grid))
 */
export function lawFromNodes(
  u: Float64Array,
  x: Float64Array,
  logFRaw: Float64Array,
  coordinate: Coordinate,
): StationaryLaw {
  const n = u.length;
  let top = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) if (logFRaw[i] > top) top = logFRaw[i];
  const logF = logFRaw.map((v) => v - top);
  const lowerSlope = (logF[1] - logF[0]) / (u[1] - u[0]);
  const upperSlope = (logF[n - 1] - logF[n - 2]) / (u[n - 1] - u[n - 2]);
  const lowerTail = tailMass(logF[0], lowerSlope);
  const upperTail = tailMass(logF[n - 1], -upperSlope);
  const cdf = new Float64Array(n);
  let acc = lowerTail;
  cdf[0] = acc;
  for (let i = 1; i < n; i++) {
    acc += intervalMass(logF[i - 1], logF[i], u[i] - u[i - 1]) * curvatureFactor(u, logF, i - 1);
    cdf[i] = acc;
  }
  const z = acc + upperTail;
  const normalisable = Number.isFinite(z) && z > 0 && top > Number.NEGATIVE_INFINITY;
  const message = normalisable
    ? undefined
    : !Number.isFinite(lowerTail)
      ? messages.stationaryNotNormalisable(lowerSlope, "lower", x[0])
      : messages.stationaryNotNormalisable(upperSlope, "upper", x[n - 1]);
  const lz = Math.log(z);
  for (let i = 0; i < n; i++) {
    logF[i] -= lz;
    cdf[i] /= z;
  }
  return {
    coordinate,
    x,
    u,
    logF,
    cdf,
    lowerTail: lowerTail / z,
    upperTail: upperTail / z,
    lowerSlope,
    upperSlope,
    normalisable,
    message,
  };
}

/** Mass of a log-linear density over one interval of length h (exact for ln f linear). */
export function intervalMass(l0: number, l1: number, h: number): number {
  if (l0 === Number.NEGATIVE_INFINITY || l1 === Number.NEGATIVE_INFINITY)
    return 0.5 * h * (Math.exp(l0) + Math.exp(l1));
  const d = l1 - l0;
  if (Math.abs(d) < 1e-8) return h * Math.exp(0.5 * (l0 + l1)) * (1 + (d * d) / 24);
  return (h * (Math.exp(l1) - Math.exp(l0))) / d;
}

/**
 * Second-order correction of the log-linear mass of interval [i, i+1]: with $\kappa$ the second
 * derivative of ln f (central differences at both ends, averaged), $\int e^{\ln f} \approx
 * m_{\mathrm{lin}}\,(1 - \kappa h^2/12)$, the Simpson-type term that makes the rule fourth order.
 */
function curvatureFactor(u: Float64Array, logF: Float64Array, i: number): number {
  const n = u.length;
  const d2 = (j: number) => {
    const a = Math.min(Math.max(j, 1), n - 2);
    const h = u[a + 1] - u[a];
    return (logF[a + 1] - 2 * logF[a] + logF[a - 1]) / (h * h);
  };
  const kappa = 0.5 * (d2(i) + d2(i + 1));
  const h = u[i + 1] - u[i];
  const factor = 1 - (kappa * h * h) / 12;
  return Number.isFinite(factor) ? Math.min(1.5, Math.max(0.5, factor)) : 1;
}

/** Mass of the tail f e^{-s |u - u_end|} beyond an end: f/s, infinite when s <= 0 and f > 0. */
function tailMass(logF: number, decay: number): number {
  if (logF === Number.NEGATIVE_INFINITY) return 0;
  return decay > 0 ? Math.exp(logF) / decay : Number.POSITIVE_INFINITY;
}
