import type { Rng } from "../../core/rng.js";
import { type Kernels, kernelWorkspace, referenceKernels } from "../../kernels/index.js";
import type { Schedule } from "../../optimizers/schedule.js";
import type { Model } from "../../simulate/model.js";
import { committeeStatisticNames, packedIndex } from "./layout.js";
import { committeeReader } from "./limits.js";
import type { CommitteeSetup } from "./setup.js";
import { gramOf } from "./start.js";

/**
 * The soft committee machine trained by online SGD on fresh Gaussian inputs, in dimension d
 * (science/06 §1). Parameters `x = [W (p×d, row-major), v (p)]`; the teacher `W*` (k×d) and its readout A
 * are fixed. One sample `x ~ N(0, I_d)`, `y = Σ_n A_n g(ν_n) + σζ`; the gradient written by
 * `sampleGradient` is that of `½(f − y)²` with the second-layer part divided by d, so that plain SGD with
 * step η is the canonical update
 *
 * $$ w_i \leftarrow w_i - \frac{\eta}{\sqrt d} v_i g'(\lambda_i)\, e\, x,\qquad
 *    v_i \leftarrow v_i - \frac{\eta}{d} g(\lambda_i)\, e \quad (\text{trained readout only}). $$
 *
 * Draw order per step: d normals (x), then ζ. The fused `sgdSteps` costs O((2p + k) d) per step: on
 * `parameters` (a vector of the model's kernel workspace) it runs the wasm SIMD kernels (gemv for the
 * fields, axpy for the rows), on any other vector the TS reference: the same numbers either way.
 * Statistics: `eg` (closed form on the empirical overlaps, label noise excluded) and Q, M (, v).
 *
 * @param setup canonical parameters (widths, activation, η, σ², readouts)
 * @param teacher the teacher rows W* (k×d)
 * @example const model = committeeModel(setup, teacher); model.sgdSteps(x, () => eta, rng, 0, 1000)
 */
export function committeeModel(
  setup: CommitteeSetup,
  teacher: Float64Array,
): Model & { parameters: Float64Array } {
  const { lay, d, integrals, A } = setup;
  const { p, k, n } = lay;
  const { kernels, arrays } = kernelWorkspace({ parameters: p * d + p, teacher: k * d, z: d, lam: p, nu: k });
  const { parameters, z, lam, nu } = arrays;
  arrays.teacher.set(teacher);
  const rows = (x: Float64Array) => Array.from({ length: p }, (_, i) => x.subarray(i * d, (i + 1) * d));
  const parameterRows = rows(parameters);
  const c = new Float64Array(p);
  const sigma = Math.sqrt(setup.noise);
  const invSqrtD = 1 / Math.sqrt(d);
  const weights = new Float64Array(n * d);
  weights.set(teacher, p * d);
  const y = new Float64Array(lay.size);
  const read = committeeReader(integrals, lay, A);
  let P: Float64Array | undefined;
  /** Draw one sample (d normals, then ζ), write c_i = v_i g'(λ_i) e and return e. */
  const sample = (x: Float64Array, rng: Rng, kern: Kernels): number => {
    rng.fillNormal(z);
    let e = -sigma * rng.normal();
    kern.gemv(x, z, lam, p, d, invSqrtD);
    kern.gemv(arrays.teacher, z, nu, k, d, invSqrtD);
    for (let i = 0; i < p; i++) e += x[p * d + i] * integrals.g(lam[i]);
    for (let r = 0; r < k; r++) e -= A[r] * integrals.g(nu[r]);
    for (let i = 0; i < p; i++) c[i] = x[p * d + i] * integrals.dg(lam[i]) * e;
    return e;
  };
  return {
    name: "committee",
    dim: p * d + p,
    statisticNames: committeeStatisticNames(lay),
    parameters,
    sampleGradient(x, rng, out) {
      const e = sample(x, rng, x === parameters ? kernels : referenceKernels);
      for (let i = 0; i < p; i++) {
        const f = c[i] * invSqrtD;
        for (let j = 0; j < d; j++) out[i * d + j] = f * z[j];
        out[p * d + i] = setup.trainReadout ? (integrals.g(lam[i]) * e) / d : 0;
      }
    },
    populationLoss(x) {
      const s = new Float64Array(lay.size + 1);
      this.statistics(x, s);
      return s[0] + setup.noise / 2;
    },
    statistics(x, out) {
      weights.set(x.subarray(0, p * d));
      const G = gramOf(weights, n, d);
      P ??= teacherBlock(G, p, k);
      for (let i = 0; i < p; i++) {
        for (let j = i; j < p; j++) y[packedIndex(p, i, j)] = G[packedIndex(n, i, j)];
        for (let r = 0; r < k; r++) y[lay.m + i * k + r] = G[packedIndex(n, i, p + r)];
        if (lay.v >= 0) y[lay.v + i] = x[p * d + i];
      }
      read(y, P, x.subarray(p * d), out);
    },
    sgdStep(x: Float64Array, lr: number, rng: Rng) {
      this.sgdSteps!(x, () => lr, rng, 0, 1);
    },
    sgdSteps(x: Float64Array, schedule: Schedule, rng: Rng, from: number, to: number) {
      const own = x === parameters;
      const kern = own ? kernels : referenceKernels;
      const W = own ? parameterRows : rows(x);
      for (let l = from; l < to; l++) {
        const eta = schedule(l);
        const e = sample(x, rng, kern);
        for (let i = 0; i < p; i++) {
          if (setup.trainReadout) x[p * d + i] -= (eta / d) * integrals.g(lam[i]) * e;
          const f = eta * c[i] * invSqrtD;
          if (f !== 0) kern.axpy(-f, z, W[i], d);
        }
      }
    },
  };
}

/** The teacher–teacher block P (k×k row-major) of a packed joint Gram matrix. */
export function teacherBlock(G: Float64Array, p: number, k: number): Float64Array {
  const n = p + k;
  const P = new Float64Array(k * k);
  for (let r = 0; r < k; r++)
    for (let s = 0; s < k; s++) P[r * k + s] = G[packedIndex(n, p + Math.min(r, s), p + Math.max(r, s))];
  return P;
}
