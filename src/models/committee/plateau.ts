/** Largest ratio max/min of eg inside a plateau window (a 10% spread). */
export const plateauSpread = 1.1;

/** A detected plateau of a learning curve, in the curve's time unit. */
export interface Plateau {
  /** Mean eg over the window. */
  value: number;
  start: number;
  end: number;
  /** First time after the window at which eg is at most half the plateau value. */
  specialisation: number;
}

/**
 * The plateau of a learning curve eg(t), by a documented rule (docs/models/committee.md):
 * the longest window of record points `[j, l]` (at least 3 points) in which
 * `max eg <= 1.1 · min eg`, and after which eg falls to at most half the window's mean before the end
 * of the curve. The specialisation time is the first such point. No window: no plateau (undefined), e.g.
 * p = 1 or k = 1, a start already specialised, or a horizon that ends on the plateau.
 *
 * O(n) with two monotone deques (window min and max) and a suffix minimum.
 *
 * @example detectPlateau([0, 1, 2, 3, 4, 5], [1, 0.5, 0.5, 0.49, 0.2, 0.1]) // { value: 0.4967, start: 1, end: 3, specialisation: 4 }
 */
export function detectPlateau(t: readonly number[], eg: readonly number[]): Plateau | undefined {
  const n = Math.min(t.length, eg.length);
  const suffixMin = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  for (let j = n - 1; j >= 0; j--) suffixMin[j] = Math.min(eg[j], suffixMin[j + 1]);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + eg[i];
  const windowMean = (a: number, b: number) => (prefix[b + 1] - prefix[a]) / (b - a + 1);
  const lo: number[] = [];
  const hi: number[] = [];
  let j = 0;
  let best: { j: number; l: number } | undefined;
  for (let l = 0; l < n; l++) {
    while (lo.length && eg[lo[lo.length - 1]] >= eg[l]) lo.pop();
    lo.push(l);
    while (hi.length && eg[hi[hi.length - 1]] <= eg[l]) hi.pop();
    hi.push(l);
    while (eg[hi[0]] > plateauSpread * eg[lo[0]]) {
      j++;
      if (lo[0] < j) lo.shift();
      if (hi[0] < j) hi.shift();
    }
    if (l - j < 2) continue;
    const mean = windowMean(j, l);
    const longer = !best || t[l] - t[j] > t[best.l] - t[best.j];
    if (longer && suffixMin[l + 1] <= 0.5 * mean) best = { j, l };
  }
  if (!best) return undefined;
  const value = windowMean(best.j, best.l);
  let s = best.l + 1;
  while (eg[s] > 0.5 * value) s++;
  return { value, start: t[best.j], end: t[best.l], specialisation: t[s] };
}
