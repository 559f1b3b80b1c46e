import { gaussHermite } from "../../core/gauss-hermite.js";
import { tanhSinh } from "../../theory/stationary/tanh-sinh.js";
import type { DataLaw } from "./moments.js";

const SQRT3 = Math.sqrt(3);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** Standard normal mass beyond |z| = 12 is 3.6e-33: the inner integrals stop there. */
const zMax = 12;

const phi = (z: number) => INV_SQRT_2PI * Math.exp(-0.5 * z * z);

/** $E \ln|c + Z|$, Z ~ N(0, 1): tanh-sinh on both sides of the log singularity at z = -c. */
function logAbsShiftedNormal(c: number): number {
  const f = (z: number) => phi(z) * Math.log(Math.abs(z + c));
  if (Math.abs(c) >= zMax) {
    const { nodes, weights } = gaussHermite(40);
    let s = Math.log(Math.abs(c));
    for (let k = 0; k < nodes.length; k++) s += weights[k] * Math.log1p(nodes[k] / c);
    return s;
  }
  return tanhSinh(f, -zMax, -c, 1 / 20) + tanhSinh(f, -c, zMax, 1 / 20);
}

/** $E_\varepsilon \ln|a + b\varepsilon|$ for b != 0 (and ln|a| for b = 0). */
function innerLog(a: number, b: number): number {
  if (b === 0) return Math.log(Math.abs(a));
  return Math.log(Math.abs(b)) + logAbsShiftedNormal(a / b);
}

/**
 * $\Lambda(\mathrm{lr}) = E \ln|1 + 2\,\mathrm{lr}\,x y|$ for one sample (batch 1), y = k x + sigma eps:
 * the top Lyapunov exponent per step of SGD near v = 0, where the growing direction u + w of the depth-1
 * network is multiplied by $1 + 2\,\mathrm{lr}\,xy$ each step. Given x, the inner expectation over eps is
 * $\ln|b| + E\ln|a/b + Z|$ ($a = 1 + 2\mathrm{lr} k x^2$, $b = 2\mathrm{lr}\sigma x$), by tanh-sinh split
 * at the log singularity; the outer one by tanh-sinh over x >= 0 (the integrand is even in x).
 *
 * @example expectedLogFactor({ x: "uniform", slope: 1, noise: 1 }, 0.01) // ~ 2 lr beta2 - 2 lr^2 E[(xy)^2]
 *
 * Reference: science/03 §4 pitfall 3.
 */
export function expectedLogFactor(data: DataLaw, lr: number): number {
  const F = (x: number) => innerLog(1 + 2 * lr * data.slope * x * x, 2 * lr * data.noise * x);
  if (data.noise === 0 && data.slope < 0) {
    const root = 1 / Math.sqrt(-2 * lr * data.slope);
    const top = data.x === "uniform" ? SQRT3 : zMax;
    const w = data.x === "uniform" ? (_x: number) => 1 / SQRT3 : (x: number) => 2 * phi(x);
    const g = (x: number) => w(x) * F(x);
    return root < top ? tanhSinh(g, 0, root) + tanhSinh(g, root, top) : tanhSinh(g, 0, top);
  }
  if (data.x === "uniform") return tanhSinh(F, 0, SQRT3) / SQRT3;
  return tanhSinh((x) => 2 * phi(x) * F(x), 0, zMax);
}

/**
 * Growth rate of ln v per unit time near v = 0 for depth-1 SGD with batch 1: $2\Lambda(\mathrm{lr})/\mathrm{lr}$
 * (v = ((u + w)^2 - (u - w)^2)/4 is dominated by (u + w)^2). Its small-lr limit is the continuous
 * model's $4\beta_2 - 4T\alpha_3$, which vanishes at Tc.
 *
 * @example logGrowthRate(data, 0.01)
 */
export function logGrowthRate(data: DataLaw, lr: number): number {
  return (2 * expectedLogFactor(data, lr)) / lr;
}

/**
 * The window of lr where depth-1 SGD with batch 1 collapses to v = 0: $\Lambda(\mathrm{lr}) < 0$, from the
 * first root `from` (the discrete collapse point; to first order $\beta_2/(\alpha_3 + \beta_2^2)$, below
 * Tc) to the second root `to`, where the random product grows again. Found by a geometric scan (ratio
 * 1.1) from 1e-4 beta2/alpha3 to 1e2 beta2/alpha3, then bisection to 1e-10 relative. Undefined when
 * Lambda stays positive (e.g. k = sigma = 1: batch-1 SGD never collapses, science/03 §4 pitfall 3).
 *
 * @example discreteCollapseWindow({ x: "uniform", slope: 1, noise: 10 }) // { from: ~0.0094, to: ~0.07 }
 *
 * Reference: science/03 §4 pitfall 3.
 */
export function discreteCollapseWindow(data: DataLaw): { from: number; to?: number } | undefined {
  if (!(data.slope > 0)) return undefined;
  const m4 = data.x === "gaussian" ? 3 : 9 / 5;
  const tc = data.slope / (data.slope * data.slope * (m4 - 1) + data.noise * data.noise);
  let prev = 1e-4 * tc;
  let from: number | undefined;
  for (let lr = prev * 1.1; lr < 1e2 * tc; lr *= 1.1) {
    const negative = expectedLogFactor(data, lr) < 0;
    if (from === undefined && negative) from = bisectRoot(data, prev, lr);
    else if (from !== undefined && !negative) return { from, to: bisectRoot(data, prev, lr) };
    prev = lr;
  }
  return from === undefined ? undefined : { from };
}

/** Root of Lambda in [a, b] where it changes sign, by bisection to 1e-10 relative. */
function bisectRoot(data: DataLaw, a: number, b: number): number {
  const sa = Math.sign(expectedLogFactor(data, a));
  let lo = a;
  let hi = b;
  while (hi - lo > 1e-10 * hi) {
    const mid = 0.5 * (lo + hi);
    if (Math.sign(expectedLogFactor(data, mid)) === sa) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
