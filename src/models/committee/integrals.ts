/** Activations of the committee machine (science/06 §4). */
export const committeeActivations = ["erf", "relu", "linear"] as const;
export type CommitteeActivation = (typeof committeeActivations)[number];

/**
 * The Gaussian averages of one activation g on a joint covariance `C` (n×n, row-major), with fields named
 * by their index in C (science/06 §2):
 *
 * $$ I_2(a,b) = E[g(a) g(b)],\quad J_2(a,b) = E[g'(a) g'(b)],\quad I_3(a,b,c) = E[g'(a)\, b\, g(c)],\quad
 *    I_4(a,b,c,e) = E[g'(a) g'(b) g(c) g(e)]. $$
 *
 * The `*Sum` forms contract the last arguments with the field weights `u = (v, −A)` (see layout.ts); they
 * are what the ODE needs and where an activation may save work (erf shares square roots across a row).
 *
 * For implementers: implement the four averages with closed forms where they exist (finite on singular
 * covariances: identical fields, zero variances), derive the sums with {@link withSums} or write faster
 * ones, and add the activation to the Monte-Carlo table of `test/models/committee/integrals.test.ts`.
 */
export interface CommitteeIntegrals {
  readonly activation: CommitteeActivation;
  /** The activation g. */
  g(x: number): number;
  /** Its derivative g'. */
  dg(x: number): number;
  i2(C: Float64Array, n: number, a: number, b: number): number;
  j2(C: Float64Array, n: number, a: number, b: number): number;
  i3(C: Float64Array, n: number, a: number, b: number, c: number): number;
  i4(C: Float64Array, n: number, a: number, b: number, c: number, e: number): number;
  /** `Σ_c u_c I2(a, c)`. */
  i2Sum(C: Float64Array, n: number, a: number, u: Float64Array): number;
  /** `Σ_c u_c I3(a, b, c)`. */
  i3Sum(C: Float64Array, n: number, a: number, b: number, u: Float64Array): number;
  /** `Σ_{c,e} u_c u_e I4(a, b, c, e)`. */
  i4Sum(C: Float64Array, n: number, a: number, b: number, u: Float64Array): number;
  /** `out[b] = Σ_c u_c I3(a, b, c)` for every field b: one row of {@link CommitteeIntegrals.i3Sum}. */
  i3Row(C: Float64Array, n: number, a: number, u: Float64Array, out: Float64Array): void;
  /** Optional: every student's {@link CommitteeIntegrals.i3Row} at once, row a at `rows[a n ..]` (the same doubles). */
  i3Block?(C: Float64Array, n: number, p: number, u: Float64Array, rows: Float64Array): void;
  /**
   * Optional: `out[q] = i4Sum(C, n, a, b, u)` for every pair a <= b < p in packed order (q = 0 for (0, 0),
   * then (0, 1), …): the ODE's whole η² term at once, where an activation can batch it (erf: the wasm
   * kernel `erfI4Block`). The same doubles as the pairwise `i4Sum`.
   */
  i4Block?(C: Float64Array, n: number, p: number, u: Float64Array, out: Float64Array): void;
}

/** The pointwise part of {@link CommitteeIntegrals}. */
export type PointwiseIntegrals = Omit<
  CommitteeIntegrals,
  "i2Sum" | "i3Sum" | "i4Sum" | "i3Row" | "i3Block" | "i4Block"
>;

/**
 * Add the contracted sums to pointwise averages, by plain loops (I4 over c <= e, using its symmetry in
 * its last two arguments).
 *
 * @example const relu = withSums(reluPointwise)
 */
export function withSums(
  base: PointwiseIntegrals,
  overrides: Partial<CommitteeIntegrals> = {},
): CommitteeIntegrals {
  const sums: CommitteeIntegrals = {
    ...base,
    i3Row(C, n, a, u, out) {
      for (let b = 0; b < n; b++) out[b] = sums.i3Sum(C, n, a, b, u);
    },
    i2Sum(C, n, a, u) {
      let s = 0;
      for (let c = 0; c < n; c++) if (u[c] !== 0) s += u[c] * base.i2(C, n, a, c);
      return s;
    },
    i3Sum(C, n, a, b, u) {
      let s = 0;
      for (let c = 0; c < n; c++) if (u[c] !== 0) s += u[c] * base.i3(C, n, a, b, c);
      return s;
    },
    i4Sum(C, n, a, b, u) {
      let s = 0;
      for (let c = 0; c < n; c++) {
        if (u[c] === 0) continue;
        s += u[c] * u[c] * base.i4(C, n, a, b, c, c);
        for (let e = c + 1; e < n; e++) if (u[e] !== 0) s += 2 * u[c] * u[e] * base.i4(C, n, a, b, c, e);
      }
      return s;
    },
    ...overrides,
  };
  return sums;
}

/**
 * `eg = ½ Σ_{c,e} u_c u_e I2(c, e)`: the generalisation error of a joint covariance (label noise
 * excluded), science/06 §1.
 *
 * @example generalisationError(erfIntegrals, C, 4, u)
 */
export function generalisationError(
  integrals: CommitteeIntegrals,
  C: Float64Array,
  n: number,
  u: Float64Array,
): number {
  let s = 0;
  for (let c = 0; c < n; c++) s += u[c] * integrals.i2Sum(C, n, c, u);
  return 0.5 * s;
}
