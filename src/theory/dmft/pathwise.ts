import type { DmftProblem } from "./problem.js";
import type { SampleSide } from "./sample-side.js";
import type { WeightSide } from "./weight-side.js";

/** Pathwise responses chi(t, s), s < t, and row t of Gamma; stores a(t) = kappa(t) loss''(t). */
export function pathwiseResponses(p: DmftProblem, ws: WeightSide, side: SampleSide, t: number): void {
  const S = p.samples;
  const { acc, d2, a, chi, kappa } = side;
  const n = ws.n;
  const row = new Float32Array(S * t);
  const B = side.B;
  for (let r = 0; r < t; r++) {
    const c = -ws.kick(t, r);
    const ar = a[r];
    const off = r * S;
    for (let i = 0; i < S; i++) B[off + i] = c * ar[i];
  }
  for (let s = 0; s < t; s++) {
    const off = s * S;
    for (let i = 0; i < S; i++) acc[i] = B[off + i];
    for (let r = s + 1; r < t; r++) accumulate(acc, B, r * S, chi[r], off, S);
    let gamma = 0;
    for (let i = 0; i < S; i++) {
      gamma += d2[i] * acc[i];
      row[off + i] = acc[i];
    }
    ws.Gamma[t * n + s] = (p.alpha * gamma) / S;
  }
  let diag = 0;
  const at = new Float64Array(S);
  for (let i = 0; i < S; i++) {
    diag += d2[i];
    at[i] = kappa[i] * d2[i];
  }
  ws.Gamma[t * n + t] = (p.alpha * diag) / S;
  a.push(at);
  chi.push(row);
}

/** `acc += B[bOff..] * chi[cOff..]` over S samples (the hot loop of the pathwise responses). */
function accumulate(
  acc: Float64Array,
  B: Float64Array,
  bOff: number,
  chi: Float32Array,
  cOff: number,
  S: number,
) {
  for (let i = 0; i < S; i++) acc[i] += B[bOff + i] * chi[cOff + i];
}
