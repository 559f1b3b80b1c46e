/**
 * Small statistics toolkit: the normal CDF to double precision, Kolmogorov–Smirnov tests, moments, quantiles.
 */

/** Coefficients of W. J. Cody's ANORM (TOMS 715 / SPECFUN), shortest double representations. */
const A = [
  2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745,
];
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
];
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];
const P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934, 2.9112874951168793e-5,
  0.023073441764940174,
];
const Q = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 7.297515550839662e-5,
];
const INV_SQRT_2PI = 0.3989422804014327;

/** $e^{-y^2/2} \cdot r$ with $y^2$ split at a multiple of 1/16 so the exponent loses no precision. */
function gaussTimes(y: number, r: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-0.5 * ysq * ysq) * Math.exp(-0.5 * del) * r;
}

/**
 * Standard normal CDF $\Phi(x) = \tfrac12 \operatorname{erfc}(-x/\sqrt2)$ to about 1e-16 relative error.
 *
 * Cody's rational Chebyshev approximations on $|x| \le 0.67449$, $|x| \le \sqrt{32}$ and beyond (asymptotic
 * form in $1/x^2$), as in R's `pnorm`. The lower tail is computed directly, so `normalCdf(-x)` is the upper
 * tail $1 - \Phi(x)$ with full relative accuracy (e.g. $\Phi(-37) \approx 5.7 \times 10^{-300}$).
 *
 * @example normalCdf(1.96); // 0.9750021048517795
 *
 * Reference: W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23:631–637,
 * 1969; W. J. Cody, ACM TOMS 19(1):22–32, 1993 (Algorithm 715, function ANORM).
 */
export function normalCdf(x: number): number {
  const y = Math.abs(x);
  if (Number.isNaN(x)) return Number.NaN;
  if (y <= 0.67448975) {
    let num = 0;
    let den = 0;
    const xsq = x * x;
    if (y > 1.1102230246251565e-16) {
      num = A[4] * xsq;
      den = xsq;
      for (let i = 0; i < 3; i++) {
        num = (num + A[i]) * xsq;
        den = (den + B[i]) * xsq;
      }
    }
    return 0.5 + (x * (num + A[3])) / (den + B[3]);
  }
  let lower: number;
  if (y <= Math.sqrt(32)) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    lower = gaussTimes(y, (num + C[7]) / (den + D[7]));
  } else if (y < 38.5) {
    const xsq = 1 / (x * x);
    let num = P[5] * xsq;
    let den = xsq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]) * xsq;
      den = (den + Q[i]) * xsq;
    }
    lower = gaussTimes(y, (INV_SQRT_2PI - (xsq * (num + P[4])) / (den + Q[4])) / y);
  } else {
    lower = 0;
  }
  return x > 0 ? 1 - lower : lower;
}

/**
 * One-sample Kolmogorov–Smirnov statistic $D_n = \sup_x |F_n(x) - F(x)|$ of `sample` against `cdf`.
 *
 * $D_n = \max_i \max\bigl(i/n - F(x_{(i)}),\, F(x_{(i)}) - (i-1)/n\bigr)$ over the sorted sample; the input
 * is copied and sorted, so any order is accepted.
 *
 * @example ksStatistic(rngDraws, normalCdf); // ~ 0.87 / sqrt(n) for a correct sampler
 *
 * Reference: W. H. Press et al., Numerical Recipes, 3rd ed., §14.3.3.
 */
export function ksStatistic(sample: ArrayLike<number>, cdf: (x: number) => number): number {
  const xs = sortedCopy(sample, "ksStatistic sample");
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * Two-sample Kolmogorov–Smirnov statistic $D = \sup_x |F_a(x) - F_b(x)|$ (ties handled exactly).
 *
 * For a p-value use {@link ksPValue} with the effective size $n_a n_b / (n_a + n_b)$.
 *
 * @example const d = ksTwoSample(simulated, theory);
 *
 * Reference: W. H. Press et al., Numerical Recipes, 3rd ed., §14.3.3 (kstwo).
 */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const xa = sortedCopy(a, "ksTwoSample a");
  const xb = sortedCopy(b, "ksTwoSample b");
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < xa.length && j < xb.length) {
    const x = Math.min(xa[i], xb[j]);
    while (i < xa.length && xa[i] <= x) i++;
    while (j < xb.length && xb[j] <= x) j++;
    d = Math.max(d, Math.abs(i / xa.length - j / xb.length));
  }
  return d;
}

/**
 * Kolmogorov distribution $P(K \le \lambda)$, the limit law of $\sqrt n D_n$.
 *
 * $P(K \le \lambda) = \frac{\sqrt{2\pi}}{\lambda} \sum_{k \ge 1} e^{-(2k-1)^2 \pi^2 / (8\lambda^2)}$ for
 * $\lambda < 1.18$, else $1 - 2 \sum_{k \ge 1} (-1)^{k-1} e^{-2k^2\lambda^2}$ (both converge in a few terms).
 *
 * @example kolmogorovCdf(1.3581); // ~ 0.95
 *
 * Reference: A. N. Kolmogorov, Giorn. Ist. Ital. Attuari 4:83–91, 1933; Numerical Recipes, 3rd ed., §6.14.12.
 */
export function kolmogorovCdf(lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 1.18) {
    const w = (Math.PI * Math.PI) / (8 * lambda * lambda);
    let s = 0;
    for (let k = 1; k <= 8; k++) s += Math.exp(-(2 * k - 1) * (2 * k - 1) * w);
    return (Math.sqrt(2 * Math.PI) / lambda) * s;
  }
  return 1 - kolmogorovSurvival(lambda);
}

/** $P(K > \lambda) = 2 \sum_{k \ge 1} (-1)^{k-1} e^{-2k^2\lambda^2}$, accurate for small probabilities. */
function kolmogorovSurvival(lambda: number): number {
  if (lambda < 1.18) return 1 - kolmogorovCdf(lambda);
  let s = 0;
  for (let k = 1; k <= 10; k++) s += (k % 2 === 1 ? 2 : -2) * Math.exp(-2 * k * k * lambda * lambda);
  return s;
}

/**
 * Asymptotic p-value $P(D_n > d)$ of a one-sample KS statistic, with Stephens' small-$n$ correction.
 *
 * $p \approx P\bigl(K > (\sqrt n + 0.12 + 0.11/\sqrt n)\, d\bigr)$, good to a few per cent of $p$ already at
 * $n \ge 5$. For two samples pass $n = n_a n_b / (n_a + n_b)$.
 *
 * @example ksPValue(ksStatistic(z, normalCdf), z.length) > 1e-4;
 *
 * Reference: M. A. Stephens, J. R. Stat. Soc. B 32(1):115–122, 1970; Numerical Recipes, 3rd ed., eq. 14.3.18.
 */
export function ksPValue(d: number, n: number): number {
  const sn = Math.sqrt(n);
  return kolmogorovSurvival((sn + 0.12 + 0.11 / sn) * d);
}

/** Arithmetic mean; `NaN` for an empty input. */
export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/** Unbiased sample variance by two passes, $\sum (x_i - \bar x)^2 / (n-1)$; `NaN` when $n < 2$. */
export function variance(xs: ArrayLike<number>): number {
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) * (xs[i] - m);
  return s / (xs.length - 1);
}

/**
 * Quantile of a sorted sample by linear interpolation between order statistics (Hyndman–Fan type 7).
 *
 * With $h = (n-1)p$: $x_{(\lfloor h \rfloor)} + (h - \lfloor h \rfloor)(x_{(\lfloor h \rfloor + 1)} - x_{(\lfloor h \rfloor)})$,
 * 0-based; numpy's and R's default.
 *
 * @example quantile([1, 2, 3, 4], 0.5); // 2.5
 *
 * Reference: R. J. Hyndman and Y. Fan, The American Statistician 50(4):361–365, 1996.
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) {
    throw new RangeError(`quantile: need a non-empty sample and 0 <= p <= 1, got n = ${n}, p = ${p}`);
  }
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

function sortedCopy(xs: ArrayLike<number>, what: string): Float64Array {
  const out = Float64Array.from(xs).sort();
  if (out.length === 0 || Number.isNaN(out[out.length - 1])) {
    throw new RangeError(`${what}: need a non-empty sample without NaN`);
  }
  return out;
}
