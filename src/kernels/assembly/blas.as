// Level-1/2 kernels on f64 arrays in linear memory: dot, matrix-vector products, axpy (see kernels.as for
// the conventions). Pointers are byte offsets; lengths count f64 entries.

/** Byte address of entry i of the f64 array at p. */
@inline
export function at(p: usize, i: i32): usize {
  return p + (<usize>i << 3);
}

/** Inner product of a[0..n) and b[0..n) with 8 partial sums. */
export function dot(a: usize, b: usize, n: i32): f64 {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let s2 = f64x2.splat(0);
  let s3 = f64x2.splat(0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const pa = at(a, i);
    const pb = at(b, i);
    s0 = f64x2.add(s0, f64x2.mul(v128.load(pa), v128.load(pb)));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(pa, 16), v128.load(pb, 16)));
    s2 = f64x2.add(s2, f64x2.mul(v128.load(pa, 32), v128.load(pb, 32)));
    s3 = f64x2.add(s3, f64x2.mul(v128.load(pa, 48), v128.load(pb, 48)));
  }
  const s = f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3));
  let t = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; i < n; i++) t += load<f64>(at(a, i)) * load<f64>(at(b, i));
  return t;
}

/** out[r] = scale * <X_r, w> for the rows X_r of the row-major rows x d matrix X. */
export function gemv(X: usize, w: usize, out: usize, rows: i32, d: i32, scale: f64): void {
  for (let r = 0; r < rows; r++) store<f64>(at(out, r), dot(at(X, r * d), w, d) * scale);
}

/** out[r] = scale * <X_r, w> for the rows with mask[r] < b (the selected ones); other out[r] are left alone. */
export function gemvWhere(X: usize, w: usize, out: usize, mask: usize, b: f64, rows: i32, d: i32, scale: f64): void {
  for (let r = 0; r < rows; r++) {
    if (load<f64>(at(mask, r)) < b) store<f64>(at(out, r), dot(at(X, r * d), w, d) * scale);
  }
}

/** g <- (g + c1 x1) + c2 x2, entry by entry. */
@inline
export function axpy2(c1: f64, x1: usize, c2: f64, x2: usize, g: usize, d: i32): void {
  const v1 = f64x2.splat(c1);
  const v2 = f64x2.splat(c2);
  let k = 0;
  for (; k + 2 <= d; k += 2) {
    const pg = at(g, k);
    const s = f64x2.add(v128.load(pg), f64x2.mul(v1, v128.load(at(x1, k))));
    v128.store(pg, f64x2.add(s, f64x2.mul(v2, v128.load(at(x2, k)))));
  }
  for (; k < d; k++) {
    const s = load<f64>(at(g, k)) + c1 * load<f64>(at(x1, k));
    store<f64>(at(g, k), s + c2 * load<f64>(at(x2, k)));
  }
}

/** g <- g + c x, entry by entry. */
export function axpy(c: f64, x: usize, g: usize, d: i32): void {
  const v = f64x2.splat(c);
  let k = 0;
  for (; k + 2 <= d; k += 2) {
    const pg = at(g, k);
    v128.store(pg, f64x2.add(v128.load(pg), f64x2.mul(v, v128.load(at(x, k)))));
  }
  for (; k < d; k++) store<f64>(at(g, k), load<f64>(at(g, k)) + c * load<f64>(at(x, k)));
}

/**
 * g = sum_r (scale c_r) X_r over the rows with scale c_r != 0, added in row order (the rows are taken two
 * at a time, which reads and writes g half as often but adds in the same order).
 */
export function gemvTransposed(X: usize, c: usize, g: usize, rows: i32, d: i32, scale: f64): void {
  memory.fill(g, 0, <usize>d << 3);
  let held: f64 = 0;
  let heldRow: usize = 0;
  for (let r = 0; r < rows; r++) {
    const cr = load<f64>(at(c, r)) * scale;
    if (cr == 0) continue;
    if (held == 0) {
      held = cr;
      heldRow = at(X, r * d);
    } else {
      axpy2(held, heldRow, cr, at(X, r * d), g, d);
      held = 0;
    }
  }
  if (held != 0) axpy(held, heldRow, g, d);
}

/** g <- (((g + c1 x1) + c2 x2) + c3 x3) + c4 x4, entry by entry. */
@inline
export function axpy4(c1: f64, x1: usize, c2: f64, x2: usize, c3: f64, x3: usize, c4: f64, x4: usize, g: usize, d: i32): void {
  const v1 = f64x2.splat(c1);
  const v2 = f64x2.splat(c2);
  const v3 = f64x2.splat(c3);
  const v4 = f64x2.splat(c4);
  let k = 0;
  for (; k + 2 <= d; k += 2) {
    const pg = at(g, k);
    let s = f64x2.add(v128.load(pg), f64x2.mul(v1, v128.load(at(x1, k))));
    s = f64x2.add(s, f64x2.mul(v2, v128.load(at(x2, k))));
    s = f64x2.add(s, f64x2.mul(v3, v128.load(at(x3, k))));
    v128.store(pg, f64x2.add(s, f64x2.mul(v4, v128.load(at(x4, k)))));
  }
  for (; k < d; k++) {
    let s = load<f64>(at(g, k)) + c1 * load<f64>(at(x1, k));
    s += c2 * load<f64>(at(x2, k));
    s += c3 * load<f64>(at(x3, k));
    store<f64>(at(g, k), s + c4 * load<f64>(at(x4, k)));
  }
}

/** x <- alpha x. */
export function scale(x: usize, n: i32, alpha: f64): void {
  const v = f64x2.splat(alpha);
  let i = 0;
  for (; i + 2 <= n; i += 2) v128.store(at(x, i), f64x2.mul(v, v128.load(at(x, i))));
  for (; i < n; i++) store<f64>(at(x, i), alpha * load<f64>(at(x, i)));
}
