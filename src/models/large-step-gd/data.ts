import { Rng } from "../../core/rng.js";
import type { LargeStepGdSpec } from "./spec.js";

/** Training data and teacher of a GD run: rows of X, labels, and the teacher matrix `A*` (`y*(x) = xᵀ A* x`). */
export interface GdData {
  d: number;
  n: number;
  /** n × d row-major inputs. */
  X: Float64Array;
  /** Labels (teacher output plus noise, or the constant label). */
  y: Float64Array;
  /** d × d teacher matrix, `y*(x) = xᵀ A* x` (zero for constant labels: no teacher). */
  teacher: Float64Array;
}

/**
 * Draw the data of a run from stream 0 of the spec's seed (inputs, then teacher, then noise; the initial
 * weights come from stream 1, see {@link initialWeights}).
 *
 * - `orthogonal`: Gram–Schmidt on n Gaussian vectors, i.e. the first n rows of a Haar orthogonal d × d matrix
 *   (`X Xᵀ = I_n`, needs n <= d);
 * - `gaussian`: `x_i ~ N(0, I_d / d)` (unit norm on average, like the orthogonal rows).
 * - Teacher of the same architecture with N(0, 1) weights: `w*` (`A* = w* w*ᵀ`), or `U*` with `width`
 *   units (`A* = c U* U*ᵀ`); `y_i = x_iᵀ A* x_i + noise · xi_i`.
 *
 * @example makeData(phaseRetrievalSpec.parse({...})).y.length // n
 */
export function makeData(spec: LargeStepGdSpec): GdData {
  const { d, n } = spec.model;
  const rng = Rng.fromSeed(spec.seed).split(0);
  const X = new Float64Array(n * d);
  rng.fillNormal(X);
  if (spec.model.data === "orthogonal") orthonormaliseRows(X, n, d);
  else for (let k = 0; k < X.length; k++) X[k] /= Math.sqrt(d);
  const y = new Float64Array(n);
  const teacher = new Float64Array(d * d);
  if (spec.model.labels === "teacher") {
    const width = spec.model.name === "quadratic-network" ? spec.model.width : 1;
    const c = spec.model.name === "quadratic-network" ? spec.model.outer : 1;
    const U = new Float64Array(d * width);
    rng.fillNormal(U);
    gramOf(U, d, width, c, teacher);
    for (let i = 0; i < n; i++) y[i] = quadraticForm(teacher, X, i, d);
  } else {
    y.fill(spec.model.labels);
  }
  for (let i = 0; i < n; i++) if (spec.model.noise > 0) y[i] += spec.model.noise * rng.normal();
  return { d, n, X, y, teacher };
}

/** Initial weights `~ N(0, scale^2)` from stream 1 of the seed (length d, or d × width). */
export function initialWeights(spec: LargeStepGdSpec): Float64Array {
  const width = spec.model.name === "quadratic-network" ? spec.model.width : 1;
  const theta = new Float64Array(spec.model.d * width);
  Rng.fromSeed(spec.seed).split(1).fillNormal(theta);
  for (let k = 0; k < theta.length; k++) theta[k] *= spec.init.scale;
  return theta;
}

/** `A = c U Uᵀ` for a row-major d × w matrix U (A is d × d, overwritten). */
export function gramOf(U: Float64Array, d: number, w: number, c: number, A: Float64Array): void {
  for (let k = 0; k < d; k++) {
    for (let l = k; l < d; l++) {
      let s = 0;
      for (let j = 0; j < w; j++) s += U[k * w + j] * U[l * w + j];
      A[k * d + l] = c * s;
      A[l * d + k] = c * s;
    }
  }
}

/** `x_iᵀ A x_i` for row i of X. */
export function quadraticForm(A: Float64Array, X: Float64Array, i: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) {
    let row = 0;
    for (let l = 0; l < d; l++) row += A[k * d + l] * X[i * d + l];
    s += X[i * d + k] * row;
  }
  return s;
}

/** Modified Gram–Schmidt on the n rows of X (n <= d): orthonormal rows spanning the same space. */
function orthonormaliseRows(X: Float64Array, n: number, d: number): void {
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) {
      let dot = 0;
      for (let l = 0; l < d; l++) dot += X[i * d + l] * X[k * d + l];
      for (let l = 0; l < d; l++) X[i * d + l] -= dot * X[k * d + l];
    }
    let norm = 0;
    for (let l = 0; l < d; l++) norm += X[i * d + l] * X[i * d + l];
    const inv = 1 / Math.sqrt(norm);
    for (let l = 0; l < d; l++) X[i * d + l] *= inv;
  }
}
