import type { OdeProblem } from "../../theory/ode/types.js";
import { type CommitteeIntegrals, generalisationError } from "./integrals.js";
import { type CommitteeLayout, committeeLayout, fillJoint, packedIndex } from "./layout.js";

/** Everything the committee ODE depends on, in the canonical convention (science/06 §1). */
export interface CommitteeOdeParams {
  integrals: CommitteeIntegrals;
  p: number;
  k: number;
  /** Canonical learning rate η. */
  eta: number;
  /** Label-noise variance σ². */
  noise: number;
  /** Teacher readout A (length k). */
  A: ArrayLike<number>;
  /** Student readout v: the frozen one, or the start when trained (length p). */
  v: ArrayLike<number>;
  /** Teacher–teacher overlaps P (k×k, row-major). */
  P: ArrayLike<number>;
  trainReadout: boolean;
  /** Include the η² I4 term. */
  quadratic: boolean;
  /** Include the η² σ² J2 term. */
  noiseTerm: boolean;
}

/**
 * The ODEs of the order parameters of online SGD on the committee machine, d → ∞ at fixed p, k, in
 * time t = steps/d (science/06 §3). With field weights `u = (v, −A)`:
 *
 * $$ \dot M_{in} = -\eta v_i \sum_c u_c I_3(\lambda_i, \nu_n, \phi_c), \qquad
 *    \dot v_i = -\eta \sum_c u_c I_2(\lambda_i, \phi_c), $$
 * $$ \dot Q_{ij} = -\eta v_i \sum_c u_c I_3(\lambda_i, \lambda_j, \phi_c) - \eta v_j \sum_c u_c I_3(\lambda_j, \lambda_i, \phi_c)
 *    + \eta^2 v_i v_j \Big[\sum_{c,e} u_c u_e I_4(\lambda_i,\lambda_j,\phi_c,\phi_e) + \sigma^2 J_2(\lambda_i,\lambda_j)\Big]. $$
 *
 * This is science/06 §3 term by term (`Σ_m A_m I3(·,·,ν_m) − Σ_j v_j I3(·,·,λ_j) = −Σ_c u_c I3(·,·,φ_c)`).
 * The state is `[Q upper triangle, M, v (trained only)]` ({@link committeeLayout}); the right-hand side
 * works on preallocated flat arrays and allocates nothing.
 *
 * @param params the model in canonical units
 * @param y0 the initial state
 * @example solveOde(committeeOde(params, y0), "rk4", [0, 1, 2], { h: 0.01 })
 * Reference: Saad & Solla, PRE 52 (1995); Goldt et al., NeurIPS 2019; science/06 §3.
 */
export function committeeOde(params: CommitteeOdeParams, y0: ArrayLike<number>): OdeProblem {
  const lay = committeeLayout(params.p, params.k, params.trainReadout);
  const { p, k, n } = lay;
  const { integrals, eta, noise } = params;
  const C = new Float64Array(n * n);
  const u = new Float64Array(n);
  const rows = new Float64Array(p * n);
  const rowViews = Array.from({ length: p }, (_, i) => rows.subarray(i * n, (i + 1) * n));
  const i4 = new Float64Array((p * (p + 1)) / 2);
  const A = Float64Array.from(params.A);
  const v0 = Float64Array.from(params.v);
  const P = Float64Array.from(params.P);
  const eta2 = eta * eta;
  const sigma2 = params.noiseTerm ? noise : 0;
  return {
    dim: lay.size,
    y0,
    rhs(_t, y, dy) {
      fillJoint(lay, y, P, v0, A, C, u);
      if (integrals.i3Block) integrals.i3Block(C, n, p, u, rows);
      else for (let i = 0; i < p; i++) integrals.i3Row(C, n, i, u, rowViews[i]);
      const block = params.quadratic && integrals.i4Block !== undefined;
      if (block) integrals.i4Block?.(C, n, p, u, i4);
      let q = 0;
      for (let i = 0; i < p; i++)
        for (let j = i; j < p; j++) {
          let d = -eta * (u[i] * rows[i * n + j] + u[j] * rows[j * n + i]);
          const w = eta2 * u[i] * u[j];
          if (w !== 0) {
            if (params.quadratic) d += w * (block ? i4[q] : integrals.i4Sum(C, n, i, j, u));
            if (sigma2 !== 0) d += w * sigma2 * integrals.j2(C, n, i, j);
          }
          dy[q++] = d;
        }
      for (let i = 0; i < p; i++)
        for (let r = 0; r < k; r++) dy[lay.m + i * k + r] = -eta * u[i] * rows[i * n + p + r];
      if (lay.v >= 0) for (let i = 0; i < p; i++) dy[lay.v + i] = -eta * integrals.i2Sum(C, n, i, u);
    },
  };
}

/**
 * A reader of the statistics of a state: `eg` (closed form) followed by the state itself (Q, M, v),
 * in the order of {@link committeeStatisticNames}. Allocates its scratch once.
 *
 * @param integrals the activation's averages
 * @param lay the layout
 * @param A the teacher readout
 * @example const read = committeeReader(erfIntegrals, lay, A); read(y, P, v, out) // out[0] = eg
 */
export function committeeReader(
  integrals: CommitteeIntegrals,
  lay: CommitteeLayout,
  A: ArrayLike<number>,
): (y: ArrayLike<number>, P: ArrayLike<number>, v: ArrayLike<number>, out: Float64Array) => void {
  const C = new Float64Array(lay.n * lay.n);
  const u = new Float64Array(lay.n);
  return (y, P, v, out) => {
    fillJoint(lay, y, P, v, A, C, u);
    out[0] = generalisationError(integrals, C, lay.n, u);
    for (let s = 0; s < lay.size; s++) out[s + 1] = y[s];
  };
}

/**
 * The ODE state `[Q packed, M, v]` of given matrices (rows of Q, M as arrays).
 *
 * @example stateOf(committeeLayout(1, 1, false), [[1]], [[0.5]], [1]) // Float64Array [1, 0.5]
 */
export function stateOf(
  lay: CommitteeLayout,
  Q: readonly (readonly number[])[],
  M: readonly (readonly number[])[],
  v: ArrayLike<number>,
): Float64Array {
  const y = new Float64Array(lay.size);
  for (let i = 0; i < lay.p; i++) {
    for (let j = i; j < lay.p; j++) y[packedIndex(lay.p, i, j)] = Q[i][j];
    for (let r = 0; r < lay.k; r++) y[lay.m + i * lay.k + r] = M[i][r];
    if (lay.v >= 0) y[lay.v + i] = v[i];
  }
  return y;
}
