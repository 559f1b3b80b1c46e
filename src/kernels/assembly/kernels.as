// AssemblyScript source of sgdlab's WebAssembly SIMD kernels (compiled by scripts/build-wasm.mjs).
//
// Every pointer is a byte offset into the imported linear memory; every length counts f64 entries. The
// kernels check nothing and allocate nothing: the caller (src/kernels/workspace.ts) lays the arrays out
// once, 16-byte aligned. Each kernel computes exactly what its TS reference in src/kernels/reference.ts
// computes, in the same order of operations, so both give the same bits:
// - reductions keep 8 partial sums, s_j summing the entries i = j (mod 8), in four f64x2 registers, and
//   combine them as ((s0 + s2) + (s4 + s6)) + ((s1 + s3) + (s5 + s7)), then add the tail in order;
// - elementwise kernels evaluate each entry's expression exactly as written in the reference.
// Wasm has no fused multiply-add, so a * b + c rounds twice here as in JS.

// Math.exp of the host JS engine, so that exponentials match the reference bit for bit.
@external("env", "exp")
declare function hostExp(x: f64): f64;

@inline
function at(p: usize, i: i32): usize {
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
function axpy2(c1: f64, x1: usize, c2: f64, x2: usize, g: usize, d: i32): void {
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
function axpy4(c1: f64, x1: usize, c2: f64, x2: usize, c3: f64, x3: usize, c4: f64, x4: usize, g: usize, d: i32): void {
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

/** The GLM update with heavy-ball momentum: w_k <- w_k - lr (ridge w_k + g_k) + beta (w_k - prev_k), prev <- old w. */
export function glmUpdate(w: usize, prev: usize, g: usize, d: i32, lr: f64, ridge: f64, beta: f64): void {
  const vl = f64x2.splat(lr);
  const vr = f64x2.splat(ridge);
  const vb = f64x2.splat(beta);
  let k = 0;
  for (; k + 2 <= d; k += 2) {
    const wk = v128.load(at(w, k));
    const step = f64x2.mul(vl, f64x2.add(f64x2.mul(vr, wk), v128.load(at(g, k))));
    const heavy = f64x2.mul(vb, f64x2.sub(wk, v128.load(at(prev, k))));
    v128.store(at(w, k), f64x2.add(f64x2.sub(wk, step), heavy));
    v128.store(at(prev, k), wk);
  }
  for (; k < d; k++) {
    const wk = load<f64>(at(w, k));
    store<f64>(at(w, k), wk - lr * (ridge * wk + load<f64>(at(g, k))) + beta * (wk - load<f64>(at(prev, k))));
    store<f64>(at(prev, k), wk);
  }
}

/** x <- alpha x. */
export function scale(x: usize, n: i32, alpha: f64): void {
  const v = f64x2.splat(alpha);
  let i = 0;
  for (; i + 2 <= n; i += 2) v128.store(at(x, i), f64x2.mul(v, v128.load(at(x, i))));
  for (; i < n; i++) store<f64>(at(x, i), alpha * load<f64>(at(x, i)));
}

/**
 * Spiked-tensor update x <- a x + b v + c z; writes [<x, v>, |x|^2] of the result to out, with two
 * partial sums each (even and odd entries), as the JS fused update of the spiked model.
 */
export function affineStep(x: usize, v: usize, z: usize, n: i32, a: f64, b: f64, c: f64, out: usize): void {
  const va = f64x2.splat(a);
  const vb = f64x2.splat(b);
  const vc = f64x2.splat(c);
  let m = f64x2.splat(0);
  let q = f64x2.splat(0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const vi = v128.load(at(v, i));
    const ax = f64x2.add(f64x2.mul(va, v128.load(at(x, i))), f64x2.mul(vb, vi));
    const xi = f64x2.add(ax, f64x2.mul(vc, v128.load(at(z, i))));
    v128.store(at(x, i), xi);
    m = f64x2.add(m, f64x2.mul(xi, vi));
    q = f64x2.add(q, f64x2.mul(xi, xi));
  }
  let m0 = f64x2.extract_lane(m, 0);
  let q0 = f64x2.extract_lane(q, 0);
  if (i < n) {
    const vi = load<f64>(at(v, i));
    const xi = a * load<f64>(at(x, i)) + b * vi + c * load<f64>(at(z, i));
    store<f64>(at(x, i), xi);
    m0 += xi * vi;
    q0 += xi * xi;
  }
  store<f64>(out, m0 + f64x2.extract_lane(m, 1));
  store<f64>(out, q0 + f64x2.extract_lane(q, 1), 8);
}

/**
 * Two-layer ReLU forward pass for parameters x = [v (K), W (K x N row-major)] at input X: h_i = <W_i, X>
 * into h; returns z = sum over h_i > 0 of v_i h_i (in order of i).
 */
export function reluForward(x: usize, X: usize, h: usize, K: i32, N: i32): f64 {
  let z: f64 = 0;
  for (let i = 0; i < K; i++) {
    const a = dot(at(x, K + i * N), X, N);
    store<f64>(at(h, i), a);
    if (a > 0) z += load<f64>(at(x, i)) * a;
  }
  return z;
}

/**
 * The two-layer per-sample SGD update with error e = sigmoid(z) - y and shrink = 1 - lr ridge:
 * c_i = lr e v_i 1{h_i >= 0}, v_i <- shrink v_i - lr e relu(h_i), W_i <- shrink W_i - c_i X.
 */
export function reluUpdate(x: usize, X: usize, h: usize, K: i32, N: i32, lr: f64, e: f64, shrink: f64): void {
  const vs = f64x2.splat(shrink);
  for (let i = 0; i < K; i++) {
    const hi = load<f64>(at(h, i));
    const vi = load<f64>(at(x, i));
    const c = hi >= 0 ? lr * e * vi : 0;
    store<f64>(at(x, i), shrink * vi - lr * e * max(hi, 0));
    const W = at(x, K + i * N);
    const vc = f64x2.splat(c);
    let j = 0;
    for (; j + 2 <= N; j += 2) {
      const p = at(W, j);
      v128.store(p, f64x2.sub(f64x2.mul(vs, v128.load(p)), f64x2.mul(vc, v128.load(at(X, j)))));
    }
    for (; j < N; j++) store<f64>(at(W, j), shrink * load<f64>(at(W, j)) - c * load<f64>(at(X, j)));
  }
}

/**
 * Logistic-loss coefficients of a GLM batch: with selection uniforms u (or none when b = 1),
 * coef_r = -y_r sigmoid(-y_r H_r) / b when u_r < b, else 0; sigmoid(t) = 1/(1 + e^-t) for t >= 0 and
 * e^t / (1 + e^t) below, with the host's Math.exp.
 */
export function logisticCoef(H: usize, y: usize, u: usize, coef: usize, n: i32, b: f64): void {
  for (let r = 0; r < n; r++) {
    const yr = load<f64>(at(y, r));
    const t = -yr * load<f64>(at(H, r));
    const s = t >= 0 ? 1 / (1 + hostExp(-t)) : hostExp(t) / (1 + hostExp(t));
    store<f64>(at(coef, r), load<f64>(at(u, r)) < b ? (-yr * s) / b : 0);
  }
}
