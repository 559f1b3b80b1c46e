// The matrix product kernel out += alpha S B (see kernels.as for the conventions).
import { at, axpy, axpy2, axpy4 } from "./blas";

/** True when alpha S_ik != 0 for every k of rows i and i + 1 (then both rows add the same terms). */
@inline
function denseRows(S: usize, i: i32, m: i32, alpha: f64): bool {
  for (let k = 0; k < 2 * m; k++) if (alpha * load<f64>(at(S, i * m + k)) == 0) return false;
  return true;
}

/**
 * Rows i and i + 1 of out += alpha S B when neither has a zero term: four rows of B at a time, each loaded
 * once for both output rows; every output entry adds its terms in order of k, as in matmulRow.
 */
function matmulRowPair(S: usize, B: usize, out: usize, i: i32, m: i32, w: i32, alpha: f64): void {
  const o1 = at(out, i * w);
  const o2 = at(out, (i + 1) * w);
  const s1 = at(S, i * m);
  const s2 = at(S, (i + 1) * m);
  let k = 0;
  for (; k + 4 <= m; k += 4) {
    const b1 = at(B, k * w);
    const b2 = at(B, (k + 1) * w);
    const b3 = at(B, (k + 2) * w);
    const b4 = at(B, (k + 3) * w);
    const a1 = f64x2.splat(alpha * load<f64>(at(s1, k)));
    const a2 = f64x2.splat(alpha * load<f64>(at(s1, k + 1)));
    const a3 = f64x2.splat(alpha * load<f64>(at(s1, k + 2)));
    const a4 = f64x2.splat(alpha * load<f64>(at(s1, k + 3)));
    const c1 = f64x2.splat(alpha * load<f64>(at(s2, k)));
    const c2 = f64x2.splat(alpha * load<f64>(at(s2, k + 1)));
    const c3 = f64x2.splat(alpha * load<f64>(at(s2, k + 2)));
    const c4 = f64x2.splat(alpha * load<f64>(at(s2, k + 3)));
    let j = 0;
    for (; j + 2 <= w; j += 2) {
      const x1 = v128.load(at(b1, j));
      const x2 = v128.load(at(b2, j));
      const x3 = v128.load(at(b3, j));
      const x4 = v128.load(at(b4, j));
      let u = f64x2.add(v128.load(at(o1, j)), f64x2.mul(a1, x1));
      u = f64x2.add(f64x2.add(f64x2.add(u, f64x2.mul(a2, x2)), f64x2.mul(a3, x3)), f64x2.mul(a4, x4));
      v128.store(at(o1, j), u);
      let v = f64x2.add(v128.load(at(o2, j)), f64x2.mul(c1, x1));
      v = f64x2.add(f64x2.add(f64x2.add(v, f64x2.mul(c2, x2)), f64x2.mul(c3, x3)), f64x2.mul(c4, x4));
      v128.store(at(o2, j), v);
    }
    if (j < w) {
      const e1 = f64x2.extract_lane(a1, 0);
      const e2 = f64x2.extract_lane(a2, 0);
      const e3 = f64x2.extract_lane(a3, 0);
      const e4 = f64x2.extract_lane(a4, 0);
      axpy4(e1, at(b1, j), e2, at(b2, j), e3, at(b3, j), e4, at(b4, j), at(o1, j), 1);
      const f1 = f64x2.extract_lane(c1, 0);
      const f2 = f64x2.extract_lane(c2, 0);
      const f3 = f64x2.extract_lane(c3, 0);
      const f4 = f64x2.extract_lane(c4, 0);
      axpy4(f1, at(b1, j), f2, at(b2, j), f3, at(b3, j), f4, at(b4, j), at(o2, j), 1);
    }
  }
  for (; k < m; k++) {
    axpy(alpha * load<f64>(at(s1, k)), at(B, k * w), o1, w);
    axpy(alpha * load<f64>(at(s2, k)), at(B, k * w), o2, w);
  }
}

/** Row i of out += alpha S B: the terms with alpha S_ik != 0 in order of k, four rows of B at a time. */
function matmulRow(S: usize, B: usize, out: usize, i: i32, m: i32, w: i32, alpha: f64): void {
  const o = at(out, i * w);
  let held = 0;
  let c1: f64 = 0;
  let c2: f64 = 0;
  let c3: f64 = 0;
  let r1: usize = 0;
  let r2: usize = 0;
  let r3: usize = 0;
  for (let k = 0; k < m; k++) {
    const s = alpha * load<f64>(at(S, i * m + k));
    if (s == 0) continue;
    const r = at(B, k * w);
    if (held == 0) {
      c1 = s;
      r1 = r;
    } else if (held == 1) {
      c2 = s;
      r2 = r;
    } else if (held == 2) {
      c3 = s;
      r3 = r;
    } else {
      axpy4(c1, r1, c2, r2, c3, r3, s, r, o, w);
      held = -1;
    }
    held++;
  }
  if (held >= 2) axpy2(c1, r1, c2, r2, o, w);
  else if (held == 1) axpy(c1, r1, o, w);
  if (held == 3) axpy(c3, r3, o, w);
}

/**
 * out (rows x w) += alpha S B for S (rows x m) and B (m x w), all row-major: out_i += (alpha S_ik) B_k over
 * k in order, skipping the terms with alpha S_ik = 0. Pairs of rows without zero terms share the loads of B.
 */
export function matmulAdd(S: usize, B: usize, out: usize, rows: i32, m: i32, w: i32, alpha: f64): void {
  let i = 0;
  while (i < rows) {
    if (i + 1 < rows && denseRows(S, i, m, alpha)) {
      matmulRowPair(S, B, out, i, m, w, alpha);
      i += 2;
    } else {
      matmulRow(S, B, out, i, m, w, alpha);
      i += 1;
    }
  }
}
