import type { Rng } from "../../core/rng.js";

/** The increments of a Brownian path on a uniform grid of `steps` steps of length `h` (step-major). */
export interface PathLevel {
  h: number;
  steps: number;
  /** `dW[s * m + k]`: increment of $W^k$ over step s. */
  dW: Float64Array;
  /** `i10[s * m + k]`: $\int_{t_s}^{t_{s+1}} (W^k_u - W^k_{t_s})\,du$. */
  i10: Float64Array;
}

/**
 * One m-dimensional Brownian path on $[0, T]$, sampled on $2^L$ steps and readable at every coarser
 * level $2^l$, $l \le L$, so that schemes run at different step sizes share the same noise.
 *
 * On the finest grid, $\Delta W = \sqrt h\,z_1$ and $I_{(1,0)} = \tfrac{h^{3/2}}{2}(z_1 + z_2/\sqrt3)$
 * (exact joint law). Coarsening is exact: two steps of length h merge into
 * $\Delta W = \Delta W_1 + \Delta W_2$, $I_{(1,0)} = I_1 + I_2 + h\,\Delta W_1$.
 *
 * @example
 * const path = new BrownianPath(Rng.fromSeed(1), 1, 1, 10);
 * const coarse = path.level(4); // 16 steps of 1/16, the same W as path.level(10)
 *
 * Reference: Kloeden and Platen (1992), §10.4 (joint law of $\Delta W$ and $I_{(1,0)}$).
 */
export class BrownianPath {
  private readonly levels: PathLevel[] = [];

  /**
   * @param rng source of the path (consumes 2 m 2^L normals)
   * @param m number of Brownian motions
   * @param horizon T
   * @param finest L: the finest level has 2^L steps
   */
  constructor(
    rng: Rng,
    readonly m: number,
    readonly horizon: number,
    readonly finest: number,
  ) {
    const steps = 2 ** finest;
    const h = horizon / steps;
    const z = new Float64Array(2 * m * steps);
    rng.fillNormal(z);
    const dW = new Float64Array(m * steps);
    const i10 = new Float64Array(m * steps);
    const sh = Math.sqrt(h);
    for (let j = 0; j < m * steps; j++) {
      dW[j] = sh * z[2 * j];
      i10[j] = 0.5 * h * sh * (z[2 * j] + z[2 * j + 1] / Math.sqrt(3));
    }
    this.levels[finest] = { h, steps, dW, i10 };
  }

  /** The path on $2^l$ steps (computed once by exact coarsening, then cached). */
  level(l: number): PathLevel {
    if (!Number.isInteger(l) || l < 0 || l > this.finest)
      throw new RangeError(`level ${l} not in [0, ${this.finest}]`);
    let cached = this.levels[l];
    if (!cached) {
      cached = coarsen(this.level(l + 1), this.m);
      this.levels[l] = cached;
    }
    return cached;
  }

  /** $W_T$ for each of the m motions. */
  final(): Float64Array {
    return this.level(0).dW.slice();
  }
}

function coarsen(fine: PathLevel, m: number): PathLevel {
  const steps = fine.steps / 2;
  const dW = new Float64Array(m * steps);
  const i10 = new Float64Array(m * steps);
  for (let s = 0; s < steps; s++)
    for (let k = 0; k < m; k++) {
      const a = 2 * s * m + k;
      const b = a + m;
      dW[s * m + k] = fine.dW[a] + fine.dW[b];
      i10[s * m + k] = fine.i10[a] + fine.i10[b] + fine.h * fine.dW[a];
    }
  return { h: 2 * fine.h, steps, dW, i10 };
}
