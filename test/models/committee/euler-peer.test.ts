import { describe, expect, it } from "vitest";
import { runCommittee } from "./run-committee.js";

// An independent implementation of the peers' own Euler schemes for erf(x/√2), written from
// science/06 §§4.1 and 5 with plain matrices (no code shared with src/): acceptance 2 of issue 15.

type Cov = (a: number, b: number) => number;
const I2 = (C: Cov, a: number, b: number) =>
  (2 / Math.PI) * Math.asin(C(a, b) / Math.sqrt((1 + C(a, a)) * (1 + C(b, b))));
const J2 = (C: Cov, a: number, b: number) =>
  2 / Math.PI / Math.sqrt((1 + C(a, a)) * (1 + C(b, b)) - C(a, b) ** 2);
const I3 = (C: Cov, a: number, b: number, c: number) => {
  const c11 = 1 + C(a, a);
  return (
    ((2 / Math.PI) * (C(b, c) * c11 - C(a, b) * C(a, c))) /
    (c11 * Math.sqrt(c11 * (1 + C(c, c)) - C(a, c) ** 2))
  );
};
const I4 = (C: Cov, a: number, b: number, c: number, e: number) => {
  const [c11, c22, c33, c44] = [1 + C(a, a), 1 + C(b, b), 1 + C(c, c), 1 + C(e, e)];
  const [c12, c13, c14, c23, c24, c34] = [C(a, b), C(a, c), C(a, e), C(b, c), C(b, e), C(c, e)];
  const l4 = c11 * c22 - c12 * c12;
  const l0 = l4 * c34 - c23 * c24 * c11 - c13 * c14 * c22 + c12 * c13 * c24 + c12 * c14 * c23;
  const l1 = l4 * c33 - c23 * c23 * c11 - c13 * c13 * c22 + 2 * c12 * c13 * c23;
  const l2 = l4 * c44 - c24 * c24 * c11 - c14 * c14 * c22 + 2 * c12 * c14 * c24;
  return ((4 / (Math.PI * Math.PI)) * Math.asin(l0 / Math.sqrt(l1 * l2))) / Math.sqrt(l4);
};

/** Fields: students 0..p-1 (λ), teachers p..p+k-1 (ν). */
function covOf(Q: number[][], M: number[][], P: number[][], p: number): Cov {
  return (a, b) => (a < p ? (b < p ? Q[a][b] : M[a][b - p]) : b < p ? M[b][a - p] : P[a - p][b - p]);
}

function eg(Q: number[][], M: number[][], P: number[][], p: number, k: number): number {
  const C = covOf(Q, M, P, p);
  let s = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) s += I2(C, i, j) / (p * p);
  for (let i = 0; i < p; i++) for (let n = 0; n < k; n++) s -= (2 * I2(C, i, p + n)) / (p * k);
  for (let n = 0; n < k; n++) for (let m = 0; m < k; m++) s += I2(C, p + n, p + m) / (k * k);
  return s / 2;
}

/**
 * One Euler step of a peer's equations, mean readouts v = 1/p, A = 1/k, with the peer's factors:
 * - IdePHICS (arnaboldi-2023) in τ: I3 terms without η, I4 and J2 terms with an extra γ/p (science/06 §5);
 * - phdiag (veiga-2022, κ = δ = 0) in t: dM = dt η (1/n)[...], I4 and J2 terms dt (η/n)² [...].
 * Written as `first × (I3 bracket) + second × (I4 bracket + noise J2)`.
 */
function peerStep(
  Q: number[][],
  M: number[][],
  P: number[][],
  first: number,
  second: number,
  noise: number,
  dt: number,
) {
  const p = Q.length;
  const k = P.length;
  const C = covOf(Q, M, P, p);
  const i3 = (a: number, b: number) => {
    let s = 0;
    for (let m = 0; m < k; m++) s += I3(C, a, b, p + m) / k;
    for (let l = 0; l < p; l++) s -= I3(C, a, b, l) / p;
    return s;
  };
  const i4 = (i: number, j: number) => {
    let s = 0;
    for (let l = 0; l < p; l++) for (let r = 0; r < p; r++) s += I4(C, i, j, l, r) / (p * p);
    for (let l = 0; l < p; l++) for (let n = 0; n < k; n++) s -= (2 * I4(C, i, j, l, p + n)) / (p * k);
    for (let n = 0; n < k; n++) for (let m = 0; m < k; m++) s += I4(C, i, j, p + n, p + m) / (k * k);
    return s;
  };
  const Q2 = Q.map((row, i) =>
    row.map((q, j) => q + dt * (first * (i3(i, j) + i3(j, i)) + second * (i4(i, j) + noise * J2(C, i, j)))),
  );
  const M2 = M.map((row, i) => row.map((x, n) => x + dt * first * i3(i, p + n)));
  return [Q2, M2];
}

const Q0 = [
  [0.3, 0.05, 0.02],
  [0.05, 0.25, -0.03],
  [0.02, -0.03, 0.4],
];
const M0 = [
  [0.1, 0.02],
  [0.03, 0.08],
  [-0.02, 0.05],
];
const P0 = [
  [1, 0.1],
  [0.1, 0.9],
];

describe("explicit Euler in a peer's convention matches an independent Euler integration (acceptance 2)", () => {
  it.each([
    // arnaboldi-2023: lr = gamma_over_p = 0.3, γ = p lr = 0.9; time τ; their dt = 1e-3.
    ["arnaboldi-2023", 0.3, 1e-3, 2, { first: 1, second: 0.9 / 3 }],
    // veiga-2022: γ0 = η = 0.9; time t; their dt = 5e-4 (here 1e-3 to keep the test short).
    ["veiga-2022", 0.9, 1e-3, 1, { first: 0.9 / 3, second: (0.9 / 3) ** 2 }],
  ] as const)("%s", async (convention, lr, dt, horizon, factors) => {
    const noise = 0.02;
    const record = await runCommittee({
      model: { name: "committee", d: 1000, student: { width: 3 }, teacher: { width: 2 }, noise },
      optimizer: { lr },
      convention,
      init: { Q: Q0, M: M0, P: P0 },
      ode: { method: "euler", dt },
      horizon,
      points: 5,
      runs: 1,
      simulation: "none",
    });
    expect(record.status).toBe("ok");
    const ode = record.series.find((s) => s.source === "ode")!;
    let [Q, M] = [Q0, M0];
    let steps = 0;
    for (let j = 0; j < ode.t.length; j++) {
      // The record's times are the convention's; integer step counts (pitfall: accumulated time).
      const target = Math.round(ode.t[j] / dt);
      for (; steps < target; steps++) [Q, M] = peerStep(Q, M, P0, factors.first, factors.second, noise, dt);
      // Both integrate the same map; they differ by rounding only (~1e-16 per step, <= 2000 steps).
      expect(Math.abs(ode.values.eg[j] - eg(Q, M, P0, 3, 2)), `t = ${ode.t[j]}`).toBeLessThan(1e-9);
      expect(Math.abs(ode.values["M[2,1]"][j] - M[2][1])).toBeLessThan(1e-9);
    }
    expect(steps).toBe(Math.round(horizon / dt));
  });
});
