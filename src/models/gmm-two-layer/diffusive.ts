import type { OdeProblem } from "../../theory/ode/types.js";
import { GmmFunctionals } from "./functionals.js";
import { components, type GmmParams, stateLayout } from "./geometry.js";

/**
 * The diffusive limit of `U = sqrt(N) (w − w*)`, `w = (v, mMu)`, at a fixed point `w*` of the binary
 * snr = Infinity ODE (the optimal classifier or a point of a bad quarter circle):
 *
 * $$ dU = J U\,dt + \sqrt{c_\Delta C}\,dB, \qquad S' = J S + S J^\top + c_\Delta C $$
 *
 * for the second moments `S = E[U Uᵀ]`. `J` is the Jacobian of the ODE drift at `w*`, by central
 * differences of the drift itself (science/01 warns that the printed drift of the paper's Props 4.3/5.1
 * looks sign-flipped: nothing is taken from print). `C = Σ_c p_c (g_c − ḡ)(g_c − ḡ)ᵀ` is the covariance
 * of the per-sample drift `g_c` over the mixture components at snr = Infinity: the sample only enters
 * through its component, so C has rank (components − 1) = 1 (binary). Per step, `Cov(Δw) = δ² C`, so
 * `U` gains `N δ² C` per step of length δ in t: the rate `N δ C = cDelta C`. RPerp decouples at
 * snr = Infinity (`RPerp' = −2 ridge RPerp`) and is left out.
 *
 * @param params binary task, K, ridge (snr is taken as Infinity)
 * @param cDelta step constant
 * @param wStar the fixed point `(v, mMu)`
 * @returns the Lyapunov ODE (state: S row-major, 2K × 2K, from S(0) = 0) and J, C for inspection
 * @example const { problem } = gmmDiffusive(params, 1, [c, -c, c, -c])
 * Reference: Ben Arous, Gheissari, Jagannath (2022), §5 (Props 4.3/5.1, drift re-derived); science/01 §§1, 3.
 */
export function gmmDiffusive(
  params: GmmParams,
  cDelta: number,
  wStar: readonly number[],
): { problem: OdeProblem; J: Float64Array; C: Float64Array; dim: number } {
  const p = { ...params, snr: Number.POSITIVE_INFINITY };
  const dim = 2 * p.K;
  const J = jacobian(p, wStar);
  const C = noiseCovariance(p, wStar);
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
  return { problem, J, C, dim };
}

/** The full state `[v, mMu, RPerp = 0]` of a point `w = (v, mMu)`. */
function fullState(p: GmmParams, w: readonly number[]): Float64Array {
  const u = new Float64Array(stateLayout(p.task, p.K).size);
  u.set(w.slice(0, 2 * p.K));
  return u;
}

/** Central-difference Jacobian (step 1e-6, error ~1e-12 relative on the smooth piece) of the drift of w. */
function jacobian(p: GmmParams, wStar: readonly number[]): Float64Array {
  const dim = 2 * p.K;
  const f = new GmmFunctionals(p, 1);
  const du = new Float64Array(stateLayout(p.task, p.K).size);
  const J = new Float64Array(dim * dim);
  const h = 1e-6;
  for (let k = 0; k < dim; k++) {
    for (const sign of [1, -1]) {
      const w = [...wStar];
      w[k] += sign * h;
      const u = fullState(p, w);
      f.evaluate(u);
      f.drift(u, 0, du);
      for (let i = 0; i < dim; i++) J[i * dim + k] += (sign * du[i]) / (2 * h);
    }
  }
  return J;
}

/** Covariance over components of the per-sample drift of `(v, mMu)` at snr = Infinity. */
function noiseCovariance(p: GmmParams, wStar: readonly number[]): Float64Array {
  const K = p.K;
  const dim = 2 * K;
  const comps = components(p.task);
  const g = comps.map((c) => {
    let z = 0;
    for (let i = 0; i < K; i++) z += wStar[i] * Math.max(wStar[K + i] * c.aMu, 0);
    const e = 1 / (1 + Math.exp(-z)) - c.y;
    const out = new Float64Array(dim);
    for (let i = 0; i < K; i++) {
      const h = wStar[K + i] * c.aMu;
      out[i] = -(e * Math.max(h, 0)) - p.ridge * wStar[i];
      out[K + i] = -(h >= 0 ? e * wStar[i] * c.aMu : 0) - p.ridge * wStar[K + i];
    }
    return out;
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
