import { psdFactor } from "../../core/psd-factor.js";
import type { Rng } from "../../core/rng.js";
import type { ReducedSimulator } from "../../simulate/model.js";
import { committeeStatisticNames, packedIndex } from "./layout.js";
import { committeeReader } from "./limits.js";
import { teacherBlock } from "./model.js";
import type { CommitteeSetup } from "./setup.js";

/**
 * Exact-in-law simulator of online SGD on the committee machine at any d, O((p + k)³) per step
 * (science/06, "dimension-free"; derivation in the model README).
 *
 * The joint Gram matrix `G = W̃ W̃ᵀ/d` of the n = p + k student and teacher rows is a Markov chain. With
 * `G = L Lᵀ` (pivoted Cholesky, rank r), the rows are `w̃_a = √d Σ_s L_as b_s` for an orthonormal basis
 * `b_1..b_r` of their span, so a fresh input `x ~ N(0, I_d)` enters the step only through
 * `η = Bᵀx ~ N(0, I_r)` (the fields are `φ = L η`) and `|x|² = |η|² + χ²_{d−r}`, independent. With
 * `c_i = v_i g'(λ_i) e`, `e = Σ_c u_c g(φ_c) − σζ`, the step is exactly
 *
 * $$ Q_{ij}' = Q_{ij} - \tfrac{\eta}{d}(c_i\lambda_j + c_j\lambda_i) + \tfrac{\eta^2}{d^2} c_i c_j |x|^2,\quad
 *    M_{in}' = M_{in} - \tfrac{\eta}{d} c_i \nu_n,\quad v_i' = v_i - \tfrac{\eta}{d} g(\lambda_i) e. $$
 *
 * A rank-deficient G (e.g. a zero student, or a student inside the teachers' span) is handled by the
 * factor's rank: the missing directions are part of the χ² with d − r degrees of freedom. Draw order
 * per step: n normals (always n, whatever the rank, so streams stay aligned), the χ², ζ.
 *
 * @param setup canonical parameters
 * @param G0 initial joint Gram matrix (packed upper triangle, students first; copied)
 * @example const sim = new CommitteeDimensionFree(setup, G0); sim.advance(rng, 0)
 */
export class CommitteeDimensionFree implements ReducedSimulator {
  readonly statisticNames: readonly string[];
  private readonly G: Float64Array;
  private readonly v: Float64Array;
  private readonly saved: Float64Array;
  private readonly L: Float64Array;
  private readonly work: Float64Array;
  private readonly xi: Float64Array;
  private readonly phi: Float64Array;
  private readonly c: Float64Array;
  private readonly P: Float64Array;
  private readonly y: Float64Array;
  private readonly read_: ReturnType<typeof committeeReader>;

  constructor(
    private readonly setup: CommitteeSetup,
    G0: Float64Array,
  ) {
    const { n, p, k } = setup.lay;
    this.statisticNames = committeeStatisticNames(setup.lay);
    this.G = Float64Array.from(G0);
    this.v = Float64Array.from(setup.v);
    this.saved = new Float64Array(this.G.length + p);
    this.L = new Float64Array(n * n);
    this.work = new Float64Array(2 * n);
    this.xi = new Float64Array(n);
    this.phi = new Float64Array(n);
    this.c = new Float64Array(p);
    this.P = teacherBlock(this.G, p, k);
    this.y = new Float64Array(setup.lay.size);
    this.read_ = committeeReader(setup.integrals, setup.lay, setup.A);
  }

  advance(rng: Rng): void {
    const { G, v, L, xi, phi, c } = this;
    const { lay, d, integrals, eta, A } = this.setup;
    const { n, p } = lay;
    const rank = psdFactor(n, G, L, this.work);
    rng.fillNormal(xi);
    let x2 = d > rank ? rng.chiSquare(d - rank) : 0;
    for (let s = 0; s < rank; s++) x2 += xi[s] * xi[s];
    let e = -Math.sqrt(this.setup.noise) * rng.normal();
    for (let a = 0; a < n; a++) {
      let f = 0;
      for (let s = 0; s < rank; s++) f += L[a * n + s] * xi[s];
      phi[a] = f;
      e += (a < p ? v[a] : -A[a - p]) * integrals.g(f);
    }
    for (let i = 0; i < p; i++) c[i] = v[i] * integrals.dg(phi[i]) * e;
    const h = eta / d;
    for (let i = 0; i < p; i++) {
      for (let b = i; b < n; b++) {
        const cb = b < p ? c[b] : 0;
        G[packedIndex(n, i, b)] += -h * (c[i] * phi[b] + cb * phi[i]) + h * h * c[i] * cb * x2;
      }
    }
    if (this.setup.trainReadout) for (let i = 0; i < p; i++) v[i] -= h * integrals.g(phi[i]) * e;
  }

  read(out: Float64Array): void {
    const { lay } = this.setup;
    const { n, p, k } = lay;
    for (let i = 0; i < p; i++) {
      for (let j = i; j < p; j++) this.y[packedIndex(p, i, j)] = this.G[packedIndex(n, i, j)];
      for (let r = 0; r < k; r++) this.y[lay.m + i * k + r] = this.G[packedIndex(n, i, p + r)];
      if (lay.v >= 0) this.y[lay.v + i] = this.v[i];
    }
    this.read_(this.y, this.P, this.v, out);
  }

  size(): number {
    const { n, p } = this.setup.lay;
    let s = 0;
    for (let i = 0; i < p; i++) s += this.G[packedIndex(n, i, i)] + this.v[i] * this.v[i];
    return s;
  }

  save(): void {
    this.saved.set(this.G);
    this.saved.set(this.v, this.G.length);
  }

  restore(): void {
    this.G.set(this.saved.subarray(0, this.G.length));
    this.v.set(this.saved.subarray(this.G.length));
  }
}
