import { Rng } from "../../core/rng.js";
import { type RunResult, recordRun } from "../../simulate/record-run.js";
import { eulerMaruyama, gaussianNoise, sdeStepper } from "../../theory/sde/index.js";
import { type ChainMode, type ChainOptions, dlnChain } from "./chain.js";
import { scalarNetworkSde } from "./continuous-sde.js";
import { dataMoments, noiseG } from "./moments.js";
import { type DlnSpec, initValue, temperature } from "./spec.js";
import { sweepRun } from "./sweep-plan.js";

/**
 * Record steps of a spec: sample times burnIn + j sampleEvery (stationary) or j sampleEvery (balance),
 * snapped to whole steps; the reported time is the simulated one, `steps × lr` (as in `recordGrid`).
 */
export function dlnRecordSteps(spec: DlnSpec): { t: number[]; steps: number[] } {
  const from = spec.analysis === "balance" || spec.analysis === "memory" ? 0 : spec.burnIn;
  const lr = spec.optimizer.lr;
  const steps: number[] = [];
  for (let j = 0; from + j * spec.sampleEvery <= spec.horizon * (1 + 1e-12); j++) {
    const step = Math.round((from + j * spec.sampleEvery) / lr);
    if (steps.length === 0 || step > steps[steps.length - 1]) steps.push(step);
  }
  return { t: steps.map((s) => s * lr), steps };
}

/** Number of SDE paths of the balance analysis' theory series. */
export function sdePaths(spec: DlnSpec): number {
  return Math.min(spec.chains, 500);
}

/** What run index i of a spec is: chains of SGD, then (balance) GD + isotropic noise, then SDE paths. */
export function runKind(spec: DlnSpec, i: number): ChainMode | "sde" {
  if (spec.analysis !== "balance" || i < spec.chains) return "sgd";
  return i < 2 * spec.chains ? "gd-isotropic-noise" : "sde";
}

/** Initial factors, path-major: u_i then D copies of w_i. */
export function initialParams(spec: DlnSpec): Float64Array {
  const F = spec.model.depth + 1;
  const p = new Float64Array(spec.model.width * F);
  for (let i = 0; i < spec.model.width; i++) {
    p[i * F] = initValue(spec.init.u, i);
    for (let k = 1; k < F; k++) p[i * F + k] = initValue(spec.init.w, i);
  }
  return p;
}

/**
 * Per-step sd of the injected isotropic noise: the SGD gradient noise on v at the start, lr sqrt(4 g(v0)/S),
 * the same for every parameter (science/03 §2: isotropic noise diffuses along the symmetry).
 */
export function isotropicNoiseSd(spec: DlnSpec): number {
  const m = dataMoments(spec.model.data);
  let v0 = 0;
  const p = initialParams(spec);
  const F = spec.model.depth + 1;
  for (let i = 0; i < spec.model.width; i++) {
    let prod = 1;
    for (let k = 0; k < F; k++) prod *= p[i * F + k];
    v0 += prod;
  }
  return spec.optimizer.lr * Math.sqrt((4 * noiseG(m, v0)) / spec.optimizer.batch);
}

/**
 * Run i of a spec from stream i of its seed: an SGD chain, a GD + isotropic noise chain, or (balance) an
 * Euler–Maruyama path of the continuous model on (u, w) with the shared rank-one noise, step lr.
 */
export function simulateDlnRun(spec: DlnSpec, i: number): RunResult {
  const rng = Rng.fromSeed(spec.seed).split(i);
  if (spec.analysis === "temperature-sweep") return chainRun(sweepRun(spec, i).spec, rng, "sgd");
  const kind = runKind(spec, i);
  if (kind === "sde") return recordRun(balanceSde(spec), rng, dlnRecordSteps(spec).steps);
  return chainRun(spec, rng, kind);
}

/** The chain options of a spec's model and optimizer, in a given mode (fields of `overrides` win). */
export function chainOptions(
  spec: DlnSpec,
  mode: ChainMode,
  overrides: Partial<ChainOptions> = {},
): ChainOptions {
  const { data } = spec.model;
  const o = spec.optimizer;
  return {
    depth: spec.model.depth,
    width: spec.model.width,
    gaussian: data.x === "gaussian",
    slope: data.slope,
    noise: data.noise,
    lr: o.lr,
    batch: o.batch,
    ridge: o.ridge,
    mode,
    moments: dataMoments(data),
    noiseSd: isotropicNoiseSd(spec),
    ...overrides,
  };
}

/** One chain of the spec's model and optimizer from its init, recorded at the spec's record steps. */
function chainRun(spec: DlnSpec, rng: Rng, kind: ChainMode): RunResult {
  const chain = dlnChain(chainOptions(spec, kind), initialParams(spec));
  return recordRun(chain, rng, dlnRecordSteps(spec).steps);
}

/** Euler–Maruyama path of the continuous model at the spec's T with h = lr, recording v, ln|D/D0|, |D - D0|. */
function balanceSde(spec: DlnSpec) {
  const x0 = initialParams(spec);
  const d0 = x0[0] * x0[0] - x0[1] * x0[1];
  const problem = scalarNetworkSde(dataMoments(spec.model.data), temperature(spec));
  return sdeStepper(problem, eulerMaruyama, x0, spec.optimizer.lr, gaussianNoise(1), {
    names: ["v", "logImbalanceRatio", "imbalanceDrift"],
    read(x, out) {
      const d = x[0] * x[0] - x[1] * x[1];
      out[0] = x[0] * x[1];
      out[1] = Math.max(-745, Math.log(Math.abs(d / d0)));
      out[2] = Math.abs(d - d0);
    },
  });
}
