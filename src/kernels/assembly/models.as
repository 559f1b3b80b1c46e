// The model-specific fused steps: GLM update, spiked-tensor update, two-layer ReLU forward/backward,
// logistic coefficients (see kernels.as for the conventions).
import { at, dot } from "./blas";

// Math.exp of the host JS engine, so that exponentials match the reference bit for bit.
@external("env", "exp")
declare function hostExp(x: f64): f64;

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

/**
 * out += G w for the least-squares SMF diffusion G, column i = scale (a_i r_i - mean) (a_i row i of the
 * row-major M x d matrix a), without forming G: for each i with w_i != 0 in order,
 * out_j += (scale (a_ij r_i - mean_j)) w_i, exactly as the columns and then out += G w would give.
 */
export function diffusionTimes(a: usize, r: usize, mean: usize, w: usize, out: usize, M: i32, d: i32, scale: f64): void {
  const vs = f64x2.splat(scale);
  for (let i = 0; i < M; i++) {
    const wi = load<f64>(at(w, i));
    if (wi == 0) continue;
    const ri = load<f64>(at(r, i));
    const vr = f64x2.splat(ri);
    const vw = f64x2.splat(wi);
    const row = at(a, i * d);
    let j = 0;
    for (; j + 2 <= d; j += 2) {
      const g = f64x2.mul(vs, f64x2.sub(f64x2.mul(v128.load(at(row, j)), vr), v128.load(at(mean, j))));
      v128.store(at(out, j), f64x2.add(v128.load(at(out, j)), f64x2.mul(g, vw)));
    }
    for (; j < d; j++) {
      const g = scale * (load<f64>(at(row, j)) * ri - load<f64>(at(mean, j)));
      store<f64>(at(out, j), load<f64>(at(out, j)) + g * wi);
    }
  }
}
