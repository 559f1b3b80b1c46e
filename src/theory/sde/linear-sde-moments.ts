import type { CrossMoments } from "./cross-moments.js";
import { apply, expm } from "./expm.js";
import { affineMomentStep } from "./random-affine-moments.js";

/**
 * The noise of one point of an affine SDE: columns $D_k x + e_k$, $k = 1..m$ ($D_k$ d x d row-major).
 * Scale factors such as $\sqrt{lr}$ are folded into $D_k$ and $e_k$.
 */
export interface AffineNoise {
  D: Float64Array[];
  e: Float64Array[];
}

/** An affine SDE $dX = (B X + c)\,dt + \sum_k (D_k X + e_k)\,d\beta_k$ (B row-major d x d). */
export interface AffineSde {
  dim: number;
  B: Float64Array;
  c: Float64Array;
}

/**
 * Exact first and cross second moments of two solutions $X_a, X_b$ of an affine SDE with the same drift,
 * as the solution of their linear moment ODE by a matrix exponential (no Monte Carlo, no time steps):
 *
 * $\mu' = B\mu + c$,
 * $C' = BC + CB^\top + c\mu_b^\top + \mu_a c^\top + \sum_k (D^a_k C D^{b\top}_k + D^a_k \mu_a e^{b\top}_k
 *   + e^a_k \mu_b^\top D^{b\top}_k + e^a_k e^{b\top}_k)$.
 *
 * The noise of point a is $(D^a_k, e^a_k)$ and of point b $(D^b_k, e^b_k)$ on the *same* Brownian motions;
 * `noiseB = null` means independent Brownian motions (no cross term). With the same start and the same
 * noise, $C$ is the second moment $E[X X^\top]$.
 *
 * @example
 * // geometric Brownian motion dX = -X dt + 0.5 X dB: E X^2 = e^{(-2 + 0.25) t}
 * const m = new LinearSdeMoments({ dim: 1, B: Float64Array.of(-1), c: Float64Array.of(0) },
 *   { D: [Float64Array.of(0.5)], e: [Float64Array.of(0)] }, "same");
 * m.at(m.start([1], [1]), 1).C[0] // Math.exp(-1.75)
 *
 * Reference: science/05-modified-flows.md §2 T2 (the SMF moment ODE); Kloeden and Platen (1992), §4.8.
 */
export class LinearSdeMoments {
  private readonly n: number;
  private readonly generator: Float64Array;

  private readonly noiseB: AffineNoise | null;

  constructor(
    readonly sde: AffineSde,
    readonly noiseA: AffineNoise,
    noiseB: AffineNoise | null | "same",
  ) {
    const d = sde.dim;
    this.n = 2 * d + d * d + 1;
    const nb = noiseB === "same" ? noiseA : noiseB;
    this.noiseB = nb;
    this.generator = new Float64Array(this.n * this.n);
    const y = new Float64Array(this.n);
    const dy = new Float64Array(this.n);
    for (let j = 0; j < this.n; j++) {
      y.fill(0);
      y[j] = 1;
      this.rhs(y, dy, nb);
      for (let i = 0; i < this.n; i++) this.generator[i * this.n + j] = dy[i];
    }
  }

  /** The moment state of two deterministic starts. */
  start(xa: ArrayLike<number>, xb: ArrayLike<number>): Float64Array {
    const d = this.sde.dim;
    const y = new Float64Array(this.n);
    for (let i = 0; i < d; i++) {
      y[i] = xa[i];
      y[d + i] = xb[i];
      for (let j = 0; j < d; j++) y[2 * d + i * d + j] = xa[i] * xb[j];
    }
    y[this.n - 1] = 1;
    return y;
  }

  /** The moment state after time t from `y` (exact: $e^{L t} y$). */
  advance(y: Float64Array, t: number): Float64Array {
    return apply(
      expm(
        this.generator.map((v) => v * t),
        this.n,
      ),
      y,
      this.n,
    );
  }

  /**
   * Moment states at `points` equally spaced times $0, \Delta, \dots$ (one matrix exponential).
   *
   * @example moments.grid(moments.start(x0, x0), 0.1, 11).map((y) => moments.read(y).C[0])
   */
  grid(y: Float64Array, dt: number, points: number): Float64Array[] {
    const step = expm(
      this.generator.map((v) => v * dt),
      this.n,
    );
    const out = [y];
    for (let j = 1; j < points; j++) out.push(apply(step, out[j - 1], this.n));
    return out;
  }

  /**
   * The moment state after one Euler–Maruyama step of length h, exactly: the scheme is the random affine
   * map $x \mapsto (I + hB)x + hc + \sum_k (D_k x + e_k)\Delta W^k$, so
   * $C' = (I + hB) C (I + hB)^\top + \dots + h \sum_k (D^a_k C D^{b\top}_k + \dots)$. Its distance to
   * {@link LinearSdeMoments.advance} is the scheme's weak error, known exactly.
   *
   * @example let y = m.start(x0, x0); for (let s = 0; s < 100; s++) y = m.eulerMaruyamaStep(y, 0.01);
   */
  eulerMaruyamaStep(y: Float64Array, h: number): Float64Array {
    const d = this.sde.dim;
    const P = this.sde.B.map((v) => h * v);
    for (let i = 0; i < d; i++) P[i * d + i] += 1;
    const q = this.sde.c.map((v) => h * v);
    const before = this.read(y);
    const after = affineMomentStep([{ P, q, w: 1 }], d, before);
    const noise = new Float64Array(d * d);
    if (this.noiseB) addCrossNoise(this.noiseA, this.noiseB, before.muA, before.muB, before.C, 1, d, noise);
    const out = new Float64Array(this.n);
    out.set(after.muA, 0);
    out.set(after.muB, d);
    for (let k = 0; k < d * d; k++) out[2 * d + k] = after.C[k] + h * noise[k];
    out[this.n - 1] = 1;
    return out;
  }

  /** Split a moment state into $\mu_a, \mu_b, C$. */
  read(y: Float64Array): CrossMoments {
    const d = this.sde.dim;
    return { muA: y.slice(0, d), muB: y.slice(d, 2 * d), C: y.slice(2 * d, 2 * d + d * d) };
  }

  /** Moments after time t from the starts, read out: `at(start(xa, xb), t)`. */
  at(y: Float64Array, t: number): CrossMoments {
    return this.read(this.advance(y, t));
  }

  private rhs(y: Float64Array, dy: Float64Array, nb: AffineNoise | null): void {
    const { dim: d, B, c } = this.sde;
    const one = y[this.n - 1];
    const muA = y.subarray(0, d);
    const muB = y.subarray(d, 2 * d);
    const C = y.subarray(2 * d, 2 * d + d * d);
    dy.fill(0);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        dy[i] += B[i * d + j] * muA[j];
        dy[d + i] += B[i * d + j] * muB[j];
        let s = c[i] * muB[j] + muA[i] * c[j];
        for (let k = 0; k < d; k++) s += B[i * d + k] * C[k * d + j] + C[i * d + k] * B[j * d + k];
        dy[2 * d + i * d + j] = s;
      }
    for (let i = 0; i < d; i++) {
      dy[i] += c[i] * one;
      dy[d + i] += c[i] * one;
    }
    if (nb) addCrossNoise(this.noiseA, nb, muA, muB, C, one, d, dy.subarray(2 * d, 2 * d + d * d));
  }
}

/** $\sum_k (D^a_k C D^{b\top}_k + D^a_k\mu_a e^{b\top}_k + e^a_k\mu_b^\top D^{b\top}_k + e^a_k e^{b\top}_k)$ into `out`. */
function addCrossNoise(
  na: AffineNoise,
  nb: AffineNoise,
  muA: Float64Array,
  muB: Float64Array,
  C: Float64Array,
  one: number,
  d: number,
  out: Float64Array,
): void {
  const u = new Float64Array(d);
  const v = new Float64Array(d);
  const dc = new Float64Array(d * d);
  for (let k = 0; k < na.D.length; k++) {
    const [Da, Db, ea, eb] = [na.D[k], nb.D[k], na.e[k], nb.e[k]];
    for (let i = 0; i < d; i++) {
      let su = 0;
      let sv = 0;
      for (let j = 0; j < d; j++) {
        su += Da[i * d + j] * muA[j];
        sv += Db[i * d + j] * muB[j];
      }
      u[i] = su;
      v[i] = sv;
    }
    for (let i = 0; i < d; i++)
      for (let p = 0; p < d; p++) {
        let s = 0;
        for (let q = 0; q < d; q++) s += Da[i * d + q] * C[q * d + p];
        dc[i * d + p] = s;
      }
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let p = 0; p < d; p++) s += dc[i * d + p] * Db[j * d + p];
        out[i * d + j] += s + u[i] * eb[j] + ea[i] * v[j] + ea[i] * eb[j] * one;
      }
  }
}
