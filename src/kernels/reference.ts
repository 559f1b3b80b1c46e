import { dlnSgdSteps } from "./dln.js";
import { erfI3Row, erfI4Pair } from "./erf-i4.js";
import type { Kernels } from "./kernels.js";

/**
 * The TS reference of every kernel (see {@link Kernels} for the maths): the readable definition and the
 * oracle of the bit-identity tests. The order of every floating-point operation is the wasm one.
 *
 * @example referenceKernels.dot(Float64Array.of(1, 2), Float64Array.of(3, 4), 2) // 11
 */
export const referenceKernels: Kernels = {
  backend: "ts",
  dot,
  gemv(X, w, out, rows, d, scale) {
    for (let r = 0; r < rows; r++) out[r] = dot(X.subarray(r * d, (r + 1) * d), w, d) * scale;
  },
  gemvWhere(X, w, out, mask, b, rows, d, scale) {
    for (let r = 0; r < rows; r++) {
      if (mask[r] < b) out[r] = dot(X.subarray(r * d, (r + 1) * d), w, d) * scale;
    }
  },
  gemvTransposed(X, c, g, rows, d, scale) {
    g.fill(0, 0, d);
    for (let r = 0; r < rows; r++) {
      const cr = c[r] * scale;
      if (cr === 0) continue;
      const o = r * d;
      for (let k = 0; k < d; k++) g[k] += cr * X[o + k];
    }
  },
  matmulAdd(S, B, out, rows, m, w, alpha) {
    for (let i = 0; i < rows; i++)
      for (let k = 0; k < m; k++) {
        const s = alpha * S[i * m + k];
        if (s === 0) continue;
        for (let j = 0; j < w; j++) out[i * w + j] += s * B[k * w + j];
      }
  },
  axpy(c, x, g, d) {
    for (let k = 0; k < d; k++) g[k] += c * x[k];
  },
  glmUpdate(w, prev, g, d, lr, ridge, beta) {
    for (let k = 0; k < d; k++) {
      const wk = w[k];
      w[k] = wk - lr * (ridge * wk + g[k]) + beta * (wk - prev[k]);
      prev[k] = wk;
    }
  },
  scale(x, n, alpha) {
    for (let i = 0; i < n; i++) x[i] = alpha * x[i];
  },
  affineStep(x, v, z, n, a, b, c, out) {
    let [m0, m1, q0, q1] = [0, 0, 0, 0];
    let i = 0;
    for (; i + 2 <= n; i += 2) {
      const x0 = a * x[i] + b * v[i] + c * z[i];
      const x1 = a * x[i + 1] + b * v[i + 1] + c * z[i + 1];
      x[i] = x0;
      x[i + 1] = x1;
      m0 += x0 * v[i];
      m1 += x1 * v[i + 1];
      q0 += x0 * x0;
      q1 += x1 * x1;
    }
    if (i < n) {
      const x0 = a * x[i] + b * v[i] + c * z[i];
      x[i] = x0;
      m0 += x0 * v[i];
      q0 += x0 * x0;
    }
    out[0] = m0 + m1;
    out[1] = q0 + q1;
  },
  reluForward(x, X, h, K, N) {
    let z = 0;
    for (let i = 0; i < K; i++) {
      const a = dot(x.subarray(K + i * N, K + (i + 1) * N), X, N);
      h[i] = a;
      if (a > 0) z += x[i] * a;
    }
    return z;
  },
  reluUpdate(x, X, h, K, N, lr, e, shrink) {
    for (let i = 0; i < K; i++) {
      const c = h[i] >= 0 ? lr * e * x[i] : 0;
      x[i] = shrink * x[i] - lr * e * Math.max(h[i], 0);
      const o = K + i * N;
      for (let j = 0; j < N; j++) x[o + j] = shrink * x[o + j] - c * X[j];
    }
  },
  logisticCoef(H, y, u, coef, n, b) {
    for (let r = 0; r < n; r++) {
      const t = -y[r] * H[r];
      const s = t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
      coef[r] = u[r] < b ? (-y[r] * s) / b : 0;
    }
  },
  diffusionTimes(a, r, mean, w, out, M, d, scale) {
    for (let i = 0; i < M; i++) {
      const wi = w[i];
      if (wi === 0) continue;
      for (let j = 0; j < d; j++) out[j] += scale * (a[i * d + j] * r[i] - mean[j]) * wi;
    }
  },
  dlnSgdSteps,
  asinEach(x, out, n) {
    for (let i = 0; i < n; i++) out[i] = Math.asin(x[i]);
  },
  erfI3Block(C, n, p, u, rows, work) {
    for (let a = 0; a < p; a++) erfI3Row(C, n, a, u, rows.subarray(a * n, (a + 1) * n), work);
  },
  erfI4Block(C, n, p, u, out, work) {
    let q = 0;
    for (let a = 0; a < p; a++) for (let b = a; b < p; b++) out[q++] = erfI4Pair(C, n, a, b, u, work);
  },
};

/** $\langle a, b\rangle$ over n entries with 8 partial sums, combined as four f64x2 registers would be. */
function dot(a: Float64Array, b: Float64Array, n: number): number {
  let [s0, s1, s2, s3, s4, s5, s6, s7] = [0, 0, 0, 0, 0, 0, 0, 0];
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
    s4 += a[i + 4] * b[i + 4];
    s5 += a[i + 5] * b[i + 5];
    s6 += a[i + 6] * b[i + 6];
    s7 += a[i + 7] * b[i + 7];
  }
  let t = s0 + s2 + (s4 + s6) + (s1 + s3 + (s5 + s7));
  for (; i < n; i++) t += a[i] * b[i];
  return t;
}
