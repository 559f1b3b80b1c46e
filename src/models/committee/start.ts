import { psdFactor } from "../../core/psd-factor.js";
import type { Rng } from "../../core/rng.js";
import { packedIndex } from "./layout.js";
import type { CommitteeSetup } from "./setup.js";
import type { CommitteeSpec } from "./spec.js";

/**
 * The start of one run: the joint Gram matrix `G = [[Q, M], [Mᵀ, P]]` (packed upper triangle, n = p + k
 * fields, students first) and, for the full simulator, the weights themselves (`W` p×d then `W*` k×d,
 * row-major).
 */
export interface CommitteeStart {
  G: Float64Array;
  weights?: Float64Array;
}

/**
 * Draw the start of a run from its stream (the same draws whether the run is then simulated or only
 * its ODE is solved):
 * - `{ random: true, scale }`, full: teacher rows `N(0, I_d)` (k·d normals), then student rows
 *   `N(0, scale² I_d)` (p·d normals); G their overlaps.
 * - `{ random: true, scale }`, dimension-free or none: G of the same law at O(n²) cost (Bartlett).
 * - `{ Q, M, P }`: G as given; the full simulator gets weights with exactly that Gram matrix,
 *   `w_a = √d Σ_r L_ar b_r` with `L Lᵀ = G` (pivoted Cholesky, any rank) and `b_r` orthonormal, from
 *   Gram–Schmidt on Gaussian vectors.
 *
 * @example committeeStart(spec, setup, Rng.fromSeed(1).split(0)).G
 */
export function committeeStart(spec: CommitteeSpec, setup: CommitteeSetup, rng: Rng): CommitteeStart {
  const { p, n } = setup.lay;
  const d = setup.d;
  const full = spec.simulation === "full";
  if ("random" in spec.init) {
    const s = spec.init.scale;
    const scale = (a: number) => (a < p ? s : 1);
    if (!full) return { G: scaledWishart(n, d, scale, rng) };
    const weights = new Float64Array(n * d);
    rng.fillNormal(weights, p * d);
    rng.fillNormal(weights, 0, p * d);
    for (let j = 0; j < p * d; j++) weights[j] *= s;
    return { G: gramOf(weights, n, d), weights };
  }
  const G = explicitGram(spec.init, p, n);
  return full ? { G, weights: weightsWithGram(G, n, d, rng) } : { G };
}

/** The packed joint Gram matrix of explicit Q, M, P. */
export function explicitGram(init: { Q: number[][]; M: number[][]; P: number[][] }, p: number, n: number) {
  const G = new Float64Array((n * (n + 1)) / 2);
  const entry = (a: number, b: number) =>
    a < p ? (b < p ? init.Q[a][b] : init.M[a][b - p]) : init.P[a - p][b - p];
  for (let a = 0; a < n; a++) for (let b = a; b < n; b++) G[packedIndex(n, a, b)] = entry(a, b);
  return G;
}

/** `G_ab = w_a · w_b / d` of n rows of length d, packed. */
export function gramOf(weights: Float64Array, n: number, d: number): Float64Array {
  const G = new Float64Array((n * (n + 1)) / 2);
  for (let a = 0; a < n; a++)
    for (let b = a; b < n; b++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += weights[a * d + j] * weights[b * d + j];
      G[packedIndex(n, a, b)] = s / d;
    }
  return G;
}

/**
 * The Gram matrix (over d) of n independent rows `N(0, scale(a)² I_d)`, by Bartlett's decomposition
 * `X Xᵀ = T Tᵀ` with `T_aa² ~ χ²(d − a)` (0-based) and `T_ab ~ N(0,1)` below the diagonal: exact in law,
 * O(n²) whatever d (needs d >= n).
 */
function scaledWishart(n: number, d: number, scale: (a: number) => number, rng: Rng): Float64Array {
  const T = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    T[a * n + a] = Math.sqrt(rng.chiSquare(d - a));
    for (let b = 0; b < a; b++) T[a * n + b] = rng.normal();
  }
  const G = new Float64Array((n * (n + 1)) / 2);
  for (let a = 0; a < n; a++)
    for (let b = a; b < n; b++) {
      let s = 0;
      for (let c = 0; c <= a; c++) s += T[a * n + c] * T[b * n + c];
      G[packedIndex(n, a, b)] = (scale(a) * scale(b) * s) / d;
    }
  return G;
}

/** Rows `w_a = √d Σ_r L_ar b_r` whose Gram matrix over d is exactly G (any rank <= d). */
function weightsWithGram(G: Float64Array, n: number, d: number, rng: Rng): Float64Array {
  const L = new Float64Array(n * n);
  const rank = psdFactor(n, G, L, new Float64Array(2 * n));
  const basis = new Float64Array(rank * d);
  for (let r = 0; r < rank; r++) {
    const b = basis.subarray(r * d, (r + 1) * d);
    rng.fillNormal(b);
    for (let q = 0; q < r; q++) {
      const c = basis.subarray(q * d, (q + 1) * d);
      let s = 0;
      for (let j = 0; j < d; j++) s += b[j] * c[j];
      for (let j = 0; j < d; j++) b[j] -= s * c[j];
    }
    let s = 0;
    for (let j = 0; j < d; j++) s += b[j] * b[j];
    const f = 1 / Math.sqrt(s);
    for (let j = 0; j < d; j++) b[j] *= f;
  }
  const weights = new Float64Array(n * d);
  const sd = Math.sqrt(d);
  for (let a = 0; a < n; a++)
    for (let r = 0; r < rank; r++) {
      const l = sd * L[a * n + r];
      for (let j = 0; j < d; j++) weights[a * d + j] += l * basis[r * d + j];
    }
  return weights;
}
