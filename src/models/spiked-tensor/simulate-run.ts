import { Rng } from "../../core/rng.js";
import { norm2, orthonormaliseAgainst, scale } from "../../core/vector.js";
import { sgd } from "../../optimizers/optimizer.js";
import { constant } from "../../optimizers/schedule.js";
import { recordGrid } from "../../simulate/grid.js";
import { type RunResult, recordRun } from "../../simulate/record-run.js";
import { fullStepper, type Stepper } from "../../simulate/stepper.js";
import { SpikedDimensionFree } from "./dimension-free.js";
import { spikedTensorModel } from "./model.js";
import type { SpikedTensorSpec } from "./spec.js";

/** Effective time per SGD step: `delta = cDelta / N`. */
export function spikedDt(spec: SpikedTensorSpec): number {
  return spec.optimizer.cDelta / spec.model.N;
}

/** The record grid of a spec (steps and times). */
export function spikedGrid(spec: SpikedTensorSpec): { steps: number[]; t: number[] } {
  return recordGrid(spec.horizon, spec.points, spikedDt(spec));
}

/**
 * Run `index` of a spiked tensor spec: stream `index` of the spec's seed draws the spike, the start and
 * then the SGD noise, so the run depends on nothing else (not on the worker that runs it).
 *
 * @example simulateSpikedRun(spec, 3).values[0] // m at the record points of run 3
 */
export function simulateSpikedRun(spec: SpikedTensorSpec, index: number): RunResult {
  const rng = Rng.fromSeed(spec.seed).split(index);
  const stepper = spec.simulation === "full" ? fullRun(spec, rng) : dimensionFreeRun(spec, rng);
  return recordRun(stepper, rng, spikedGrid(spec).steps);
}

function fullRun(spec: SpikedTensorSpec, rng: Rng): Stepper {
  const { N } = spec.model;
  const v = new Float64Array(N);
  rng.fillNormal(v);
  scale(1 / Math.sqrt(norm2(v)), v);
  const model = spikedTensorModel(spec.model, v);
  const x = model.parameters; // in the model's kernel workspace: its fused steps run in wasm
  rng.fillNormal(x);
  if ("random" in spec.init) {
    scale(1 / Math.sqrt(N), x);
  } else {
    orthonormaliseAgainst(x, v);
    const { m, rPerp2 } = spec.init;
    const r = Math.sqrt(rPerp2);
    for (let i = 0; i < N; i++) x[i] = m * v[i] + r * x[i];
  }
  return fullStepper(model, sgd(constant(spikedDt(spec))), x);
}

function dimensionFreeRun(spec: SpikedTensorSpec, rng: Rng): Stepper {
  const { N } = spec.model;
  // x0 ~ N(0, I/N): <x0, v> ~ N(0, 1/N) and |x0_perp|^2 ~ chi2(N - 1) / N, independent.
  const [m0, rPerp20] =
    "random" in spec.init
      ? [rng.normal() / Math.sqrt(N), rng.chiSquare(N - 1) / N]
      : [spec.init.m, spec.init.rPerp2];
  return new SpikedDimensionFree(spec.model, spikedDt(spec), m0, rPerp20);
}
