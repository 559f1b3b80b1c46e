import type { Rng } from "../../core/rng.js";
import type { ReducedSimulator } from "../../simulate/model.js";
import type { SpikedTensorParams } from "./model.js";
import { spikedStatisticNames, writeSpikedStatistics } from "./model.js";
import { stepCoefficients } from "./step.js";

/**
 * Exact O(1)-per-step simulator of `(m, rPerp2)` for online SGD on spiked tensor PCA, at any N.
 *
 * The step `x' = A x + B v + C z` (see {@link stepCoefficients}) only sees `z` through
 * `a = z·v`, `b = z·x_perp / |x_perp|` and the squared norm of the rest of z, `chi2(N - 2)`, which are
 * independent. Hence, exactly in law,
 *
 * $$ m' = A m + B + C a, \qquad r_\perp^{2\,\prime} = (A\,r_\perp + C b)^2 + C^2 \chi^2_{N-2}. $$
 *
 * Draw order per step: a, b, chi2, zeta. Writing `rPerp2'` as a square plus a positive term keeps it
 * non-negative with no cancellation.
 *
 * @param params k, N, snr
 * @param lr step size delta = cDelta / N
 * @param m0 initial overlap
 * @param rPerp20 initial squared orthogonal norm
 * @example const sim = new SpikedDimensionFree({ k: 2, N: 1e9, snr: 1.2 }, 0.5e-9, 0.3, 1); sim.advance(rng, 0)
 * Reference: science/01 §2 ("Dimension-free exact sampler").
 */
export class SpikedDimensionFree implements ReducedSimulator {
  readonly statisticNames = spikedStatisticNames;
  private readonly coef = new Float64Array(3);
  private saved: [number, number] = [0, 0];

  constructor(
    private readonly params: SpikedTensorParams,
    private readonly lr: number,
    private m: number,
    private rPerp2: number,
  ) {}

  advance(rng: Rng): void {
    const { k, N, snr } = this.params;
    const a = rng.normal();
    const b = rng.normal();
    const chi2 = N > 2 ? rng.chiSquare(N - 2) : 0;
    const m = this.m;
    stepCoefficients(k, snr, this.lr, m, m * m + this.rPerp2, rng.normal(), this.coef);
    const A = this.coef[0];
    const C = this.coef[2];
    this.m = A * m + this.coef[1] + C * a;
    const perp = A * Math.sqrt(this.rPerp2) + C * b;
    this.rPerp2 = perp * perp + C * C * chi2;
  }

  read(out: Float64Array): void {
    writeSpikedStatistics(this.m, this.rPerp2, this.params.N, out);
  }

  size(): number {
    return this.m * this.m + this.rPerp2;
  }

  save(): void {
    this.saved = [this.m, this.rPerp2];
  }

  restore(): void {
    [this.m, this.rPerp2] = this.saved;
  }
}
