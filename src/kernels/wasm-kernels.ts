import type { Kernels } from "./kernels.js";
import { kernelsWasmBase64 } from "./wasm-binary.js";

/** The raw exports of one kernels instance: pointers are byte offsets into its memory. */
interface KernelExports {
  dot(a: number, b: number, n: number): number;
  gemv(X: number, w: number, out: number, rows: number, d: number, scale: number): void;
  gemvWhere(X: number, w: number, o: number, m: number, b: number, rows: number, d: number, s: number): void;
  gemvTransposed(X: number, c: number, g: number, rows: number, d: number, scale: number): void;
  matmulAdd(S: number, B: number, out: number, rows: number, m: number, w: number, alpha: number): void;
  axpy(c: number, x: number, g: number, d: number): void;
  glmUpdate(w: number, prev: number, g: number, d: number, lr: number, ridge: number, beta: number): void;
  scale(x: number, n: number, alpha: number): void;
  affineStep(x: number, v: number, z: number, n: number, a: number, b: number, c: number, out: number): void;
  reluForward(x: number, X: number, h: number, K: number, N: number): number;
  reluUpdate(x: number, X: number, h: number, K: number, N: number, lr: number, e: number, s: number): void;
  logisticCoef(H: number, y: number, u: number, coef: number, n: number, b: number): void;
  diffusionTimes(
    a: number,
    r: number,
    mean: number,
    w: number,
    out: number,
    M: number,
    d: number,
    s: number,
  ): void;
  dlnSgdSteps(...args: number[]): number;
  asinEach(x: number, out: number, n: number): void;
  erfI3Block(C: number, n: number, p: number, u: number, rows: number, work: number): void;
  erfI4Block(C: number, n: number, p: number, u: number, out: number, work: number): void;
}

/** The .wasm bytes, decoded from the committed base64 module (`atob` exists in browsers and Node >= 16). */
export function kernelsWasmBytes(): Uint8Array<ArrayBuffer> {
  const text = atob(kernelsWasmBase64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

let compiled: WebAssembly.Module | null | undefined;

/**
 * The compiled module, compiled once (synchronously: it is ~2 kB, under every browser's main-thread
 * limit), or null where WebAssembly or its SIMD proposal is missing (then the TS reference runs).
 */
export function kernelsModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    const bytes = kernelsWasmBytes();
    const ok = typeof WebAssembly === "object" && WebAssembly.validate(bytes);
    compiled = ok ? new WebAssembly.Module(bytes) : null;
  }
  return compiled;
}

/**
 * The wasm kernels on a fresh instance whose linear memory is `memory` (never grown afterwards, so views
 * of it stay attached). Each call turns its arrays into pointers by their `byteOffset`.
 *
 * @example const k = wasmKernels(module, new WebAssembly.Memory({ initial: 1 }))
 */
export function wasmKernels(module: WebAssembly.Module, memory: WebAssembly.Memory): Kernels {
  const instance = new WebAssembly.Instance(module, { env: { memory, exp: Math.exp } });
  const e = instance.exports as unknown as KernelExports;
  return {
    backend: "wasm",
    dot: (a, b, n) => e.dot(a.byteOffset, b.byteOffset, n),
    gemv: (X, w, out, rows, d, s) => e.gemv(X.byteOffset, w.byteOffset, out.byteOffset, rows, d, s),
    gemvWhere: (X, w, out, mask, b, rows, d, s) =>
      e.gemvWhere(X.byteOffset, w.byteOffset, out.byteOffset, mask.byteOffset, b, rows, d, s),
    gemvTransposed: (X, c, g, rows, d, s) =>
      e.gemvTransposed(X.byteOffset, c.byteOffset, g.byteOffset, rows, d, s),
    matmulAdd: (S, B, out, rows, m, w, alpha) =>
      e.matmulAdd(S.byteOffset, B.byteOffset, out.byteOffset, rows, m, w, alpha),
    axpy: (c, x, g, d) => e.axpy(c, x.byteOffset, g.byteOffset, d),
    glmUpdate: (w, prev, g, d, lr, ridge, beta) =>
      e.glmUpdate(w.byteOffset, prev.byteOffset, g.byteOffset, d, lr, ridge, beta),
    scale: (x, n, alpha) => e.scale(x.byteOffset, n, alpha),
    affineStep: (x, v, z, n, a, b, c, out) =>
      e.affineStep(x.byteOffset, v.byteOffset, z.byteOffset, n, a, b, c, out.byteOffset),
    reluForward: (x, X, h, K, N) => e.reluForward(x.byteOffset, X.byteOffset, h.byteOffset, K, N),
    reluUpdate: (x, X, h, K, N, lr, err, shrink) =>
      e.reluUpdate(x.byteOffset, X.byteOffset, h.byteOffset, K, N, lr, err, shrink),
    logisticCoef: (H, y, u, coef, n, b) =>
      e.logisticCoef(H.byteOffset, y.byteOffset, u.byteOffset, coef.byteOffset, n, b),
    diffusionTimes: (a, r, mean, w, out, M, d, s) =>
      e.diffusionTimes(a.byteOffset, r.byteOffset, mean.byteOffset, w.byteOffset, out.byteOffset, M, d, s),
    dlnSgdSteps: (params, samples, others, m, F, width, batch, lr, ridge, slope, noise, identity, maxErr) =>
      e.dlnSgdSteps(
        params.byteOffset,
        samples.byteOffset,
        others.byteOffset,
        m,
        F,
        width,
        batch,
        lr,
        ridge,
        slope,
        noise,
        identity ? 1 : 0,
        maxErr,
      ),
    asinEach: (x, out, n) => e.asinEach(x.byteOffset, out.byteOffset, n),
    erfI3Block: (C, n, p, u, rows, work) =>
      e.erfI3Block(C.byteOffset, n, p, u.byteOffset, rows.byteOffset, work.byteOffset),
    erfI4Block: (C, n, p, u, out, work) =>
      e.erfI4Block(C.byteOffset, n, p, u.byteOffset, out.byteOffset, work.byteOffset),
  };
}
