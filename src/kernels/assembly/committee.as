// The erf committee machine's I4 sums for all student pairs (see kernels.as for the conventions): the
// arithmetic of erfI4Sum in src/models/committee/erf-integrals.ts operation for operation, with its
// n(n+1)/2 arcsines per pair evaluated two at a time by asin2 (Math.asin's doubles).
import { at } from "./blas";
import { asin2 } from "./arcsine";

const fourOverPi2: f64 = 4 / (Math.PI * Math.PI);

/**
 * out[q] = sum_{c,e} u_c u_e I4(a, b, c, e) for the erf activation, for every pair a <= b < p in packed
 * order (q = 0 for (0, 0), then (0, 1), ...), on the joint covariance C (n x n, row-major) with weights u.
 * work holds 3 n + 2 m entries, m = n (n + 1) / 2 rounded up to even: alpha, beta, 1/sqrt(Lambda1),
 * the arguments and their arcsines.
 */
export function erfI4Block(C: usize, n: i32, p: i32, u: usize, out: usize, work: usize): void {
  const m = (n * (n + 1)) >> 1;
  const even = (m + 1) & ~1;
  const alpha = work;
  const beta = at(work, n);
  const rs = at(work, 2 * n);
  const args = at(work, 3 * n);
  const asins = at(args, even);
  if (even > m) store<f64>(at(args, m), 0);
  let q = 0;
  for (let a = 0; a < p; a++)
    for (let b = a; b < p; b++) {
      const c11 = 1 + load<f64>(at(C, a * n + a));
      const c22 = 1 + load<f64>(at(C, b * n + b));
      const c12 = load<f64>(at(C, a * n + b));
      const l4 = c11 * c22 - c12 * c12;
      pairArguments(C, n, a, b, c11, c22, c12, l4, alpha, beta, rs, args);
      for (let i = 0; i < m; i += 2) v128.store(at(asins, i), asin2(v128.load(at(args, i))));
      store<f64>(at(out, q++), (fourOverPi2 * pairSum(n, u, asins)) / Math.sqrt(l4));
    }
}

/** The arcsine arguments of one pair (a, b), for c <= e in row order: Lambda0 / sqrt(Lambda1(c) Lambda1(e)). */
@inline
function pairArguments(
  C: usize, n: i32, a: i32, b: i32, c11: f64, c22: f64, c12: f64, l4: f64,
  alpha: usize, beta: usize, rs: usize, args: usize,
): void {
  for (let c = 0; c < n; c++) {
    const al = load<f64>(at(C, a * n + c));
    const be = load<f64>(at(C, b * n + c));
    store<f64>(at(alpha, c), al);
    store<f64>(at(beta, c), be);
    const l1 = l4 * (1 + load<f64>(at(C, c * n + c))) - be * be * c11 - al * al * c22 + 2 * c12 * al * be;
    store<f64>(at(rs, c), 1 / Math.sqrt(l1));
  }
  let k = 0;
  for (let c = 0; c < n; c++) {
    const al = load<f64>(at(alpha, c));
    const be = load<f64>(at(beta, c));
    const rc = load<f64>(at(rs, c));
    const fb = c12 * al - c11 * be;
    const fa = c12 * be - c22 * al;
    const row = c * n;
    store<f64>(at(args, k++), (l4 * load<f64>(at(C, row + c)) + fb * be + fa * al) * rc * rc);
    const vl4 = f64x2.splat(l4);
    const vfb = f64x2.splat(fb);
    const vfa = f64x2.splat(fa);
    const vrc = f64x2.splat(rc);
    let e = c + 1;
    for (; e + 2 <= n; e += 2, k += 2) {
      const cb = f64x2.add(f64x2.mul(vl4, v128.load(at(C, row + e))), f64x2.mul(vfb, v128.load(at(beta, e))));
      const x = f64x2.add(cb, f64x2.mul(vfa, v128.load(at(alpha, e))));
      v128.store(at(args, k), f64x2.mul(f64x2.mul(x, vrc), v128.load(at(rs, e))));
    }
    for (; e < n; e++) {
      const x = l4 * load<f64>(at(C, row + e)) + fb * load<f64>(at(beta, e)) + fa * load<f64>(at(alpha, e));
      store<f64>(at(args, k++), x * rc * load<f64>(at(rs, e)));
    }
  }
}

/** sum_c 2 u_c (u_c asin_cc / 2 + sum_{e > c} u_e asin_ce), skipping u_c = 0, in erfI4Sum's order. */
@inline
function pairSum(n: i32, u: usize, asins: usize): f64 {
  let s: f64 = 0;
  let k = 0;
  for (let c = 0; c < n; c++) {
    const uc = load<f64>(at(u, c));
    if (uc == 0) {
      k += n - c;
      continue;
    }
    let t = 0.5 * uc * load<f64>(at(asins, k++));
    for (let e = c + 1; e < n; e++) t += load<f64>(at(u, e)) * load<f64>(at(asins, k++));
    s += 2 * uc * t;
  }
  return s;
}

/**
 * rows[a n + b] = sum_c u_c I3(a, b, c) for the erf activation, for every student a < p and field b < n:
 * with w_c = u_c / sqrt(Cbar_aa Cbar_cc - C_ac^2) and S_b = sum_c w_c C_bc (c in order),
 * rows = (2/pi) (S_b - C_ab S_a / Cbar_aa), as erfI3Row of src/models/committee/erf-integrals.ts; two
 * fields b at a time (one lane each). work holds n entries.
 */
export function erfI3Block(C: usize, n: i32, p: i32, u: usize, rows: usize, work: usize): void {
  const twoOverPi: f64 = 2 / Math.PI;
  for (let a = 0; a < p; a++) {
    const c11 = 1 + load<f64>(at(C, a * n + a));
    for (let c = 0; c < n; c++) {
      const c13 = load<f64>(at(C, a * n + c));
      store<f64>(at(work, c), load<f64>(at(u, c)) / Math.sqrt(c11 * (1 + load<f64>(at(C, c * n + c))) - c13 * c13));
    }
    let sa: f64 = 0;
    for (let c = 0; c < n; c++) sa += load<f64>(at(work, c)) * load<f64>(at(C, a * n + c));
    const out = at(rows, a * n);
    let b = 0;
    for (; b + 2 <= n; b += 2) {
      let sb = f64x2.splat(0);
      for (let c = 0; c < n; c++) {
        const pair = f64x2.replace_lane(f64x2.splat(load<f64>(at(C, b * n + c))), 1, load<f64>(at(C, (b + 1) * n + c)));
        sb = f64x2.add(sb, f64x2.mul(f64x2.splat(load<f64>(at(work, c))), pair));
      }
      const cab = f64x2.replace_lane(f64x2.splat(load<f64>(at(C, a * n + b))), 1, load<f64>(at(C, a * n + b + 1)));
      const r = f64x2.sub(sb, f64x2.div(f64x2.mul(cab, f64x2.splat(sa)), f64x2.splat(c11)));
      v128.store(at(out, b), f64x2.mul(f64x2.splat(twoOverPi), r));
    }
    for (; b < n; b++) {
      let sb: f64 = 0;
      for (let c = 0; c < n; c++) sb += load<f64>(at(work, c)) * load<f64>(at(C, b * n + c));
      store<f64>(at(out, b), twoOverPi * (sb - (load<f64>(at(C, a * n + b)) * sa) / c11));
    }
  }
}
