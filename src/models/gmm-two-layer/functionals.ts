import { gaussHermite } from "../../core/gauss-hermite.js";
import { psdFactor } from "../../core/psd-factor.js";
import {
  components,
  type GmmParams,
  meanDirections,
  packedIndex,
  type StateLayout,
  stateLayout,
} from "./geometry.js";

/** `log(1 + e^z)` without overflow. */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * The Gaussian functionals of science/01 §3 at a state `u = [v, mMu, mNu, RPerp]`, by tensor-product
 * Gauss–Hermite quadrature (never Monte Carlo). With `1_i = 1{W_i·X >= 0}`, `e = sigmoid(z) - y`:
 *
 * $$ A^\mu_i = E[(X\cdot\mu) 1_i e],\; A^\nu_i = E[(X\cdot\nu) 1_i e],\;
 *    A^\perp_{ij} = E[(X\cdot W_j^\perp) 1_i e],\; B_{ij} = E[1_i 1_j e^2] $$
 *
 * and the test cross-entropy `E[softplus(z) - y z]`. Given the component (mean `a`), `X·mu = a_mu + ζ1/√λ`,
 * `X·nu = a_nu + ζ2/√λ`, `X·W_j⊥ = ξ_j/√λ` with `ξ = L η ~ N(0, RPerp)` (`L` a pivoted Cholesky factor),
 * `W_i·X = m_i X·mu + n_i X·nu + ξ_i/√λ`: a `(d + rank RPerp)`-dimensional Gaussian integral per component,
 * `d` = 1 (binary) or 2 (XOR). At `snr = Infinity` the noise vanishes and one node is exact.
 *
 * @param params task, K, snr (may be Infinity), ridge
 * @param nodes Gauss–Hermite nodes per dimension
 * @example const f = new GmmFunctionals({ task: "binary", K: 2, snr: 100, ridge: 0.1 }, 16); f.evaluate(u)
 * Reference: Ben Arous, Gheissari, Jagannath (2022), §5; science/01 §3.
 */
export class GmmFunctionals {
  readonly layout: StateLayout;
  readonly aMu: Float64Array;
  readonly aNu: Float64Array;
  /** `aPerp[i*K + j] = A^perp_ij`. */
  readonly aPerp: Float64Array;
  readonly b: Float64Array;
  loss = 0;
  private readonly L: Float64Array;
  private readonly work: Float64Array;
  private readonly xi: Float64Array;
  private readonly h: Float64Array;
  private readonly idx: Int32Array;
  private readonly noise: Float64Array;

  constructor(
    readonly params: GmmParams,
    readonly nodes: number,
  ) {
    const { K } = params;
    this.layout = stateLayout(params.task, K);
    this.aMu = new Float64Array(K);
    this.aNu = new Float64Array(K);
    this.aPerp = new Float64Array(K * K);
    this.b = new Float64Array(K * K);
    this.L = new Float64Array(K * K);
    this.work = new Float64Array(2 * K);
    this.xi = new Float64Array(K);
    this.h = new Float64Array(K);
    this.idx = new Int32Array(K + 2);
    this.noise = new Float64Array(K + 2);
  }

  /** Evaluate every functional at the state `u` (allocates nothing). */
  evaluate(u: Float64Array): void {
    const { K, snr } = this.params;
    const d = meanDirections(this.params.task);
    this.aMu.fill(0);
    this.aNu.fill(0);
    this.aPerp.fill(0);
    this.b.fill(0);
    this.loss = 0;
    const finite = Number.isFinite(snr);
    const rank = finite ? psdFactor(K, u.subarray(this.layout.rPerp), this.L, this.work) : 0;
    const dims = finite ? d + rank : 0;
    const rule = gaussHermite(finite ? this.nodes : 1);
    const n = rule.nodes.length;
    this.idx.fill(0);
    for (;;) {
      let w = 1;
      for (let a = 0; a < dims; a++) {
        this.noise[a] = rule.nodes[this.idx[a]];
        w *= rule.weights[this.idx[a]];
      }
      this.accumulate(u, w, dims > 0 ? d : 0, rank);
      let a = 0;
      while (a < dims && ++this.idx[a] === n) this.idx[a++] = 0;
      if (a === dims) break;
    }
  }

  /** Add one quadrature node (standard normals in `noise`: d mean directions, then rank for ξ). */
  private accumulate(u: Float64Array, w: number, d: number, rank: number): void {
    const { K, snr } = this.params;
    const { v, mMu, mNu } = this.layout;
    const s = Number.isFinite(snr) ? 1 / Math.sqrt(snr) : 0;
    const zm = d > 0 ? this.noise[0] * s : 0;
    const zn = d > 1 ? this.noise[1] * s : 0;
    for (let i = 0; i < K; i++) {
      let x = 0;
      for (let r = 0; r < rank; r++) x += this.L[i * K + r] * this.noise[d + r];
      this.xi[i] = x * s;
    }
    for (const c of components(this.params.task)) {
      const xm = c.aMu + zm;
      const xn = c.aNu + zn;
      let z = 0;
      for (let i = 0; i < K; i++) {
        const h = u[mMu + i] * xm + (mNu >= 0 ? u[mNu + i] * xn : 0) + this.xi[i];
        this.h[i] = h;
        if (h > 0) z += u[v + i] * h;
      }
      const e = 1 / (1 + Math.exp(-z)) - c.y;
      const we = w * c.p * e;
      this.loss += w * c.p * (softplus(z) - c.y * z);
      for (let i = 0; i < K; i++) {
        if (!(this.h[i] >= 0)) continue;
        this.aMu[i] += we * xm;
        this.aNu[i] += we * xn;
        for (let j = 0; j < K; j++) {
          this.aPerp[i * K + j] += we * this.xi[j];
          if (this.h[j] >= 0) this.b[i * K + j] += we * e;
        }
      }
    }
  }

  /**
   * The ballistic drift `u' = -f(u) + g(u)` (science/01 §3), after {@link GmmFunctionals.evaluate}:
   * `v_i' = -(m_i A^mu_i + n_i A^nu_i + A^perp_ii) - alpha v_i`, `m_i' = -v_i A^mu_i - alpha m_i`,
   * `n_i' = -v_i A^nu_i - alpha n_i`, `RPerp_ij' = -(v_i A^perp_ij + v_j A^perp_ji) - 2 alpha RPerp_ij
   * + cDelta v_i v_j B_ij / snr` (the last term, the corrector, only when `cDelta > 0`).
   */
  drift(u: Float64Array, cDelta: number, du: Float64Array): void {
    const { K, snr, ridge } = this.params;
    const { v, mMu, mNu, rPerp } = this.layout;
    const corr = Number.isFinite(snr) ? cDelta / snr : 0;
    for (let i = 0; i < K; i++) {
      const n = mNu >= 0 ? u[mNu + i] : 0;
      du[v + i] = -(u[mMu + i] * this.aMu[i] + n * this.aNu[i] + this.aPerp[i * K + i]) - ridge * u[v + i];
      du[mMu + i] = -u[v + i] * this.aMu[i] - ridge * u[mMu + i];
      if (mNu >= 0) du[mNu + i] = -u[v + i] * this.aNu[i] - ridge * n;
      for (let j = i; j < K; j++) {
        const p = rPerp + packedIndex(K, i, j);
        const vv = u[v + i] * u[v + j];
        du[p] =
          -(u[v + i] * this.aPerp[i * K + j] + u[v + j] * this.aPerp[j * K + i]) -
          2 * ridge * u[p] +
          corr * vv * this.b[i * K + j];
      }
    }
  }
}
