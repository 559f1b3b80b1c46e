import type { Rng } from "../../core/rng.js";
import type { IncrementalQr } from "./incremental-qr.js";
import { momentMatchedNormals } from "./moment-matched.js";
import type { DmftProblem } from "./problem.js";
import type { Level, WeightSide } from "./weight-side.js";

/** The isotropic covariance: one level s = 1. */
export const isotropic: readonly Level[] = [{ s: 1, p: 1 }];

/**
 * Per-sample state of the forward pass: the effective sample process of science/02 §§2, 4. Per level k,
 * standard normals `a_k` (teacher), `b_k` (start) and `xi_k` (noise), with `hStar = Σ_k sqrt(p_k s_k) a_k`.
 */
export interface SampleSide {
  hStar: Float64Array;
  y: Float64Array;
  a0: Float64Array[];
  b0: Float64Array[];
  /** `xi[k][j]`: the j-th noise normal of level k. */
  xi: Float64Array[][];
  /** kicks g(s). */
  gs: Float64Array[];
  /** level noises `zeta[k][s] = sqrt(alpha) Σ_j R(j, s) xi_k[j]`. */
  zeta: Float64Array[][];
  /** curvatures a(r) = kappa(r) loss''(H(r), y) (pathwise). */
  a: Float64Array[];
  /** pathwise responses chi(t, s), s < t, as `chi[t][s S + i]`. */
  chi: Float32Array[];
  /** columns of the QR factor of the g(s)/sqrt(S). */
  R: Float64Array[];
  H: Float64Array;
  kappa: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  g: Float64Array;
  acc: Float64Array;
  /** scratch: B(r) = -Rt(t, r) a(r), S × T (pathwise). */
  B: Float64Array;
  /** omega = M z, `M[s (T+1) + j]`, z = (b_0, xi_0[0], ...) (Stein, one level). */
  M: Float64Array;
}

/**
 * The sample side of a problem: moment-matched columns `(a_1..a_K, eps, b_1..b_K, xi_1[0..T-1], ...)`
 * (one level: `(hStar, eps, z0, xi_0..)`), labels, and buffers for the chosen responses.
 */
export function sampleSide(p: DmftProblem, rng: Rng): SampleSide {
  const S = p.samples;
  const T = p.steps;
  const levels = p.levels ?? isotropic;
  const K = levels.length;
  const cols = momentMatchedNormals(rng, S, 1 + K * (T + 2));
  const a0 = cols.slice(0, K);
  const eps = cols[K];
  const b0 = cols.slice(K + 1, 2 * K + 1);
  const xi = levels.map((_, k) => cols.slice(2 * K + 1 + k * T, 2 * K + 1 + (k + 1) * T));
  const hStar = new Float64Array(S);
  levels.forEach((l, k) => {
    const c = Math.sqrt(l.p * l.s);
    for (let i = 0; i < S; i++) hStar[i] += c * a0[k][i];
  });
  const y = Float64Array.from(hStar, (h, i) => p.label(h, eps[i]));
  const v = () => new Float64Array(S);
  const stein = p.response === "stein";
  return {
    ...{ hStar, y, a0, b0, xi, gs: [], zeta: levels.map(() => []), a: [], chi: [], R: [] },
    ...{ H: v(), kappa: v(), d1: v(), d2: v(), g: v(), acc: v() },
    B: new Float64Array(stein ? 0 : S * T),
    M: new Float64Array(stein ? (T + 1) ** 2 : 0),
  };
}

/**
 * `H(t) = Σ_k [sqrt(p_k s_k) A_k(t) a_k + sqrt(p_k q0 s_k) G0_k(t) b_k - Σ_{s<t} lr_s s_k sqrt(p_k) G_k(t,s+1)
 * zeta_k(s)] - Σ_{s<t} Rt(t,s) g(s)`, `Rt(t,s) = lr_s Σ_k p_k s_k G_k(t,s+1)`.
 */
export function preactivation(ws: WeightSide, side: SampleSide, t: number): void {
  const { H, gs } = side;
  const S = H.length;
  H.fill(0);
  side.a0.forEach((a, k) => {
    const ca = ws.signalCoefficient(k, t);
    const cb = ws.initCoefficient(k, t);
    const b = side.b0[k];
    for (let i = 0; i < S; i++) H[i] += ca * a[i] + cb * b[i];
    for (let s = 0; s < t; s++) axpy(-ws.noiseCoefficient(k, t, s), side.zeta[k][s], H);
  });
  for (let s = 0; s < t; s++) axpy(-ws.kick(t, s), gs[s], H);
}

function axpy(c: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += c * x[i];
}

/** Train loss (and error) at the current step: E over samples without selections. */
export function observe(
  p: DmftProblem,
  side: SampleSide,
  out: { trainLoss: number[]; trainError?: number[] },
): void {
  const { H, y } = side;
  let loss = 0;
  let wrong = 0;
  for (let i = 0; i < H.length; i++) {
    loss += p.loss.value(H[i], y[i]);
    if (H[i] * y[i] <= 0) wrong++;
  }
  out.trainLoss.push(loss / H.length);
  out.trainError?.push(wrong / H.length);
}

/** loss', loss'' and the selections of step t: fills d1, d2, g; returns `mu(t) = alpha E[hStar loss']`. */
export function derivatives(p: DmftProblem, side: SampleSide, rng: Rng): number {
  const { H, y, d1, d2, g, hStar, kappa } = side;
  const b = p.batchFraction;
  let mu = 0;
  for (let i = 0; i < H.length; i++) {
    d1[i] = p.loss.d1(H[i], y[i]);
    d2[i] = p.loss.d2(H[i], y[i]);
    mu += hStar[i] * d1[i];
    kappa[i] = b === 1 || rng.nextFloat() < b ? 1 / b : 0;
    g[i] = kappa[i] * d1[i];
  }
  return (p.alpha * mu) / H.length;
}

/**
 * QR of g(t)/sqrt(S): row t of SigmaG = alpha R^T R and, per level, `zeta_k(t) = sqrt(alpha) Σ_j R(j,t)
 * xi_k[j]`, whose empirical covariance is exactly SigmaG (moment-matched xi).
 */
export function noise(p: DmftProblem, ws: WeightSide, side: SampleSide, qr: IncrementalQr, t: number): void {
  const S = p.samples;
  const n = ws.n;
  const u = new Float64Array(S);
  const inv = 1 / Math.sqrt(S);
  for (let i = 0; i < S; i++) u[i] = side.g[i] * inv;
  const r = qr.push(u);
  const columns = side.R;
  columns.push(r);
  for (let s = 0; s <= t; s++) {
    const rs = columns[s];
    let sum = 0;
    for (let k = 0; k <= s; k++) sum += rs[k] * r[k];
    ws.SigmaG[t * n + s] = p.alpha * sum;
    ws.SigmaG[s * n + t] = p.alpha * sum;
  }
  const sa = Math.sqrt(p.alpha);
  side.xi.forEach((xi, k) => {
    const zeta = new Float64Array(S);
    for (let j = 0; j <= t; j++) axpy(sa * r[j], xi[j], zeta);
    side.zeta[k].push(zeta);
  });
  side.gs.push(Float64Array.from(side.g));
}
