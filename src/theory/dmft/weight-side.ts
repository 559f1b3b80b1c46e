/** A level of the data covariance: eigenvalue `s` with a fraction `p` of the coordinates. */
export interface Level {
  s: number;
  p: number;
}

/** What the weight side needs of a problem. */
export interface WeightSideParams {
  ridge: number;
  momentum: number;
  m0: number;
  q0: number;
  lr: ArrayLike<number>;
  levels: readonly Level[];
}

/**
 * The weight side of the discrete DMFT (linear, no Monte Carlo), per covariance level k (science/02 §§2, 4):
 * with `v = Sigma^{1/2} w`, the response, init propagator and mean coefficient of each level,
 * $G_k(t+1,s) = (1+\beta-lr_t\lambda) G_k(t,s) - \beta G_k(t-1,s) - lr_t s_k \sum_{r=s}^{t} \Gamma(t,r) G_k(r,s)$,
 * `G_k(s,s) = 1`, `G_k(s-1,s) = 0`; `G0_k` the same with `G0_k(-1) = G0_k(0) = 1`;
 * $A_k(t+1) = (1+\beta-lr_t\lambda) A_k(t) - \beta A_k(t-1) - lr_t s_k (\sum_r \Gamma(t,r) A_k(r) + \Gamma_*(t))$,
 * `A_k(-1) = A_k(0) = m0`, with $\Gamma_* = (\mu - \sum_r \Gamma(t,r) m(r))/\rho$ (Gaussian integration by
 * parts: `mu = alpha E[hStar loss']`). Overlap `m = Σ_k p_k s_k A_k`, `rho = Σ_k p_k s_k`, and
 * $Q(t,u) = \sum_k p_k [s_k A_k A_k + q_0 s_k G0_k G0_k + s_k^2 \sum_{r,r'} lr_r lr_{r'} G_k(t,r+1) \Sigma_G(r,r') G_k(u,r'+1)]$
 * (the science file's C: `v(t)·v(u)/d`). One level s = 1 is the isotropic DMFT, where `q = Q(t,t)` and
 * `C = Q - m m`.
 *
 * Reference: science/02 §2 (weight side) and §4 (anisotropic covariance).
 */
export class WeightSide {
  /** `G[k][t * n + s]`, n = T + 1. */
  readonly G: Float64Array[];
  readonly G0: Float64Array[];
  readonly A: Float64Array[];
  readonly m: Float64Array;
  /** `Q(t, t) = v(t)·v(t)/d`. */
  readonly Q: Float64Array;
  /** `Gamma[t * n + s]`, s <= t. */
  readonly Gamma: Float64Array;
  /** `SigmaG[t * n + s]`, symmetric. */
  readonly SigmaG: Float64Array;
  /** Grid size T + 1. */
  readonly n: number;
  /** Variance of hStar, `Σ_k p_k s_k`. */
  readonly rho: number;

  constructor(
    readonly steps: number,
    private readonly p: WeightSideParams,
  ) {
    const n = steps + 1;
    this.n = n;
    const K = p.levels.length;
    this.G = Array.from({ length: K }, () => new Float64Array(n * n));
    this.G0 = Array.from({ length: K }, () => new Float64Array(n));
    this.A = Array.from({ length: K }, () => new Float64Array(n));
    this.m = new Float64Array(n);
    this.Q = new Float64Array(n);
    this.Gamma = new Float64Array(n * n);
    this.SigmaG = new Float64Array(n * n);
    this.rho = p.levels.reduce((a, l) => a + l.p * l.s, 0);
    for (let k = 0; k < K; k++) {
      this.G[k][0] = 1;
      this.G0[k][0] = 1;
      this.A[k][0] = p.m0;
    }
    this.m[0] = p.m0 * this.rho;
    this.Q[0] = this.secondMoment(0, 0);
  }

  /** Reaction coefficient of the kick g(s) in H(t), s < t: `lr_s Σ_k p_k s_k G_k(t, s+1)`. */
  kick(t: number, s: number): number {
    let sum = 0;
    this.p.levels.forEach((l, k) => {
      sum += l.p * l.s * this.G[k][t * this.n + s + 1];
    });
    return this.p.lr[s] * sum;
  }

  /** Coefficient of the level-k noise zeta_k(s) in H(t): `lr_s s_k sqrt(p_k) G_k(t, s+1)`. */
  noiseCoefficient(k: number, t: number, s: number): number {
    const l = this.p.levels[k];
    return this.p.lr[s] * l.s * Math.sqrt(l.p) * this.G[k][t * this.n + s + 1];
  }

  /** Coefficient of the level-k start normal in H(t): `sqrt(p_k q0 s_k) G0_k(t)`. */
  initCoefficient(k: number, t: number): number {
    const l = this.p.levels[k];
    return Math.sqrt(l.p * this.p.q0 * l.s) * this.G0[k][t];
  }

  /** Coefficient of the level-k teacher normal in H(t): `sqrt(p_k s_k) A_k(t)`. */
  signalCoefficient(k: number, t: number): number {
    const l = this.p.levels[k];
    return Math.sqrt(l.p * l.s) * this.A[k][t];
  }

  /** Extend every level to step t + 1 from row t of Gamma and `mu(t)`; then m(t+1) and Q(t+1, t+1). */
  advance(t: number, mu: number): void {
    const { n, Gamma } = this;
    const { ridge, momentum: beta } = this.p;
    const lr = this.p.lr[t];
    const a = 1 + beta - lr * ridge;
    const row = t * n;
    let memoryM = 0;
    for (let r = 0; r <= t; r++) memoryM += Gamma[row + r] * this.m[r];
    const gammaStar = (mu - memoryM) / this.rho;
    let m = 0;
    this.p.levels.forEach((l, k) => {
      const G = this.G[k];
      const next = (t + 1) * n;
      for (let s = 0; s <= t; s++) {
        let memory = 0;
        for (let r = s; r <= t; r++) memory += Gamma[row + r] * G[r * n + s];
        const before = t > s ? G[(t - 1) * n + s] : 0;
        G[next + s] = a * G[row + s] - beta * before - lr * l.s * memory;
      }
      G[next + t + 1] = 1;
      this.G0[k][t + 1] = advanceMean(this.G0[k], Gamma, row, t, a, beta, lr * l.s, 0);
      this.A[k][t + 1] = advanceMean(this.A[k], Gamma, row, t, a, beta, lr * l.s, gammaStar);
      m += l.p * l.s * this.A[k][t + 1];
    });
    this.m[t + 1] = m;
    this.Q[t + 1] = this.secondMoment(t + 1, t + 1);
  }

  /** `Q(t, u) = v(t)·v(u)/d` (O(K t u)). */
  secondMoment(t: number, u: number): number {
    const { n, SigmaG } = this;
    let total = 0;
    this.p.levels.forEach((l, k) => {
      const G = this.G[k];
      let noise = 0;
      for (let r = 0; r < t; r++) {
        const kr = this.p.lr[r] * G[t * n + r + 1];
        if (kr === 0) continue;
        let inner = 0;
        for (let r2 = 0; r2 < u; r2++) inner += SigmaG[r * n + r2] * this.p.lr[r2] * G[u * n + r2 + 1];
        noise += kr * inner;
      }
      const { A, G0 } = this;
      total += l.p * (l.s * A[k][t] * A[k][u] + this.p.q0 * l.s * G0[k][t] * G0[k][u] + l.s * l.s * noise);
    });
    return total;
  }

  /** Covariance of the Gaussian path omega independent of hStar: `C(t, u) = Q(t, u) - m(t) m(u)/rho`. */
  correlation(t: number, u: number): number {
    return this.secondMoment(t, u) - (this.m[t] * this.m[u]) / this.rho;
  }
}

/** One step of a mean-like recursion `x(t+1) = a x(t) - beta x(t-1) - c (Σ_r Gamma(t,r) x(r) + shift)`. */
function advanceMean(
  x: Float64Array,
  Gamma: Float64Array,
  row: number,
  t: number,
  a: number,
  beta: number,
  c: number,
  shift: number,
): number {
  let memory = 0;
  for (let r = 0; r <= t; r++) memory += Gamma[row + r] * x[r];
  return a * x[t] - beta * x[t > 0 ? t - 1 : 0] - c * (memory + shift);
}
