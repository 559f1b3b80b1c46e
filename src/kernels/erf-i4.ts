const twoOverPi = 2 / Math.PI;
const fourOverPi2 = 4 / (Math.PI * Math.PI);

/** Entries of scratch that {@link erfI4Pair} needs for n fields: α, β, 1/√Λ1 (3n) and room for the wasm arcsines. */
export function erfI4WorkLength(n: number): number {
  const m = (n * (n + 1)) / 2;
  return 3 * n + 2 * (m + (m % 2));
}

/**
 * `Σ_{c,e} u_c u_e I4(a, b, c, e)` for the activation `erf(x/√2)` (science/06 §4.1): per field c,
 * `α_c = C_ac`, `β_c = C_bc` and `1/√Λ1(c)`; per pair c <= e,
 * `Λ0 = Λ4 C_ce − C̄_aa β_c β_e − C̄_bb α_c α_e + C_ab (α_c β_e + α_e β_c)` and one arcsine of
 * `Λ0/√(Λ1(c)Λ1(e))`; the sum is `(4/π²) Λ4^{-1/2} Σ_c 2u_c (u_c asin_cc/2 + Σ_{e>c} u_e asin_ce)`.
 * This is the reference of the wasm kernel `erfI4Block` (same operations, same order); `work` holds
 * {@link erfI4WorkLength}(n) entries.
 *
 * @example erfI4Pair(C, n, 0, 1, u, new Float64Array(erfI4WorkLength(n)))
 */
export function erfI4Pair(
  C: Float64Array,
  n: number,
  a: number,
  b: number,
  u: Float64Array,
  work: Float64Array,
): number {
  const c11 = 1 + C[a * n + a];
  const c22 = 1 + C[b * n + b];
  const c12 = C[a * n + b];
  const l4 = c11 * c22 - c12 * c12;
  for (let c = 0; c < n; c++) {
    const al = C[a * n + c];
    const be = C[b * n + c];
    work[c] = al;
    work[n + c] = be;
    work[2 * n + c] =
      1 / Math.sqrt(l4 * (1 + C[c * n + c]) - be * be * c11 - al * al * c22 + 2 * c12 * al * be);
  }
  let s = 0;
  for (let c = 0; c < n; c++) {
    const uc = u[c];
    if (uc === 0) continue;
    const al = work[c];
    const be = work[n + c];
    const rc = work[2 * n + c];
    // Λ0 is linear in (α_e, β_e, C_ce): Λ0 = Λ4 C_ce + fb β_e + fa α_e.
    const fb = c12 * al - c11 * be;
    const fa = c12 * be - c22 * al;
    const row = c * n;
    let t = 0.5 * uc * Math.asin((l4 * C[row + c] + fb * be + fa * al) * rc * rc);
    for (let e = c + 1; e < n; e++)
      t += u[e] * Math.asin((l4 * C[row + e] + fb * work[n + e] + fa * work[e]) * rc * work[2 * n + e]);
    s += 2 * uc * t;
  }
  return (fourOverPi2 * s) / Math.sqrt(l4);
}

/**
 * `out[b] = Σ_c u_c I3(a, b, c)` for erf: with `w_c = u_c / √(C̄_aa C̄_cc − C_ac²)` and `S_b = Σ_c w_c C_bc`,
 * `out[b] = (2/π)(S_b − C_ab S_a / C̄_aa)`: O(n²) per row and n square roots (`rs`, length n, holds the
 * `w_c`). The reference of the wasm kernel `erfI3Block` (every student's row, the same doubles).
 *
 * @example erfI3Row(C, n, 0, u, out, new Float64Array(n))
 */
export function erfI3Row(
  C: Float64Array,
  n: number,
  a: number,
  u: Float64Array,
  out: Float64Array,
  rs: Float64Array,
): void {
  const c11 = 1 + C[a * n + a];
  for (let c = 0; c < n; c++) {
    const c13 = C[a * n + c];
    rs[c] = u[c] / Math.sqrt(c11 * (1 + C[c * n + c]) - c13 * c13);
  }
  let sa = 0;
  for (let c = 0; c < n; c++) sa += rs[c] * C[a * n + c];
  for (let b = 0; b < n; b++) {
    let sb = 0;
    for (let c = 0; c < n; c++) sb += rs[c] * C[b * n + c];
    out[b] = twoOverPi * (sb - (C[a * n + b] * sa) / c11);
  }
}
