import { psdFactor } from "../../core/psd-factor.js";
import type { Rng } from "../../core/rng.js";
import type { ReducedSimulator } from "../../simulate/model.js";
import {
  components,
  type GmmParams,
  meanDirections,
  packedIndex,
  type StateLayout,
  stateLayout,
  stateNames,
} from "./geometry.js";

/**
 * Exact O(K³)-per-step simulator of the statistics `u = [v, mMu, mNu, RPerp]` of online SGD on the
 * Gaussian-mixture two-layer network, at any N.
 *
 * One step only sees the sample through `X·mu = a_mu + ζ1/√λ`, `X·nu = a_nu + ζ2/√λ`,
 * `X·W_j⊥ = ξ_j/√λ` and `|X⊥|² = (|η|² + χ²_{N−d−r})/λ`, where `ξ = L η`, `L` a rank-r factor of `RPerp`
 * (η the coordinates of the noise on an orthonormal basis of span W⊥) and the χ² the squared norm of the
 * noise orthogonal to span(mu, nu, W): all independent. With `e = sigmoid(z) − y`, `c_i = e v_i 1_i`,
 * `s = 1 − δ alpha`:
 *
 * $$ v_i' = s v_i − δ e\,relu(h_i),\quad m_i' = s m_i − δ c_i X\cdot\mu,\quad
 *    R_{ij}' = s^2 R_{ij} − δ s (c_i ξ_j + c_j ξ_i)/√λ + δ^2 c_i c_j |X_\perp|^2 . $$
 *
 * Draw order per step: one uniform (component), d normals (ζ), K normals (η), one χ².
 *
 * @param params task, K, snr, ridge
 * @param N dimension (≥ d + K)
 * @param lr step delta = cDelta / N
 * @param u0 initial statistics (copied)
 * @example const sim = new GmmDimensionFree(params, 1e9, 1e-9, u0); sim.advance(rng, 0)
 * Reference: science/01 §§2–3 (the dimension-free sampler of §2, applied to the §3 network).
 */
export class GmmDimensionFree implements ReducedSimulator {
  readonly statisticNames: readonly string[];
  private readonly lay: StateLayout;
  private readonly u: Float64Array;
  private readonly saved: Float64Array;
  private readonly L: Float64Array;
  private readonly work: Float64Array;
  private readonly eta: Float64Array;
  private readonly xi: Float64Array;
  private readonly c: Float64Array;
  private readonly h: Float64Array;

  constructor(
    private readonly params: GmmParams,
    private readonly N: number,
    private readonly lr: number,
    u0: ArrayLike<number>,
  ) {
    const { K } = params;
    this.statisticNames = stateNames(params.task, K);
    this.lay = stateLayout(params.task, K);
    this.u = Float64Array.from(u0);
    this.saved = new Float64Array(this.u.length);
    this.L = new Float64Array(K * K);
    this.work = new Float64Array(2 * K);
    this.eta = new Float64Array(K);
    this.xi = new Float64Array(K);
    this.c = new Float64Array(K);
    this.h = new Float64Array(K);
  }

  advance(rng: Rng): void {
    const { K, snr, ridge, task } = this.params;
    const { u, lay, lr } = this;
    const comps = components(task);
    const comp = comps[Math.min(comps.length - 1, Math.floor(rng.nextFloat() * comps.length))];
    const d = meanDirections(task);
    const s = 1 / Math.sqrt(snr);
    const xm = comp.aMu + s * rng.normal();
    const xn = d > 1 ? comp.aNu + s * rng.normal() : 0;
    rng.fillNormal(this.eta);
    const rank = psdFactor(K, u.subarray(lay.rPerp), this.L, this.work);
    const dof = this.N - d - rank;
    let perp2 = dof > 0 ? rng.chiSquare(dof) : 0;
    for (let r = 0; r < rank; r++) perp2 += this.eta[r] * this.eta[r];
    perp2 /= snr;
    let z = 0;
    for (let i = 0; i < K; i++) {
      let x = 0;
      for (let r = 0; r < rank; r++) x += this.L[i * K + r] * this.eta[r];
      this.xi[i] = x * s;
      const h = u[lay.mMu + i] * xm + (lay.mNu >= 0 ? u[lay.mNu + i] * xn : 0) + this.xi[i];
      this.h[i] = h;
      if (h > 0) z += u[i] * h;
    }
    const e = 1 / (1 + Math.exp(-z)) - comp.y;
    const shrink = 1 - lr * ridge;
    for (let i = 0; i < K; i++) this.c[i] = this.h[i] >= 0 ? e * u[i] : 0;
    for (let i = 0; i < K; i++) {
      const ci = this.c[i];
      for (let j = i; j < K; j++) {
        const p = lay.rPerp + packedIndex(K, i, j);
        const cross = ci * this.xi[j] + this.c[j] * this.xi[i];
        u[p] = shrink * shrink * u[p] - lr * shrink * cross + lr * lr * ci * this.c[j] * perp2;
      }
      u[lay.mMu + i] = shrink * u[lay.mMu + i] - lr * ci * xm;
      if (lay.mNu >= 0) u[lay.mNu + i] = shrink * u[lay.mNu + i] - lr * ci * xn;
      u[i] = shrink * u[i] - lr * e * Math.max(this.h[i], 0);
    }
  }

  read(out: Float64Array): void {
    out.set(this.u);
  }

  size(): number {
    let s = 0;
    for (let i = 0; i < this.lay.rPerp; i++) s += this.u[i] * this.u[i];
    for (let i = 0; i < this.params.K; i++) s += this.u[this.lay.rPerp + packedIndex(this.params.K, i, i)];
    return s;
  }

  save(): void {
    this.saved.set(this.u);
  }

  restore(): void {
    this.u.set(this.saved);
  }
}
