import type { Rng } from "../../core/rng.js";
import { IncrementalQr } from "./incremental-qr.js";

/**
 * `count` columns of S standard normals, centred and whitened so that their empirical second moments
 * `(1/S) Σ_i a_i b_i` are exactly the identity (moment matching): each column is drawn, centred,
 * orthogonalised against the earlier ones and scaled to `(1/S) Σ a_i^2 = 1`.
 * Square-loss GD is then solved exactly by the DMFT at any S, and SGD's Monte Carlo error drops.
 *
 * @param count number of columns, at most S - 1 (centring removes one dimension)
 * @example const [hStar, eps, z0, ...xi] = momentMatchedNormals(rng, 10_000, T + 3)
 * Reference: science/02 §3 (moment matching).
 */
export function momentMatchedNormals(rng: Rng, samples: number, count: number): Float64Array[] {
  const S = samples;
  const qr = new IncrementalQr(S);
  const ones = new Float64Array(S).fill(1 / Math.sqrt(S));
  qr.push(ones);
  const out: Float64Array[] = [];
  const scale = Math.sqrt(S);
  for (let c = 0; c < count; c++) {
    const u = new Float64Array(S);
    rng.fillNormal(u);
    qr.push(u);
    // The new basis vector (unit norm, orthogonal to the constant and the earlier columns) times sqrt(S).
    const e = qr.vector(c + 1);
    for (let i = 0; i < S; i++) u[i] = e[i] * scale;
    out.push(u);
  }
  return out;
}
