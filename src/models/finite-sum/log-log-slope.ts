/**
 * Least-squares slope of $\log y$ against $\log x$ (the order p of $y \approx C x^p$), or null when some
 * value is not positive and finite (a zero error has no logarithm).
 *
 * @example logLogSlope([0.1, 0.05], [0.01, 0.0025]) // 2
 */
export function logLogSlope(x: readonly number[], y: readonly number[]): number | null {
  if (x.length < 2 || [...x, ...y].some((v) => !(v > 0 && Number.isFinite(v)))) return null;
  const lx = x.map(Math.log);
  const ly = y.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < lx.length; i++) {
    sxy += (lx[i] - mx) * (ly[i] - my);
    sxx += (lx[i] - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : null;
}
