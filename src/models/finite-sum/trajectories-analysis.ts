import { messages } from "../../core/messages.js";
import { Rng } from "../../core/rng.js";
import { type Outcome, worstOutcome } from "../../core/status.js";
import { agreementOf } from "../../experiment/agreement.js";
import {
  emptyRecordBody,
  type RecordBody,
  type RunContext,
  runEnsemble,
} from "../../experiment/experiment.js";
import { recordGrid } from "../../simulate/grid.js";
import { type RunResult, recordRun } from "../../simulate/record-run.js";
import {
  affineMomentStep,
  type CrossMoments,
  eulerMaruyama,
  gaussianNoise,
  sdeStepper,
  startMoments,
} from "../../theory/sde/index.js";
import { averages, sgdBranches } from "./affine-flows.js";
import { buildModel } from "./build-model.js";
import { ensembleSeries } from "./ensemble-series.js";
import { finiteSeries } from "./finite-series.js";
import type { QuadraticFiniteSum } from "./finite-sum.js";
import { finiteSumFlow } from "./flows.js";
import { finiteSumSgd } from "./sgd-stepper.js";
import { type FlowsSpec, lrsOf } from "./spec.js";
import { modelMoments } from "./weak-order.js";

/** The ensembles of the trajectories analysis, in run-index order (paths runs each). */
export const trajectorySources = ["sgd", "sme1", "sme2", "smf"] as const;

function grid(spec: FlowsSpec) {
  const lr = lrsOf(spec)[0];
  return { lr, h: lr / spec.substeps, ...recordGrid(spec.horizon, spec.points, lr) };
}

/**
 * Run `index` of the `trajectories` analysis: ensemble `floor(index / paths)` of {@link trajectorySources}
 * (SGD, then SME-1, SME-2, SMF by Euler–Maruyama with step lr/substeps), path `index mod paths`, from
 * stream `index` of the seed. Records the loss f(X) at t = lr × steps.
 *
 * @example simulateTrajectory(spec, spec.paths * 3) // the first SMF path
 */
export function simulateTrajectory(spec: FlowsSpec, index: number): RunResult {
  const { fs, x0 } = buildModel(spec.model);
  const source = trajectorySources[Math.floor(index / spec.paths)];
  const { lr, h, steps } = grid(spec);
  const stats = {
    names: ["loss"],
    read: (x: Float64Array, out: Float64Array) => {
      out[0] = fs.loss(x);
    },
  };
  const rng = Rng.fromSeed(spec.seed).split(index);
  if (source === "sgd") return recordRun(finiteSumSgd(fs, lr, x0, stats), rng, steps);
  const flow = finiteSumFlow(fs, source, lr);
  const stepper = sdeStepper(flow, eulerMaruyama, x0, h, gaussianNoise(flow.noise), stats);
  return recordRun(
    stepper,
    rng,
    steps.map((s) => s * spec.substeps),
  );
}

/** $E f(X) = \tfrac12 \mathrm{tr}(\bar A C) - \bar b\cdot\mu + \bar c$ from the moments of one point. */
function expectedLoss(fs: QuadraticFiniteSum, m: CrossMoments): number {
  const { A, b } = averages(fs);
  const d = b.length;
  let s = fs.c.reduce((a, v) => a + v, 0) / fs.c.length;
  for (let i = 0; i < d; i++) {
    s -= b[i] * m.muA[i];
    for (let j = 0; j < d; j++) s += 0.5 * A[i * d + j] * m.C[j * d + i];
  }
  return s;
}

/**
 * The `trajectories` analysis: for the user's finite sum, the SGD ensemble and the SME-1, SME-2 and SMF
 * ensembles (mean loss and its variance over paths, with standard errors), next to the exact mean loss of
 * SGD (moment recursion) and of each flow (moment ODE) and gradient flow. Agreement: SGD against its exact
 * moments (tolerance: the Monte Carlo error only), and each flow's ensemble against its exact moments with
 * the Euler–Maruyama bias, computed exactly, as the bias bound.
 *
 * @example await runTrajectories(spec, ctx, "least-squares")
 */
export async function runTrajectories(
  spec: FlowsSpec,
  ctx: Required<Pick<RunContext, "executor">> & RunContext,
  name: string,
): Promise<RecordBody> {
  const started = performance.now();
  const { fs, x0 } = buildModel(spec.model);
  const { lr, h, steps, t } = grid(spec);
  const total = trajectorySources.length * spec.paths;
  const results = await runEnsemble(ctx, name, spec, total);
  const body: RecordBody = {
    ...emptyRecordBody(),
    timing: { simulationSeconds: (performance.now() - started) / 1000 },
  };
  const outcomes: Outcome[] = [];
  const theoryStart = performance.now();
  trajectorySources.forEach((source, k) => {
    const runs = results.slice(k * spec.paths, (k + 1) * spec.paths);
    const label = source === "sgd" ? "simulation" : source;
    const { series, failed, outcome } = ensembleSeries(label, runs, ["loss"], t, lr, ["loss"]);
    body.series.push(series);
    body.scalars[`${source}.failedRuns`] = failed;
    if (failed > 0) {
      outcomes.push({
        status: outcome.status,
        messages: [messages.flowsDivergedPaths(source, failed, spec.paths)],
      });
      return;
    }
    outcomes.push(outcome); // a moment of the ensemble that overflowed (its series is cut there), else ok
    const { exact, bias } = exactLoss(fs, x0, lr, h, spec.substeps, source, steps);
    const theory = finiteSeries({ source: `${source}-moments`, t, values: { loss: exact } }, outcomes);
    body.series.push(theory);
    if (theory.t.length < t.length) return;
    for (const [stat, entry] of Object.entries(agreementOf(series, theory, { bias: { loss: bias } })))
      body.agreement[stat] = { ...body.agreement[stat], [theory.source]: entry };
  });
  const gf = modelMoments(fs, "gf", lr, "second-moment", x0);
  if (gf) {
    const values = t.map((time) => expectedLoss(fs, gf.at(gf.start(x0, x0), time)));
    body.series.push(finiteSeries({ source: "gradient-flow", t, values: { loss: values } }, outcomes));
  }
  body.timing.theorySeconds = (performance.now() - theoryStart) / 1000;
  return { ...body, ...worstOutcome(outcomes) };
}

/**
 * The exact mean loss of one source at the record steps, and the bias bound of its ensemble: 0 for SGD
 * (exact recursion), |Euler–Maruyama moments - exact moments| for a flow (both exact).
 */
function exactLoss(
  fs: QuadraticFiniteSum,
  x0: number[],
  lr: number,
  h: number,
  substeps: number,
  source: (typeof trajectorySources)[number],
  steps: readonly number[],
): { exact: number[]; bias: number[] } {
  if (source === "sgd") {
    const exact: number[] = [];
    let done = 0;
    let m = startMoments(x0, x0);
    for (const s of steps) {
      m = s > done ? sgdMomentsFrom(fs, lr, s - done, m) : m;
      done = s;
      exact.push(expectedLoss(fs, m));
    }
    return { exact, bias: exact.map(() => 0) };
  }
  const moments = modelMoments(fs, source, lr, "second-moment", x0);
  if (!moments) throw new Error(`no moments for ${source}`);
  const y0 = moments.start(x0, x0);
  const uniform = steps.every((s, j) => s === j * steps[1]);
  const states = uniform
    ? moments.grid(y0, steps[1] * lr, steps.length)
    : steps.map((s) => moments.advance(y0, s * lr));
  const exact = states.map((y) => expectedLoss(fs, moments.read(y)));
  const em: number[] = [];
  let y = y0;
  let done = 0;
  for (const s of steps) {
    for (; done < s * substeps; done++) y = moments.eulerMaruyamaStep(y, h);
    em.push(expectedLoss(fs, moments.read(y)));
  }
  return { exact, bias: exact.map((v, j) => Math.abs(em[j] - v)) };
}

/** SGD moments `steps` steps on from `m`. */
function sgdMomentsFrom(fs: QuadraticFiniteSum, lr: number, steps: number, m: CrossMoments): CrossMoments {
  const branches = sgdBranches(fs, lr);
  let out = m;
  for (let s = 0; s < steps; s++) out = affineMomentStep(branches, fs.dim, out);
  return out;
}
