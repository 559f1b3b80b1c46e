import { type CommitteeIntegrals, withSums } from "./integrals.js";
import { orthantMoment } from "./relu-orthant.js";

const twoPi = 2 * Math.PI;

/** Correlation clamped to [-1, 1], and `D = C_aa C_bb − C_ab² >= 0`. */
function pair(C: Float64Array, n: number, a: number, b: number): [number, number] {
  const caa = C[a * n + a];
  const cbb = C[b * n + b];
  const cab = C[a * n + b];
  const rho = Math.max(-1, Math.min(1, cab / Math.sqrt(caa * cbb)));
  return [rho, Math.max(caa * cbb - cab * cab, 0)];
}

/** A field with zero variance is 0 almost surely: g = g' = 0 there. */
function degenerate(C: Float64Array, n: number, a: number): boolean {
  return !(C[a * n + a] > 0);
}

/**
 * Averages for `g(x) = max(x, 0)`, `g'(x) = 1{x > 0}` (science/06 §4.3): closed forms for I2 (arc-cosine
 * kernel of degree 1), J2 and I3 (Stein's lemma on the linear middle argument),
 *
 * $$ I_2 = \frac{\sqrt{D_{12}} + C_{12}(\pi/2 + \arcsin\rho_{12})}{2\pi},\quad
 *    J_2 = \tfrac14 + \frac{\arcsin\rho_{12}}{2\pi},\quad
 *    I_3 = \frac{C_{12}\sqrt{D_{13}}}{2\pi C_{11}} + C_{23}\Big(\tfrac14 + \frac{\arcsin\rho_{13}}{2\pi}\Big), $$
 *
 * and I4 as a Gaussian orthant moment ({@link orthantMoment}): repeated fields are merged first
 * (`g'(u)^a g(u)^b = u^b 1{u>0}`), so the covariance handed on is that of distinct fields.
 *
 * @example reluIntegrals.j2(new Float64Array([1, 0, 0, 1]), 2, 0, 1) // 0.25
 */
export const reluIntegrals: CommitteeIntegrals = withSums({
  activation: "relu",
  g: (x) => Math.max(x, 0),
  dg: (x) => (x > 0 ? 1 : 0),
  i2(C, n, a, b) {
    if (degenerate(C, n, a) || degenerate(C, n, b)) return 0;
    const [rho, D] = pair(C, n, a, b);
    return (Math.sqrt(D) + C[a * n + b] * (Math.PI / 2 + Math.asin(rho))) / twoPi;
  },
  j2(C, n, a, b) {
    if (degenerate(C, n, a) || degenerate(C, n, b)) return 0;
    return 0.25 + Math.asin(pair(C, n, a, b)[0]) / twoPi;
  },
  i3(C, n, a, b, c) {
    if (degenerate(C, n, a) || degenerate(C, n, c)) return 0;
    const [rho, D] = pair(C, n, a, c);
    return (
      (C[a * n + b] * Math.sqrt(D)) / (twoPi * C[a * n + a]) + C[b * n + c] * (0.25 + Math.asin(rho) / twoPi)
    );
  },
  i4(C, n, a, b, c, e) {
    const fields: number[] = [];
    const power: number[] = [];
    for (const [f, m] of [
      [a, 0],
      [b, 0],
      [c, 1],
      [e, 1],
    ]) {
      if (degenerate(C, n, f)) return 0;
      const at = fields.indexOf(f);
      if (at >= 0) power[at] += m;
      else {
        fields.push(f);
        power.push(m);
      }
    }
    const S = fields.map((x) => fields.map((y) => C[x * n + y]));
    return mergeParallel(S, power);
  },
});

/**
 * Merge distinct fields that are the same up to a positive factor (correlation 1 to 1e-12, e.g. a
 * student unit that has learned a teacher unit exactly): `u_b = s u_a` turns `u_b^m 1{u_b>0}` into
 * `s^m u_a^m 1{u_a>0}`. A correlation of −1 makes the orthant empty (both indicators are present): 0.
 */
function mergeParallel(S: number[][], power: number[]): number {
  for (let i = 0; i < S.length; i++)
    for (let j = i + 1; j < S.length; j++) {
      const rho = S[i][j] / Math.sqrt(S[i][i] * S[j][j]);
      if (rho <= -1 + 1e-12) return 0;
      if (rho < 1 - 1e-12) continue;
      const s = Math.sqrt(S[j][j] / S[i][i]);
      const keep = S.map((_, x) => x).filter((x) => x !== j);
      const merged = power.slice();
      merged[i] += power[j];
      return (
        s ** power[j] *
        mergeParallel(
          keep.map((x) => keep.map((y) => S[x][y])),
          keep.map((x) => merged[x]),
        )
      );
    }
  return orthantMoment(S, power);
}
