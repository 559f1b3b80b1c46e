import { psdFactor } from "../../core/psd-factor.js";
import type { Rng } from "../../core/rng.js";
import { softplus } from "./functionals.js";
import { components, type GmmParams, type StateLayout, stateLayout } from "./geometry.js";

/**
 * Test cross-entropy and test accuracy of the network with statistics `u`, on a fixed test set of
 * `samples` fresh mixture samples drawn once (so the curves of one run are smooth in t).
 *
 * Both depend on the weights only through `u`: a test sample enters through its component, `ζ` (d normals)
 * and `η` (K normals), with `W_i·X = m_i (a_mu + ζ1/√λ) + n_i (a_nu + ζ2/√λ) + (L η)_i/√λ`, `L Lᵀ = RPerp`:
 * exact in law at every N, and the same function serves the full and the dimension-free simulators.
 * Accuracy counts `z > 0` as predicting label 1 (sigmoid(z) > 1/2).
 *
 * @param params task, K, snr, ridge
 * @param samples test-set size
 * @param rng the test set's own stream (not the SGD stream)
 * @example const t = new TestMetrics(params, 1000, rng); t.evaluate(u) // [loss, accuracy]
 */
export class TestMetrics {
  private readonly lay: StateLayout;
  private readonly comp: Int32Array;
  private readonly zeta: Float64Array;
  private readonly eta: Float64Array;
  private readonly L: Float64Array;
  private readonly work: Float64Array;

  constructor(
    private readonly params: GmmParams,
    readonly samples: number,
    rng: Rng,
  ) {
    const { K, task } = params;
    const nComp = components(task).length;
    this.lay = stateLayout(task, K);
    this.comp = new Int32Array(samples);
    this.zeta = new Float64Array(2 * samples);
    this.eta = new Float64Array(K * samples);
    for (let s = 0; s < samples; s++) this.comp[s] = Math.min(nComp - 1, Math.floor(rng.nextFloat() * nComp));
    rng.fillNormal(this.zeta);
    rng.fillNormal(this.eta);
    this.L = new Float64Array(K * K);
    this.work = new Float64Array(2 * K);
  }

  /** `[loss, accuracy]` of the statistics `u` on the test set, written into `out[0..1]`. */
  evaluate(u: Float64Array, out: Float64Array): void {
    const { K, snr, task } = this.params;
    const { lay } = this;
    const comps = components(task);
    const rank = psdFactor(K, u.subarray(lay.rPerp), this.L, this.work);
    const s = 1 / Math.sqrt(snr);
    let loss = 0;
    let correct = 0;
    for (let t = 0; t < this.samples; t++) {
      const c = comps[this.comp[t]];
      const xm = c.aMu + s * this.zeta[2 * t];
      const xn = c.aNu + s * this.zeta[2 * t + 1];
      let z = 0;
      for (let i = 0; i < K; i++) {
        let x = 0;
        for (let r = 0; r < rank; r++) x += this.L[i * K + r] * this.eta[t * K + r];
        const h = u[lay.mMu + i] * xm + (lay.mNu >= 0 ? u[lay.mNu + i] * xn : 0) + x * s;
        if (h > 0) z += u[lay.v + i] * h;
      }
      loss += softplus(z) - c.y * z;
      if (z > 0 === (c.y === 1)) correct++;
    }
    out[0] = loss / this.samples;
    out[1] = correct / this.samples;
  }
}
