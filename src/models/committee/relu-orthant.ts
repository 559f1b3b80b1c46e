import { gaussLegendre } from "../../theory/stationary/gauss-legendre.js";

/** Sub-panels per graded panel of Plackett's integral (8-point Gauss–Legendre each); see {@link plackettEdges}. */
export const plackettPanels = 1;

/** Relative size below which a (conditional) variance counts as zero. */
const tiny = 1e-14;

/**
 * Gaussian orthant moment `E[Π_k u_k^{m_k} 1{u_k > 0}]` of a centred Gaussian vector with covariance `S`
 * (r ≤ 4 fields, non-negative integer exponents), by Stein's lemma down to orthant probabilities
 * (science/06 §4.3, steps 2–3):
 *
 * $$ E[u_k F] = \sum_j S_{kj} E[\partial_j F],\qquad
 *    \partial_j 1\{u_j > 0\} = \delta(u_j) \to (2\pi S_{jj})^{-1/2}\, E[\,\cdot \mid u_j = 0]. $$
 *
 * A field with zero (conditional) variance is 0 almost surely, so its indicator vanishes: the moment is 0.
 *
 * @param S covariance, r×r (not modified)
 * @param m exponents, length r
 * @param panels Gauss–Legendre panels for the r = 4 orthant probability
 * @example orthantMoment([[1, 0.5], [0.5, 1]], [1, 0]) // E[u1 1{u1>0} 1{u2>0}] = (1 + 0.5) / (2√(2π))
 */
export function orthantMoment(S: number[][], m: number[], panels = plackettPanels): number {
  const r = m.length;
  const scale = Math.max(...S.map((row, i) => row[i]), 0);
  if (S.some((row, i) => !(row[i] > tiny * scale))) return 0;
  const k = m.findIndex((x) => x > 0);
  if (k < 0) return orthantProbability(S, panels);
  const mk = m.slice();
  mk[k]--;
  let sum = 0;
  for (let j = 0; j < r; j++) {
    if (S[k][j] === 0) continue;
    if (mk[j] > 0) {
      const mj = mk.slice();
      mj[j]--;
      sum += S[k][j] * mk[j] * orthantMoment(S, mj, panels);
    } else {
      const density = 1 / Math.sqrt(2 * Math.PI * S[j][j]);
      const rest = mk.filter((_, i) => i !== j);
      sum += S[k][j] * density * (r === 1 ? 1 : orthantMoment(condition(S, j), rest, panels));
    }
  }
  return sum;
}

/** Covariance of the other fields given field j = 0: `S − S_{·j} S_{j·} / S_jj`, field j removed. */
function condition(S: number[][], j: number): number[][] {
  const keep = S.map((_, i) => i).filter((i) => i !== j);
  return keep.map((a) => keep.map((b) => S[a][b] - (S[a][j] * S[b][j]) / S[j][j]));
}

/**
 * `P(u_k > 0 for all k)` for a centred Gaussian vector with covariance S, r ≤ 4 (science/06 §4.3 step 3):
 * 1/2, `1/4 + arcsin ρ/(2π)`, `1/8 + Σ arcsin ρ_ij/(4π)`, and for r = 4 Plackett's identity along
 * `R(t) = I + t(R − I)`, integrated in `t = 1 − s²` (smooth even when a correlation tends to ±1).
 */
export function orthantProbability(S: number[][], panels = plackettPanels): number {
  const r = S.length;
  const R = S.map((row, i) => row.map((x, j) => clamp(x / Math.sqrt(S[i][i] * S[j][j]))));
  if (r === 0) return 1;
  if (r === 1) return 0.5;
  if (r === 2) return 0.25 + Math.asin(R[0][1]) / (2 * Math.PI);
  if (r === 3) return 0.125 + (Math.asin(R[0][1]) + Math.asin(R[0][2]) + Math.asin(R[1][2])) / (4 * Math.PI);
  if (r !== 4) throw new Error(`orthantProbability: ${r} fields (at most 4)`);
  const f = (s: number) => 2 * s * plackettIntegrand(R, 1 - s * s);
  const edges = plackettEdges(R);
  let sum = 1 / 16;
  for (let i = 0; i + 1 < edges.length; i++) sum += gaussLegendre(f, edges[i], edges[i + 1], panels);
  return sum;
}

/**
 * Panels of Plackett's integral in s (t = 1 − s²): the integrand varies on the scale
 * `δ = √(1 − max R_ij²)` near s = 0 (where `1 − t²R² ≈ δ² + 2R²s²`), so the panels are graded
 * geometrically from δ/4 up to 1, with [0, 1/4], [1/4, 1/2], [1/2, 1] at least: 4 + log2(1/δ) panels of 8
 * nodes (32 nodes for a generic correlation, about 72 at 0.999).
 */
export function plackettEdges(R: number[][]): number[] {
  let r2 = 0;
  for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) r2 = Math.max(r2, R[i][j] * R[i][j]);
  const delta = Math.max(Math.sqrt(Math.max(1 - r2, 0)), 1e-8);
  const edges = [0];
  for (let e = Math.min(delta / 4, 0.25); e < 1; e *= 2) edges.push(e);
  edges.push(1);
  return edges;
}

const pairs: [number, number, number, number][] = [
  [0, 1, 2, 3],
  [0, 2, 1, 3],
  [0, 3, 1, 2],
  [1, 2, 0, 3],
  [1, 3, 0, 2],
  [2, 3, 0, 1],
];

/**
 * `Σ_{i<j} R_ij ∂P4/∂R_ij` at `R(t)`: `∂P4/∂ρ_ij = φ2(0, 0; tR_ij) · O2`, with `φ2(0,0;ρ) = 1/(2π√(1−ρ²))`
 * and O2 the orthant probability of the other two fields given fields i, j at 0 (Plackett 1954).
 */
function plackettIntegrand(R: number[][], t: number): number {
  let sum = 0;
  for (const [i, j, k, l] of pairs) {
    const rij = t * R[i][j];
    if (R[i][j] === 0) continue;
    const det = 1 - rij * rij;
    // Conditional covariance of (k, l) given (i, j) = 0, from the 2×2 inverse of the (i, j) block.
    const cond = (a: number, b: number) => {
      const [ai, aj, bi, bj] = [t * R[a][i], t * R[a][j], t * R[b][i], t * R[b][j]];
      const own = a === b ? 1 : t * R[a][b];
      return own - (ai * bi - rij * (ai * bj + aj * bi) + aj * bj) / det;
    };
    const ckl = cond(k, l);
    const ckk = cond(k, k);
    const cll = cond(l, l);
    const rho = ckk > 0 && cll > 0 ? clamp(ckl / Math.sqrt(ckk * cll)) : 0;
    sum += (R[i][j] / (2 * Math.PI * Math.sqrt(det))) * (0.25 + Math.asin(rho) / (2 * Math.PI));
  }
  return sum;
}

function clamp(x: number): number {
  return x > 1 ? 1 : Math.max(x, -1);
}
