/**
 * An Itô SDE $dX = a(t, X)\,dt + \sum_{k=1}^{m} b_k(t, X)\,dW^k_t$ in $\mathbb{R}^d$, diffusion given as columns.
 *
 * The diffusion is a $d \times m$ matrix stored column by column (`out[k * d + i]` is $b_{k,i}$), so a noise
 * covariance $\Sigma = G G^\top$ never needs a matrix square root: give any factor $G$ (e.g. one column per
 * data point for a finite sum).
 *
 * Args:
 * - `dim`: $d$; `noise`: $m$, the number of independent Brownian motions.
 * - `drift(t, x, out)`: writes $a(t, x)$ (length d); must not keep or modify `x`, should allocate nothing.
 * - `diffusion(t, x, out)`: writes the $d \times m$ columns (length d m), column-major.
 * - `diffusionTimes(t, x, w, out)` (optional): `out += G w` straight from the problem's structure.
 * - `structure`: `"general"`, `"diagonal"` ($m = d$, column k is $b_k e_k$ with $b_k$ a function of
 *   $x_k$ and t) or `"additive"` (the columns do not depend on x).
 *
 * @example
 * // geometric Brownian motion du = 1.01 u dt + 0.87 u dW
 * const gbm: SdeProblem = { dim: 1, noise: 1, structure: "diagonal",
 *   drift: (_t, x, out) => { out[0] = 1.01 * x[0]; }, diffusion: (_t, x, out) => { out[0] = 0.87 * x[0]; } };
 *
 * For implementers: keep `drift` and `diffusion` allocation-free and pure (they are called several times
 * per step by the higher-order schemes), declare the narrowest true `structure` (Milstein needs
 * `"diagonal"`, SRA1 needs `"additive"`), and check a new problem with the order table of
 * `test/theory/sde/order.test.ts` when it has an exact solution.
 */
export interface SdeProblem {
  readonly dim: number;
  readonly noise: number;
  readonly structure: "general" | "diagonal" | "additive";
  drift(t: number, x: Float64Array, out: Float64Array): void;
  diffusion(t: number, x: Float64Array, out: Float64Array): void;
  /**
   * Optional: `out += G(t, x) w` without forming G (e.g. a diffusion built from a data matrix), for the
   * schemes that only need the product (Euler–Maruyama). It must give the doubles of `diffusion` followed
   * by `addColumns` (euler-maruyama.ts) (columns k in order, skipping `w_k = 0`, `out_i += G_ik w_k`).
   */
  diffusionTimes?(t: number, x: Float64Array, w: Float64Array, out: Float64Array): void;
}

/**
 * The random input of one step of length h: Brownian increments and, for schemes that use them, the
 * iterated integrals $I_{(1,0)}^k = \int_t^{t+h} (W^k_s - W^k_t)\,ds$ and extra standard normals.
 */
export interface StepNoise {
  /** $\Delta W^k$, length m. */
  dW: Float64Array;
  /** $I_{(1,0)}^k$, length m (only read by schemes with `needsI10`). */
  i10: Float64Array;
  /** Extra standard normals, length `scheme.extraNormals(m)` (e.g. signs of the two-point variables). */
  extra: Float64Array;
}

/**
 * One-step method for an {@link SdeProblem}, with its declared strong and weak orders.
 *
 * `step(p, t, h, x, noise, out, work)` writes $X_{t+h}$ into `out` (never aliasing `x`); `work` comes
 * from `workspace(p)` and is reused, so steps allocate nothing.
 *
 * For implementers: declare the orders that hold for the problems the scheme accepts (`accepts`), state
 * the reference (book and equation), read only the noise fields you declare (`needsI10`,
 * `extraNormals`), and add the scheme to `sdeSchemes` and to the table of `test/theory/sde/order.test.ts`.
 */
export interface SdeScheme {
  readonly name: string;
  /** Strong order (mean absolute error at a fixed time) on the problems it accepts. */
  readonly strongOrder: number;
  /** Weak order (error of smooth expectations). */
  readonly weakOrder: number;
  /** Noise structures the scheme is valid for. */
  readonly accepts: readonly SdeProblem["structure"][];
  readonly needsI10: boolean;
  extraNormals(m: number): number;
  workspace(p: SdeProblem): Float64Array[];
  step(
    p: SdeProblem,
    t: number,
    h: number,
    x: Float64Array,
    noise: StepNoise,
    out: Float64Array,
    work: Float64Array[],
  ): void;
}
