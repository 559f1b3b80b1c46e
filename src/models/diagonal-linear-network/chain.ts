import type { Rng } from "../../core/rng.js";
import { dlnFactorUpdate, dlnImbalance, dlnValue, kernelWorkspace } from "../../kernels/index.js";
import type { Stepper } from "../../simulate/stepper.js";
import type { DataMoments } from "./moments.js";

const SQRT3 = Math.sqrt(3);

/** How a chain moves: minibatch SGD, full-batch GD (population gradient), or GD + isotropic noise. */
export type ChainMode = "sgd" | "gd" | "gd-isotropic-noise";

/** Everything a chain needs; `noiseSd` is the per-step sd of the injected isotropic noise. */
export interface ChainOptions {
  depth: number;
  width: number;
  gaussian: boolean;
  slope: number;
  noise: number;
  lr: number;
  batch: number;
  ridge: number;
  mode: ChainMode;
  moments: DataMoments;
  noiseSd: number;
}

/**
 * One chain of SGD on the diagonal linear network $\ell = (v x - y)^2$, $v = \sum_i \prod_{k=0}^{D} u_i^{(k)}$,
 * as a `Stepper` (statistics: `v`, `logImbalanceRatio` = ln|D_t/D_0| of path 0 (D = u^2 - w^2, depth 1;
 * 0 from a balanced start D_0 = 0, where the ratio is undefined),
 * `identityMaxError` = running max over steps of the relative error of the exact one-step identity
 * $D' = (1 - \mathrm{lr}^2 g^2) D$, `imbalanceDrift` = |D_t - D_0|, and `v0`, `v1`, ... per path).
 *
 * Each step draws S samples (x uniform or Gaussian, y = k x + sigma eps), g = minibatch mean of
 * $2x(vx - y)$, then $u_i^{(k)} \leftarrow u_i^{(k)} - \mathrm{lr}(g \prod_{j \ne k} u_i^{(j)} + 2\gamma u_i^{(k)})$.
 *
 * @example recordRun(dlnChain(opts, params), rng, steps)
 *
 * Reference: science/03 §§2–3.
 */
export function dlnChain(o: ChainOptions, params: Float64Array): Stepper {
  const F = o.depth + 1;
  const saved = new Float64Array(params.length);
  const others = new Float64Array(F);
  const d0 = F >= 2 ? dlnImbalance(params) : 1;
  let maxErr = 0;
  let savedErr = 0;
  const checkIdentity = F === 2 && o.mode === "sgd" && o.ridge === 0;
  const block = Math.max(1, Math.floor(BLOCK_DRAWS / (2 * o.batch)));
  const ws = kernelWorkspace({ params: params.length, samples: 2 * o.batch * block, others: F });
  // SGD's draws do not depend on the state: draw a block of steps' samples (in the order of one step
  // after another, so the stream is the same), then run the steps on them in the kernel.
  const steps = (rng: Rng, n: number) => {
    if (o.mode !== "sgd") {
      for (let l = 0; l < n; l++) gdStep(o, params, others, rng);
      return;
    }
    const { kernels: k, arrays: a } = ws;
    a.params.set(params);
    for (let done = 0; done < n; done += block) {
      const m = Math.min(block, n - done);
      drawSamples(o, rng, a.samples, m);
      maxErr = k.dlnSgdSteps(
        a.params,
        a.samples,
        a.others,
        m,
        F,
        o.width,
        o.batch,
        o.lr,
        o.ridge,
        o.slope,
        o.noise,
        checkIdentity,
        maxErr,
      );
    }
    params.set(a.params);
  };
  return {
    statisticNames: ["v", "logImbalanceRatio", "identityMaxError", "imbalanceDrift", ...pathNames(o.width)],
    advance: (rng) => steps(rng, 1),
    advanceMany(rng, from, to) {
      if (to > from) steps(rng, to - from);
    },
    read(out) {
      for (let i = 0; i < o.width; i++) out[4 + i] = pathValue(params, i, F);
      out[0] = dlnValue(params, o.width, F);
      // A balanced path 0 (D_0 = 0) has no ratio; SGD keeps D = 0 (D' = (1 - lr^2 g^2) D): reported as 0.
      const ratio = F >= 2 && d0 !== 0 ? Math.abs(dlnImbalance(params) / d0) : 1;
      out[1] = Math.max(-745, Math.log(ratio));
      out[2] = maxErr;
      out[3] = F >= 2 ? Math.abs(dlnImbalance(params) - d0) : 0;
    },
    size() {
      let s = 0;
      for (let i = 0; i < params.length; i++) s += params[i] * params[i];
      return s;
    },
    save() {
      saved.set(params);
      savedErr = maxErr;
    },
    restore() {
      params.set(saved);
      maxErr = savedErr;
    },
  };
}

/** `v0`, `v1`, ...: the per-path statistic names. */
function pathNames(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `v${i}`);
}

/** Path `i`'s value $\prod_k u_i^{(k)}$ (`F` factors per path). */
function pathValue(params: Float64Array, i: number, F: number): number {
  let p = 1;
  for (let k = 0; k < F; k++) p *= params[i * F + k];
  return p;
}

/** Draws buffered at a time by an SGD chain (a block of steps' samples). */
const BLOCK_DRAWS = 512;

/**
 * The samples of `steps` SGD steps, step after step and sample after sample, as pairs (x, ε) in `out`:
 * x uniform on $[-\sqrt3, \sqrt3]$ or Gaussian, then the label noise ε, exactly the draws (and their
 * order) of drawing each step's samples when it runs.
 */
function drawSamples(o: ChainOptions, rng: Rng, out: Float64Array, steps: number): void {
  const n = 2 * o.batch * steps;
  for (let j = 0; j < n; j += 2) {
    out[j] = o.gaussian ? rng.normal() : rng.uniform(-SQRT3, SQRT3);
    out[j + 1] = rng.normal();
  }
}

/**
 * One GD step: the population gradient $2(\beta_1 v - \beta_2)$ ({@link DataMoments}), every factor
 * updated ({@link dlnFactorUpdate}), then in mode `gd-isotropic-noise` the isotropic noise added to each
 * factor in order (the values and draws of adding it factor by factor).
 */
function gdStep(o: ChainOptions, params: Float64Array, others: Float64Array, rng: Rng): void {
  const F = others.length;
  const g = 2 * (o.moments.beta1 * dlnValue(params, o.width, F) - o.moments.beta2);
  dlnFactorUpdate(params, others, F, o.width, g, o.lr, o.ridge);
  if (o.mode === "gd-isotropic-noise")
    for (let j = 0; j < F * o.width; j++) params[j] += o.noiseSd * rng.normal();
}
