import { Rng } from "../../core/rng.js";
import { sgd } from "../../optimizers/optimizer.js";
import { constant } from "../../optimizers/schedule.js";
import { type RunResult, recordRun } from "../../simulate/record-run.js";
import { fullStepper } from "../../simulate/stepper.js";
import { CommitteeDimensionFree } from "./dimension-free.js";
import { committeeModel } from "./model.js";
import { committeeGrid, committeeSetup } from "./setup.js";
import type { CommitteeSpec } from "./spec.js";
import { committeeStart } from "./start.js";

/**
 * Run `index` of a committee spec: stream `index` of the spec's seed draws the start
 * ({@link committeeStart}) and then the SGD noise, so the run depends on nothing else (not on the
 * worker that runs it). Statistics at the record points of {@link committeeGrid}.
 *
 * @example simulateCommitteeRun(spec, 3).values[0] // eg of run 3 at the record points
 */
export function simulateCommitteeRun(spec: CommitteeSpec, index: number): RunResult {
  const setup = committeeSetup(spec);
  const rng = Rng.fromSeed(spec.seed).split(index);
  const start = committeeStart(spec, setup, rng);
  const { p, n } = setup.lay;
  const d = setup.d;
  const steps = committeeGrid(spec).steps;
  if (start.weights === undefined) return recordRun(new CommitteeDimensionFree(setup, start.G), rng, steps);
  const model = committeeModel(setup, start.weights.subarray(p * d, n * d));
  const x = model.parameters;
  x.set(start.weights.subarray(0, p * d));
  x.set(setup.v, p * d);
  return recordRun(fullStepper(model, sgd(constant(setup.eta)), x), rng, steps);
}
