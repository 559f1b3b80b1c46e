import type { Rng } from "../../core/rng.js";
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
  const d0 = F >= 2 ? imbalance(params) : 1;
  let maxErr = 0;
  let savedErr = 0;
  const checkIdentity = F === 2 && o.mode === "sgd" && o.ridge === 0;
  const block = Math.max(1, Math.floor(BLOCK_DRAWS / (2 * o.batch)));
  const samples = new Float64Array(2 * o.batch * block);
  const apply = (g: number, rng: Rng) => {
    const before = F >= 2 ? imbalance(params) : 0;
    updatePaths(o, params, others, g, rng);
    if (checkIdentity) maxErr = Math.max(maxErr, identityError(imbalance(params), before, o.lr * g));
  };
  // SGD's draws do not depend on the state: draw a block of steps' samples (in the order of one step
  // after another, so the stream is the same), then run the steps on them.
  const steps = (rng: Rng, n: number) => {
    if (o.mode !== "sgd") {
      for (let l = 0; l < n; l++) apply(populationGradient(o, networkValue(params, o.width, F)), rng);
      return;
    }
    for (let done = 0; done < n; done += block) {
      const m = Math.min(block, n - done);
      drawSamples(o, rng, samples, m);
      for (let l = 0; l < m; l++) apply(sampleGradient(o, networkValue(params, o.width, F), samples, l), rng);
    }
  };
  return {
    statisticNames: ["v", "logImbalanceRatio", "identityMaxError", "imbalanceDrift", ...pathNames(o.width)],
    advance: (rng) => steps(rng, 1),
    advanceMany(rng, from, to) {
      if (to > from) steps(rng, to - from);
    },
    read(out) {
      for (let i = 0; i < o.width; i++) out[4 + i] = pathValue(params, i, F);
      out[0] = networkValue(params, o.width, F);
      // A balanced path 0 (D_0 = 0) has no ratio; SGD keeps D = 0 (D' = (1 - lr^2 g^2) D): reported as 0.
      const ratio = F >= 2 && d0 !== 0 ? Math.abs(imbalance(params) / d0) : 1;
      out[1] = Math.max(-745, Math.log(ratio));
      out[2] = maxErr;
      out[3] = F >= 2 ? Math.abs(imbalance(params) - d0) : 0;
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

/** The imbalance $D = u^2 - w^2$ of path 0 (its first two factors). */
function imbalance(params: Float64Array): number {
  return params[0] * params[0] - params[1] * params[1];
}

/** Path `i`'s value $\prod_k u_i^{(k)}$ (`F` factors per path). */
function pathValue(params: Float64Array, i: number, F: number): number {
  let p = 1;
  for (let k = 0; k < F; k++) p *= params[i * F + k];
  return p;
}

/** The network's value $v = \sum_i \prod_k u_i^{(k)}$. */
function networkValue(params: Float64Array, width: number, F: number): number {
  let v = 0;
  for (let i = 0; i < width; i++) v += pathValue(params, i, F);
  return v;
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
 * The SGD gradient of the loss in v at step `l` of the samples: the mean of $2x(vx - y)$ over the batch,
 * y = slope x + noise ε.
 */
function sampleGradient(o: ChainOptions, v: number, samples: Float64Array, l: number): number {
  let g = 0;
  for (let b = 0, j = 2 * o.batch * l; b < o.batch; b++, j += 2) {
    const x = samples[j];
    const y = o.slope * x + o.noise * samples[j + 1];
    g += 2 * x * (v * x - y);
  }
  return g / o.batch;
}

/** GD's gradient: the population value $2(\beta_1 v - \beta_2)$ ({@link DataMoments}). */
function populationGradient(o: ChainOptions, v: number): number {
  return 2 * (o.moments.beta1 * v - o.moments.beta2);
}

/**
 * One step of every path's factors, $u^{(k)} \leftarrow u^{(k)} - \mathrm{lr}(g \prod_{j \ne k} u^{(j)} +
 * 2\gamma u^{(k)})$ (the products by prefix and suffix products in `others`), plus the isotropic noise in
 * mode `gd-isotropic-noise`.
 */
function updatePaths(o: ChainOptions, params: Float64Array, others: Float64Array, g: number, rng: Rng): void {
  const F = others.length;
  for (let i = 0; i < o.width; i++) {
    const base = i * F;
    let prefix = 1;
    for (let k = 0; k < F; k++) {
      others[k] = prefix;
      prefix *= params[base + k];
    }
    let suffix = 1;
    for (let k = F - 1; k >= 0; k--) {
      others[k] *= suffix;
      suffix *= params[base + k];
    }
    for (let k = 0; k < F; k++) {
      let next = params[base + k] - o.lr * (g * others[k] + 2 * o.ridge * params[base + k]);
      if (o.mode === "gd-isotropic-noise") next += o.noiseSd * rng.normal();
      params[base + k] = next;
    }
  }
}

/** Relative error of the exact depth-1 identity $D' = (1 - (\mathrm{lr}\,g)^2) D$ after one step. */
function identityError(after: number, before: number, lrG: number): number {
  return Math.abs(after - (1 - lrG * lrG) * before) / Math.max(Math.abs(after), 1e-300);
}
