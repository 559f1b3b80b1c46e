import { describe, expect, it } from "vitest";
import { erfIntegrals } from "../../../src/models/committee/erf-integrals.js";
import { type CommitteeIntegrals, generalisationError } from "../../../src/models/committee/integrals.js";
import { committeeLayout } from "../../../src/models/committee/layout.js";
import { committeeOde, committeeReader, stateOf } from "../../../src/models/committee/limits.js";
import { linearIntegrals } from "../../../src/models/committee/linear-integrals.js";
import { solveOde } from "../../../src/theory/ode/solve.js";

/** Joint covariance [[Q, M], [Mᵀ, P]] of raw weight rows (Q = wwᵀ/N, M = wBᵀ/N, P = BBᵀ/N). */
function jointOf(w: number[][], B: number[][]): Float64Array {
  const rows = [...w, ...B];
  const n = rows.length;
  const N = w[0].length;
  const C = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) C[a * n + b] = rows[a].reduce((s, x, j) => s + x * rows[b][j], 0) / N;
  return C;
}

function egOf(I: CommitteeIntegrals, w: number[][], B: number[][], v: number[], A: number[]): number {
  return generalisationError(
    I,
    jointOf(w, B),
    w.length + B.length,
    Float64Array.from([...v, ...A.map((a) => -a)]),
  );
}

// Public repo sgoldt/nn2pp, file test_nn2pp.cpp, tests eg_erf_scm, eg_erf_both, eg_lin_both
// (science/06 §7 case 1): raw weights, rows = units.
const w1 = [
  [
    0.34998185, -0.51730095, -1.27672365, 0.15857457, 0.80636752, -1.30266436, 1.04553608, -1.40581276,
    -0.40119664, 0.31838932,
  ],
  [
    0.25096269, -0.70390653, -1.60709434, -1.4129378, 0.29695629, -0.22066656, -0.06572677, -0.59777609,
    -0.83076419, -0.17760066,
  ],
  [
    1.35757829, -0.90800698, -1.06598149, 0.93462077, 0.38120508, -0.11103256, 0.20648807, -0.14869054,
    1.72580801, 0.59446499,
  ],
];
const B1 = [
  [
    -0.82269399, -0.36359333, -0.24440212, 0.49828238, 0.61007546, 0.82557495, -0.28769147, 0.24358059,
    -1.31009873, -1.15591452,
  ],
  [
    -0.28590803, -0.79115683, 0.40729374, 0.4940799, -1.17793196, 0.56464427, 1.99950537, 0.64308283,
    0.31500115, 0.18630809,
  ],
];
const w2 = [
  [1.04404, 0.583583, 1.43897, 0.963895, 0.795075],
  [-0.864295, -0.911849, 2.02883, 0.783554, -1.01488],
  [-0.451547, -0.772216, 0.780296, 0.799456, -0.0126815],
];
const v2 = [-1.3598, -0.0671005, -0.395626];
const B2 = [
  [-0.878181, -0.675171, 0.200794, -0.385201, -1.47387],
  [-0.0760653, -0.450636, 0.887182, 0.376101, -0.0873384],
];
const A2 = [0.965846, -1.40304];

describe("generalisation error: closed form against nn2pp (science/06 §7 case 1)", () => {
  it("eg_erf_scm, eg_erf_both, eg_lin_both to 1e-9 of the science file's 10-digit values", () => {
    // 10-digit values of science/06 §7.1 (nn2pp's published ones, 1.08045, 0.0803271, 0.287911, are rounded).
    expect(Math.abs(egOf(erfIntegrals, w1, B1, [1, 1, 1], [1, 1]) - 1.0804512961)).toBeLessThan(1e-9);
    expect(Math.abs(egOf(erfIntegrals, w2, B2, v2, A2) - 0.0803272026)).toBeLessThan(1e-9);
    expect(Math.abs(egOf(linearIntegrals, w2, B2, v2, A2) - 0.2879116944)).toBeLessThan(1e-9);
  });
});

/** Linear fixture of science/06 §7 case 2: p = 3, k = 2, v = (1, 0.5, -0.5), A = (1, -0.7), η = 0.4, σ² = 0.05. */
function linearCase(terms: boolean) {
  const C = jointOf(
    [
      [1, 0.2, -0.3, 0.5],
      [0.1, 0.8, 0.4, -0.2],
      [-0.6, 0.3, 0.9, 0.1],
    ],
    [
      [0.7, -0.5, 0.2, 0.3],
      [0.2, 0.6, -0.4, 0.8],
    ],
  );
  const n = 5;
  const lay = committeeLayout(3, 2, false);
  const Q = [0, 1, 2].map((i) => [0, 1, 2].map((j) => C[i * n + j]));
  const M = [0, 1, 2].map((i) => [3, 4].map((r) => C[i * n + r]));
  const P = [C[18], C[19], C[23], C[24]];
  const params = {
    integrals: linearIntegrals,
    p: 3,
    k: 2,
    eta: 0.4,
    noise: 0.05,
    A: [1, -0.7],
    v: [1, 0.5, -0.5],
    P,
    trainReadout: false,
    quadratic: terms,
    noiseTerm: terms,
  };
  const y0 = stateOf(lay, Q, M, params.v);
  return { params, y0, lay };
}

describe("linear activation against its closed form (science/06 §4.2, §7 case 2)", () => {
  it.each([
    [true, 0.84, (0.4 * 1.5 * 0.05) / (2 - 0.6)],
    [false, 1.2, 0],
  ])(
    "η² terms %s: e2(t) = (e2(0) − e∞) exp(−rate t) + e∞, RK4 dt = 1e-4 to t = 5, 1e-12",
    (terms, rate, eInf) => {
      const { params, y0, lay } = linearCase(terms);
      const t = [0, 1, 2, 3, 4, 5];
      const sol = solveOde(committeeOde(params, y0), "rk4", t, { h: 1e-4 });
      const read = committeeReader(linearIntegrals, lay, params.A);
      const out = new Float64Array(lay.size + 1);
      const y = new Float64Array(lay.size);
      const egAt = (j: number) => {
        for (let s = 0; s < lay.size; s++) y[s] = sol.y[s][j];
        read(y, params.P, params.v, out);
        return out[0];
      };
      const e20 = 2 * egAt(0);
      for (let j = 1; j < t.length; j++) {
        const exact = 0.5 * ((e20 - eInf) * Math.exp(-rate * t[j]) + eInf);
        // RK4's global error at h = 1e-4 is ~(h rate)^4 ~ 1e-16 relative; 1e-12 leaves room for rounding.
        expect(Math.abs(egAt(j) - exact), `t = ${t[j]}`).toBeLessThan(1e-12);
      }
    },
  );
});

describe("erf invariances (science/06 §7 case 3) and gradient flow", () => {
  const Q = [
    [1, 0.2],
    [0.2, 0.8],
  ];
  const base = {
    integrals: erfIntegrals,
    p: 2,
    k: 2,
    eta: 0.7,
    A: [1, 0.6],
    v: [1, 0.6],
    P: Q.flat(),
    trainReadout: true,
    quadratic: true,
    noiseTerm: true,
  };
  const lay = committeeLayout(2, 2, true);

  it("student = teacher: eg = 0 and a fixed point without noise (|dy| <= 1e-14); the J2 term pushes Q_ii up with noise", () => {
    const y0 = stateOf(lay, Q, Q, base.v);
    const out = new Float64Array(lay.size + 1);
    committeeReader(erfIntegrals, lay, base.A)(y0, base.P, base.v, out);
    expect(Math.abs(out[0])).toBeLessThan(1e-15);
    const dy = new Float64Array(lay.size);
    committeeOde({ ...base, noise: 0 }, y0).rhs(0, y0, dy);
    for (const x of dy) expect(Math.abs(x)).toBeLessThanOrEqual(1e-14);
    committeeOde({ ...base, noise: 0.1 }, y0).rhs(0, y0, dy);
    expect(dy[0]).toBeGreaterThan(0);
    expect(dy[2]).toBeGreaterThan(0);
  });

  it("without the η² terms and with v frozen, eg is non-increasing along RK4 (Δeg <= 1e-12 per step)", () => {
    const params = {
      ...base,
      trainReadout: false,
      quadratic: false,
      noiseTerm: false,
      noise: 0.3,
      v: [0.8, 0.5],
    };
    const lay2 = committeeLayout(2, 2, false);
    const y0 = stateOf(
      lay2,
      [
        [0.5, 0.1],
        [0.1, 0.3],
      ],
      [
        [0.1, 0.05],
        [0.02, 0.2],
      ],
      params.v,
    );
    const t = Array.from({ length: 201 }, (_, j) => j * 0.05);
    const sol = solveOde(committeeOde(params, y0), "rk4", t, { h: 0.05 });
    const read = committeeReader(erfIntegrals, lay2, params.A);
    const out = new Float64Array(lay2.size + 1);
    const y = new Float64Array(lay2.size);
    let last = Number.POSITIVE_INFINITY;
    for (let j = 0; j < t.length; j++) {
      for (let s = 0; s < lay2.size; s++) y[s] = sol.y[s][j];
      read(y, params.P, params.v, out);
      expect(out[0] - last, `t = ${t[j]}`).toBeLessThanOrEqual(1e-12);
      last = out[0];
    }
    expect(last).toBeLessThan(
      0.5 *
        (() => {
          read(y0, params.P, params.v, out);
          return out[0];
        })(),
    );
  });
});
