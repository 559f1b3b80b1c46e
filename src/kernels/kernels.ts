import type { dlnSgdSteps } from "./dln.js";

/**
 * The hot loops of the simulators behind one interface, with two implementations that give the same bits:
 * the readable TS reference (`reference.ts`, the test oracle) and WebAssembly SIMD (`wasm-kernels.ts`,
 * compiled from `assembly/*.as`). Get a set with its arrays from {@link kernelWorkspace}.
 *
 * Conventions: arrays are `Float64Array`s (rows of a matrix may be `subarray`s); `n`, `d`, `rows`, `K`,
 * `N` count entries; nothing is checked or allocated. Reductions use 8 partial sums
 * $s_j = \sum_{i \equiv j \ (8)} a_i b_i$, combined as $((s_0+s_2)+(s_4+s_6)) + ((s_1+s_3)+(s_5+s_7))$,
 * then the tail in order (what four f64x2 registers compute); elementwise kernels evaluate each entry as
 * written. With the wasm set, every array must be a view of that workspace's memory.
 *
 * @example
 * const { kernels, arrays } = kernelWorkspace({ a: 3, b: 3 });
 * arrays.a.set([1, 2, 3]); arrays.b.set([4, 5, 6]);
 * kernels.dot(arrays.a, arrays.b, 3) // 32
 */
export interface Kernels {
  /** Which implementation this is. */
  readonly backend: KernelBackend;
  /** $\langle a, b\rangle$ over the first n entries (8 partial sums). */
  dot(a: Float64Array, b: Float64Array, n: number): number;
  /** $out_r = scale \langle X_r, w\rangle$ for the rows of the row-major `rows × d` matrix X. */
  gemv(X: Float64Array, w: Float64Array, out: Float64Array, rows: number, d: number, scale: number): void;
  /**
   * $out_r = scale \langle X_r, w\rangle$ for the rows with $mask_r < b$ (a mini-batch selected by
   * uniforms); the other entries of out are left as they were.
   */
  gemvWhere(
    X: Float64Array,
    w: Float64Array,
    out: Float64Array,
    mask: Float64Array,
    b: number,
    rows: number,
    d: number,
    scale: number,
  ): void;
  /** $g = \sum_r (scale\, c_r) X_r$ over the rows with $scale\, c_r \ne 0$, added in row order. */
  gemvTransposed(
    X: Float64Array,
    c: Float64Array,
    g: Float64Array,
    rows: number,
    d: number,
    scale: number,
  ): void;
  /**
   * $out \mathrel{+}= \alpha S B$ for S (rows × m), B (m × w), out (rows × w), row-major: each row adds
   * $(\alpha S_{ik}) B_k$ over k in order, skipping the terms with $\alpha S_{ik} = 0$.
   */
  matmulAdd(
    S: Float64Array,
    B: Float64Array,
    out: Float64Array,
    rows: number,
    m: number,
    w: number,
    alpha: number,
  ): void;
  /** $g \leftarrow g + c x$ over the first d entries. */
  axpy(c: number, x: Float64Array, g: Float64Array, d: number): void;
  /** Heavy-ball GLM step: $w \leftarrow w - lr(ridge\, w + g) + \beta(w - prev)$, then prev = the old w. */
  glmUpdate(
    w: Float64Array,
    prev: Float64Array,
    g: Float64Array,
    d: number,
    lr: number,
    ridge: number,
    beta: number,
  ): void;
  /** $x \leftarrow \alpha x$ over the first n entries. */
  scale(x: Float64Array, n: number, alpha: number): void;
  /**
   * Spiked-tensor step $x \leftarrow a x + b v + c z$; `out = [<x, v>, |x|^2]` of the result, each summed
   * as even entries plus odd entries (two partial sums).
   */
  affineStep(
    x: Float64Array,
    v: Float64Array,
    z: Float64Array,
    n: number,
    a: number,
    b: number,
    c: number,
    out: Float64Array,
  ): void;
  /**
   * Two-layer ReLU forward pass, parameters `x = [v (K), W (K×N row-major)]`, input X: $h_i = \langle W_i,
   * X\rangle$ into h; returns $z = \sum_{h_i > 0} v_i h_i$ (in order of i).
   */
  reluForward(x: Float64Array, X: Float64Array, h: Float64Array, K: number, N: number): number;
  /**
   * Two-layer per-sample SGD update for the error e: $c_i = lr\,e\,v_i 1\{h_i \ge 0\}$,
   * $v_i \leftarrow shrink\, v_i - lr\, e\, \mathrm{relu}(h_i)$, $W_i \leftarrow shrink\, W_i - c_i X$.
   */
  reluUpdate(
    x: Float64Array,
    X: Float64Array,
    h: Float64Array,
    K: number,
    N: number,
    lr: number,
    e: number,
    shrink: number,
  ): void;
  /**
   * Logistic-loss batch coefficients: $coef_r = -y_r \sigma(-y_r H_r)/b$ when $u_r < b$, else 0, with
   * $\sigma(t) = 1/(1+e^{-t})$ for $t \ge 0$, $e^t/(1+e^t)$ below (`Math.exp`, in wasm imported from JS).
   */
  logisticCoef(
    H: Float64Array,
    y: Float64Array,
    u: Float64Array,
    coef: Float64Array,
    n: number,
    b: number,
  ): void;
  /**
   * $out \mathrel{+}= G w$ for the least-squares SMF diffusion, column i of G being
   * $scale\,(a_i r_i - mean)$ ($a_i$ row i of the row-major M × d matrix a), without forming G: for each
   * i with $w_i \ne 0$, in order, $out_j \mathrel{+}= (scale\,(a_{ij} r_i - mean_j))\, w_i$.
   */
  diffusionTimes(
    a: Float64Array,
    r: Float64Array,
    mean: Float64Array,
    w: Float64Array,
    out: Float64Array,
    M: number,
    d: number,
    scale: number,
  ): void;
  /** m SGD steps of the diagonal linear network's chain on drawn samples (see `dln.ts`, `dlnSgdSteps`). */
  dlnSgdSteps: typeof dlnSgdSteps;
  /** $out_i = \arcsin x_i$ for i < n: fdlibm's arcsine, the same doubles as `Math.asin`. */
  asinEach(x: Float64Array, out: Float64Array, n: number): void;
  /** The erf committee machine's I3 rows of every student a < p: `rows[a n + b] = erfI3Row(C, n, a, u)[b]`. */
  erfI3Block(
    C: Float64Array,
    n: number,
    p: number,
    u: Float64Array,
    rows: Float64Array,
    work: Float64Array,
  ): void;
  /**
   * The erf committee machine's I4 sums for every student pair: `out[q] = erfI4Pair(C, n, a, b, u)` for
   * a <= b < p in packed order (see `erf-i4.ts`); work holds `erfI4WorkLength(n)` entries.
   */
  erfI4Block(
    C: Float64Array,
    n: number,
    p: number,
    u: Float64Array,
    out: Float64Array,
    work: Float64Array,
  ): void;
}

/** The two implementations: WebAssembly SIMD, or the plain TS reference. */
export type KernelBackend = "wasm" | "ts";
