/** Test helper shared by the dimension-free-vs-full tests of several models. */

/** Mean, variance and their standard errors over runs for one statistic at one record point. */
export function momentsAt(values: number[]) {
  const n = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const c2 = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const c4 = values.reduce((s, x) => s + (x - mean) ** 4, 0) / n;
  // Var of the sample variance ≈ (mu4 - sigma^4) / n (large-n formula).
  return {
    mean,
    meanSe: Math.sqrt(c2 / n),
    variance: c2,
    varianceSe: Math.sqrt(Math.max(c4 - c2 * c2, 0) / n),
  };
}
