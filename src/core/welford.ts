/**
 * Running mean and variance of a stream of numbers in one pass, numerically stable (Welford).
 *
 * After $n$ values: $\bar x_n = \bar x_{n-1} + (x_n - \bar x_{n-1})/n$ and
 * $M_{2,n} = M_{2,n-1} + (x_n - \bar x_{n-1})(x_n - \bar x_n)$; the unbiased variance is $M_2/(n-1)$
 * and the standard error of the mean $\sqrt{s^2/n}$. Two accumulators merge exactly (Chan et al.):
 * with $\delta = \bar x_B - \bar x_A$, $\bar x = \bar x_A + \delta\, n_B/n$ and
 * $M_2 = M_{2,A} + M_{2,B} + \delta^2 n_A n_B / n$.
 *
 * `variance` and `stderr` are `NaN` with fewer than two values (undefined, not zero).
 *
 * @example
 * const w = new Welford();
 * for (const x of [1, 2, 4]) w.push(x);
 * w.mean; // 2.333...
 * w.variance; // 2.333...
 *
 * Reference: B. P. Welford, Technometrics 4(3):419–420, 1962; T. F. Chan, G. H. Golub and R. J. LeVeque,
 * "Updating formulae and a pairwise algorithm for computing sample variances", 1979 (eq. 2.1b).
 */
export class Welford {
  /** Number of values pushed. */
  count = 0;
  /** Running mean (0 when empty). */
  mean = 0;
  /** Sum of squared deviations from the mean, $M_2$. */
  m2 = 0;

  /** Add one value. */
  push(x: number): void {
    this.count++;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
  }

  /** Absorb another accumulator: afterwards `this` summarises both streams. */
  merge(other: Welford): void {
    if (other.count === 0) return;
    const n = this.count + other.count;
    const delta = other.mean - this.mean;
    this.m2 += other.m2 + ((delta * delta * this.count) / n) * other.count;
    this.mean += (delta * other.count) / n;
    this.count = n;
  }

  /** Unbiased sample variance $M_2/(n-1)$; `NaN` when $n < 2$. */
  get variance(): number {
    return this.count < 2 ? Number.NaN : this.m2 / (this.count - 1);
  }

  /** Standard error of the mean $\sqrt{s^2/n}$; `NaN` when $n < 2$. */
  get stderr(): number {
    return Math.sqrt(this.variance / this.count);
  }
}

/**
 * Welford accumulators for a fixed-length vector of statistics, updated elementwise in one pass.
 *
 * The same recursions as {@link Welford}, on `Float64Array`s: one `push` per run (e.g. a trajectory of
 * a statistic on a shared time grid across seeds), then the mean and standard error per entry.
 *
 * - `length`: number of entries of each pushed vector.
 *
 * @example
 * const acc = new WelfordVector(3);
 * acc.push([1, 2, 3]);
 * acc.push([3, 2, 1]);
 * acc.mean; // Float64Array [2, 2, 2]
 * acc.stderr(); // Float64Array [1, 0, 1]
 *
 * Reference: as {@link Welford}.
 */
export class WelfordVector {
  /** Number of vectors pushed. */
  count = 0;
  /** Running mean per entry. */
  readonly mean: Float64Array;
  /** Sum of squared deviations per entry. */
  readonly m2: Float64Array;

  constructor(readonly length: number) {
    this.mean = new Float64Array(length);
    this.m2 = new Float64Array(length);
  }

  /** Add one vector of `length` values. */
  push(values: ArrayLike<number>): void {
    const n = ++this.count;
    const mean = this.mean;
    const m2 = this.m2;
    for (let k = 0; k < this.length; k++) {
      const x = values[k];
      const delta = x - mean[k];
      mean[k] += delta / n;
      m2[k] += delta * (x - mean[k]);
    }
  }

  /** Absorb another accumulator of the same length. */
  merge(other: WelfordVector): void {
    if (other.length !== this.length) {
      throw new RangeError(`WelfordVector.merge: length ${other.length} differs from ${this.length}`);
    }
    if (other.count === 0) return;
    const na = this.count;
    const nb = other.count;
    const n = na + nb;
    for (let k = 0; k < this.length; k++) {
      const delta = other.mean[k] - this.mean[k];
      this.m2[k] += other.m2[k] + ((delta * delta * na) / n) * nb;
      this.mean[k] += (delta * nb) / n;
    }
    this.count = n;
  }

  /** Unbiased variance per entry, written into `out` (allocated when omitted); `NaN` when $n < 2$. */
  variance(out: Float64Array = new Float64Array(this.length)): Float64Array {
    const d = this.count - 1;
    for (let k = 0; k < this.length; k++) out[k] = d > 0 ? this.m2[k] / d : Number.NaN;
    return out;
  }

  /** Standard error of the mean per entry, $\sqrt{s^2_k/n}$, written into `out`; `NaN` when $n < 2$. */
  stderr(out: Float64Array = new Float64Array(this.length)): Float64Array {
    this.variance(out);
    for (let k = 0; k < this.length; k++) out[k] = Math.sqrt(out[k] / this.count);
    return out;
  }
}
