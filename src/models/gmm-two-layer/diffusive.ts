import type { OdeProblem } from "../../theory/ode/types.js";
import { GmmFunctionals } from "./functionals.js";
import { components, type GmmParams, stateLayout } from "./geometry.js";

/**
 * The diffusive limit of `U = sqrt(N) (w − w*)`, `w = (v, mMu[, mNu])`, at a fixed point `w*` of the
 * snr = Infinity ODE, on its smooth coordinates (see {@link smoothCoordinates}):
 *
 * $$ dU = J U\,dt + \sqrt{c_\Delta C}\,dB, \qquad S' = J S + S J^\top + c_\Delta C $$
 *
 * for the second moments `S = E[U Uᵀ]` of the smooth coordinates; the kink coordinates are pinned at 0
 * (a sliding mode whose restoring drift is O(1) in w, so O(√N) in U). `J` is the Jacobian of the ODE drift
 * restricted to the smooth coordinates (kink coordinates held at 0), by central differences of the drift
 * itself (science/01 warns that the printed drift of the paper's Props 4.3/5.1 looks sign-flipped).
 * `C = Σ_c p_c (g_c − ḡ)(g_c − ḡ)ᵀ` is the covariance of the per-sample drift `g_c` over the mixture
 * components at snr = Infinity: the sample enters only through its component, so rank C is the dimension
 * of the affine span of the `g_c` — 1 for binary; for XOR, the `g_c` of the occupied categories are
 * orthogonal, so rank 2 with two occupied categories and 3 at the optimum (all four). Per step,
 * `Cov(Δw) = δ² C`: the rate `N δ C = cDelta C`. RPerp decouples at snr = Infinity and is left out.
 *
 * @param params task, K, ridge (snr is taken as Infinity)
 * @param cDelta step constant
 * @param wStar the fixed point `(v, mMu)` (binary) or `(v, mMu, mNu)` (XOR)
 * @returns the Lyapunov ODE (state: S row-major, dim × dim, from S(0) = 0), J, C and `coords`, the index
 *   in w of each smooth coordinate (dim of them)
 * @example const { problem } = gmmDiffusive(params, 1, [c, -c, c, -c])
 * Reference: Ben Arous, Gheissari, Jagannath (2022), §5 (Props 4.3/5.1, drift re-derived); science/01 §§1, 3.
 */
export function gmmDiffusive(
  params: GmmParams,
  cDelta: number,
  wStar: readonly number[],
): { problem: OdeProblem; J: Float64Array; C: Float64Array; dim: number; coords: number[] } {
  const p = { ...params, snr: Number.POSITIVE_INFINITY };
  const coords = smoothCoordinates(p, wStar);
  const dim = coords.length;
  const J = jacobian(p, wStar, coords);
  const C = noiseCovariance(p, wStar, coords);
  const problem: OdeProblem = {
    dim: dim * dim,
    y0: new Float64Array(dim * dim),
    rhs(_t, S, dS) {
      for (let i = 0; i < dim; i++)
        for (let j = 0; j < dim; j++) {
          let a = cDelta * C[i * dim + j];
          for (let k = 0; k < dim; k++)
            a += J[i * dim + k] * S[k * dim + j] + S[i * dim + k] * J[j * dim + k];
          dS[i * dim + j] = a;
        }
    },
  };
  return { problem, J, C, dim, coords };
}

/**
 * Indices in `w = (v, mMu[, mNu])` of the coordinates on which the snr = Infinity drift is smooth at `w*`.
 * Binary: all 2K. XOR: a `mu` detector (`v_i > 0`) has `(v_i, mMu_i)`, a `nu` detector (`v_i < 0`)
 * `(v_i, mNu_i)`. The other overlap of a detector sits on the ReLU kink (`mNu_i = 0`): its one-sided drifts
 * `∓ |v_i| e_c / 4` (e_c = |sigmoid(z) − y| > 0 on the components it would see) both point to 0, a sliding
 * mode. A dead unit (`v_i = 0`) has none: its drift is piecewise linear and its noise vanishes at w*.
 *
 * @example smoothCoordinates({ task: "xor", K: 1, snr: 1, ridge: 0.1 }, [1, 1, 0]) // [0, 1]
 */
export function smoothCoordinates(p: GmmParams, wStar: readonly number[]): number[] {
  const { K } = p;
  if (p.task === "binary") return Array.from({ length: 2 * K }, (_, k) => k);
  const out: number[] = [];
  for (let i = 0; i < K; i++) if (wStar[i] !== 0) out.push(i);
  for (let i = 0; i < K; i++) if (wStar[i] > 0) out.push(K + i);
  for (let i = 0; i < K; i++) if (wStar[i] < 0) out.push(2 * K + i);
  return out;
}

/** The full state `[v, mMu, (mNu), RPerp = 0]` of a point `w`. */
function fullState(p: GmmParams, w: readonly number[]): Float64Array {
  const lay = stateLayout(p.task, p.K);
  const u = new Float64Array(lay.size);
  u.set(w.slice(0, lay.rPerp));
  return u;
}

/** Central-difference Jacobian (step 1e-6) of the drift, on the smooth coordinates (kinks held fixed). */
function jacobian(p: GmmParams, wStar: readonly number[], coords: number[]): Float64Array {
  const dim = coords.length;
  const f = new GmmFunctionals(p, 1);
  const du = new Float64Array(stateLayout(p.task, p.K).size);
  const J = new Float64Array(dim * dim);
  const h = 1e-6;
  coords.forEach((c, k) => {
    for (const sign of [1, -1]) {
      const w = [...wStar];
      w[c] += sign * h;
      const u = fullState(p, w);
      f.evaluate(u);
      f.drift(u, 0, du);
      coords.forEach((r, i) => {
        J[i * dim + k] += (sign * du[r]) / (2 * h);
      });
    }
  });
  return J;
}

/** Covariance over components of the per-sample drift of the smooth coordinates at snr = Infinity. */
function noiseCovariance(p: GmmParams, wStar: readonly number[], coords: number[]): Float64Array {
  const K = p.K;
  const dim = coords.length;
  const comps = components(p.task);
  const xor = p.task === "xor";
  const g = comps.map((c) => {
    const h = Array.from(
      { length: K },
      (_, i) => wStar[K + i] * c.aMu + (xor ? wStar[2 * K + i] * c.aNu : 0),
    );
    let z = 0;
    for (let i = 0; i < K; i++) z += wStar[i] * Math.max(h[i], 0);
    const e = 1 / (1 + Math.exp(-z)) - c.y;
    const full = new Float64Array(3 * K);
    for (let i = 0; i < K; i++) {
      const ci = h[i] >= 0 ? e * wStar[i] : 0;
      full[i] = -(e * Math.max(h[i], 0)) - p.ridge * wStar[i];
      full[K + i] = -ci * c.aMu - p.ridge * wStar[K + i];
      if (xor) full[2 * K + i] = -ci * c.aNu - p.ridge * wStar[2 * K + i];
    }
    return coords.map((k) => full[k]);
  });
  const mean = new Float64Array(dim);
  comps.forEach((c, k) => {
    for (let i = 0; i < dim; i++) mean[i] += c.p * g[k][i];
  });
  const C = new Float64Array(dim * dim);
  comps.forEach((c, k) => {
    for (let i = 0; i < dim; i++)
      for (let j = 0; j < dim; j++) C[i * dim + j] += c.p * (g[k][i] - mean[i]) * (g[k][j] - mean[j]);
  });
  return C;
}
