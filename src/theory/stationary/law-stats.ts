import { ksStatistic } from "../../core/stats.js";
import { fromCoordinate, logJacobian, toCoordinate } from "./grid.js";
import { intervalMass, type StationaryLaw } from "./stationary-law.js";

/** Index i of the last node with u[i] <= v (0..n-2), by bisection. */
function bracket(u: Float64Array, v: number): number {
  let lo = 0;
  let hi = u.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (u[mid] <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

function toU(law: StationaryLaw, x: number): number {
  return toCoordinate(law.coordinate, x);
}

function toX(law: StationaryLaw, u: number): number {
  return fromCoordinate(law.coordinate, u);
}

/**
 * The CDF $F(x) = P(X \le x)$, exact under the law's log-linear interpolation and analytic tails.
 *
 * @example lawCdf(law, 1) // P(v <= 1)
 */
export function lawCdf(law: StationaryLaw, x: number): number {
  const { u, logF, cdf } = law;
  const n = u.length;
  const v = toU(law, x);
  if (v === Number.NEGATIVE_INFINITY) return 0;
  if (v <= u[0]) return law.lowerTail * Math.exp(law.lowerSlope * (v - u[0]));
  if (v >= u[n - 1]) return 1 - law.upperTail * Math.exp(law.upperSlope * (v - u[n - 1]));
  const i = bracket(u, v);
  const h = u[i + 1] - u[i];
  const s = (logF[i + 1] - logF[i]) / h;
  const dv = v - u[i];
  const part =
    Math.abs(s * dv) < 1e-10 ? Math.exp(logF[i]) * dv : (Math.exp(logF[i]) * Math.expm1(s * dv)) / s;
  const linear = intervalMass(logF[i], logF[i + 1], h);
  const frac = linear > 0 && Number.isFinite(part) ? Math.min(1, part / linear) : 0;
  return Math.min(1, cdf[i] + frac * (cdf[i + 1] - cdf[i]));
}

/**
 * The quantile $F^{-1}(q)$, inverting {@link lawCdf} in closed form on each interval and in the tails.
 * On a log grid, a quantile deep in the power-law tail towards 0 may underflow to 0 (use {@link lawLogQuantile}).
 *
 * @example lawQuantile(law, 0.5) // the median
 */
export function lawQuantile(law: StationaryLaw, q: number): number {
  return toX(law, lawLogQuantile(law, q));
}

/** The quantile in the grid coordinate u (ln x on a log grid): no underflow near 0. */
export function lawLogQuantile(law: StationaryLaw, q: number): number {
  const { u, logF, cdf } = law;
  const n = u.length;
  if (q <= cdf[0]) return u[0] + Math.log(q / cdf[0]) / law.lowerSlope;
  if (q >= cdf[n - 1]) return u[n - 1] + Math.log((1 - q) / (1 - cdf[n - 1])) / law.upperSlope;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] <= q) lo = mid;
    else hi = mid;
  }
  const h = u[lo + 1] - u[lo];
  const s = (logF[lo + 1] - logF[lo]) / h;
  const linear = intervalMass(logF[lo], logF[lo + 1], h);
  const r = ((q - cdf[lo]) / (cdf[lo + 1] - cdf[lo])) * (linear / Math.exp(logF[lo]));
  const du = Math.abs(s * r) < 1e-10 ? r : Math.log1p(s * r) / s;
  return Math.min(u[lo + 1], u[lo] + (Number.isFinite(du) ? du : 0));
}

/**
 * $E[X^k]$ (k = 1, 2): interval masses times the interval's mean power, plus the analytic tails (on a
 * sinh grid, where |x| grows like e^{|u|}, as power laws); Infinity when a tail is too heavy for the moment.
 *
 * @example lawMoment(law, 1) // the mean
 */
export function lawMoment(law: StationaryLaw, k: 1 | 2): number {
  const { x, cdf } = law;
  const n = x.length;
  let m = 0;
  for (let i = 1; i < n; i++) m += (cdf[i] - cdf[i - 1]) * intervalPower(law, i - 1, k);
  if (law.coordinate.kind !== "linear") {
    if (law.upperTail > 0 && law.upperSlope + k >= 0) return Number.POSITIVE_INFINITY;
    if (law.coordinate.kind === "sinh" && law.lowerTail > 0 && law.lowerSlope - k <= 0)
      return Number.POSITIVE_INFINITY;
    m +=
      law.coordinate.kind === "log"
        ? (law.lowerTail * law.lowerSlope * x[0] ** k) / (law.lowerSlope + k)
        : (law.lowerTail * law.lowerSlope * x[0] ** k) / (law.lowerSlope - k);
    m += (law.upperTail * -law.upperSlope * x[n - 1] ** k) / -(law.upperSlope + k);
  } else {
    m += law.lowerTail * tailPower(x[0], -1 / law.lowerSlope, k);
    m += law.upperTail * tailPower(x[n - 1], -1 / law.upperSlope, k);
  }
  return m;
}

/**
 * Mean of x^k over interval [i, i+1] under the interpolated density: exact for a log grid (x^k f is
 * log-linear in u too), the mid-point power on a linear grid.
 */
function intervalPower(law: StationaryLaw, i: number, k: 1 | 2): number {
  const { x, u, logF } = law;
  if (law.coordinate.kind !== "log") return (0.5 * (x[i] + x[i + 1])) ** k;
  const h = u[i + 1] - u[i];
  const ratio =
    intervalMass(logF[i] + k * u[i], logF[i + 1] + k * u[i + 1], h) / intervalMass(logF[i], logF[i + 1], h);
  return Number.isFinite(ratio) ? ratio : (0.5 * (x[i] + x[i + 1])) ** k;
}

/** E[X^k] of an exponential tail starting at `end` with signed mean excess `scale` (k = 1, 2). */
function tailPower(end: number, scale: number, k: 1 | 2): number {
  if (!Number.isFinite(scale)) return 0;
  return k === 1 ? end + scale : (end + scale) ** 2 + scale * scale;
}

/** Mean and standard deviation. @example lawMeanSd(law).sd */
export function lawMeanSd(law: StationaryLaw): { mean: number; sd: number } {
  const mean = lawMoment(law, 1);
  const m2 = lawMoment(law, 2);
  return { mean, sd: Math.sqrt(Math.max(0, m2 - mean * mean)) };
}

/**
 * The mode of the density p(x) (not of f(u)): the largest node value of ln p, refined by a parabola
 * through its neighbours; the first node when p grows without bound towards the lower end.
 *
 * @example lawMode(law)
 */
export function lawMode(law: StationaryLaw): number {
  const { x, u, logF } = law;
  const lp = (i: number) => logF[i] - logJacobian(law.coordinate, u[i]);
  let best = 0;
  for (let i = 1; i < x.length; i++) if (lp(i) > lp(best)) best = i;
  if (best === 0 || best === x.length - 1) return x[best];
  const [a, b, c] = [lp(best - 1), lp(best), lp(best + 1)];
  const denom = a - 2 * b + c;
  const shift = denom < 0 ? (0.5 * (a - c)) / denom : 0;
  return toX(law, u[best] + shift * (u[best + 1] - u[best]));
}

/**
 * Average theory density on each bin `[edges[j], edges[j+1]]`: bin mass over bin width (to set next to a
 * normalised histogram on the same edges).
 *
 * @example lawBinDensity(law, [0, 0.5, 1, 1.5])
 */
export function lawBinDensity(law: StationaryLaw, edges: readonly number[]): number[] {
  const out: number[] = [];
  for (let j = 0; j + 1 < edges.length; j++)
    out.push((lawCdf(law, edges[j + 1]) - lawCdf(law, edges[j])) / (edges[j + 1] - edges[j]));
  return out;
}

/**
 * One-sample Kolmogorov–Smirnov distance between a sample and the law.
 *
 * @example lawKs(law, samples) // ~ 0.87 / sqrt(n) when the samples are independent draws from the law
 */
export function lawKs(law: StationaryLaw, sample: ArrayLike<number>): number {
  return ksStatistic(sample, (x) => lawCdf(law, x));
}
