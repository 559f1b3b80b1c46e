import { messages } from "../../core/messages.js";
import { type NonFinite, nonFinite } from "../../core/non-finite.js";
import { Rng } from "../../core/rng.js";
import { type Outcome, worstOutcome } from "../../core/status.js";
import { agreementOf } from "../../experiment/agreement.js";
import { type RecordBody, type RunContext, runEnsemble } from "../../experiment/experiment.js";
import type { Series } from "../../experiment/record.js";
import { recordGrid } from "../../simulate/grid.js";
import { type RunResult, recordRun } from "../../simulate/record-run.js";
import {
  eulerMaruyama,
  gaussianNoise,
  LinearSdeMoments,
  sdeStepper,
  sharedNoiseCopies,
  stackIndependent,
} from "../../theory/sde/index.js";
import { affineDrift, smeRootNoise } from "./affine-flows.js";
import { buildModel } from "./build-model.js";
import { ensembleSeries } from "./ensemble-series.js";
import { finiteSeries } from "./finite-series.js";
import type { QuadraticForm } from "./finite-sum.js";
import { finiteSumFlow } from "./flows.js";
import { type FlowsSpec, lrsOf } from "./spec.js";

const names = ["smfAbsSum", "smeSharedSumSquare"];

function grid(spec: FlowsSpec) {
  const h = lrsOf(spec)[0] / spec.substeps;
  return { h, ...recordGrid(spec.horizon, spec.points, h) };
}

/**
 * Path i of the `two-point-invariant` analysis (science/05 §2 T1b): SMF started at x0 and -x0 on shared
 * increments, and SME-2 (principal root $\sqrt{lr}\,s|x|$) started at x0 and -x0 on one shared Brownian
 * motion, by Euler–Maruyama with step lr/substeps. Records $|X(x_0) + X(-x_0)|$ (SMF: 0 on every path,
 * exactly, since the Euler–Maruyama step is odd in x for b = 0) and $(X(x_0) + X(-x_0))^2$ (SME).
 *
 * @example simulateTwoPoint(spec, 0).values[1] // (X(1) + X(-1))^2 of SME at the record points
 */
export function simulateTwoPoint(spec: FlowsSpec, index: number): RunResult {
  const { fs, x0 } = buildModel(spec.model);
  const lr = lrsOf(spec)[0];
  const p = stackIndependent([
    sharedNoiseCopies(finiteSumFlow(fs, "smf", lr), 2),
    sharedNoiseCopies(finiteSumFlow(fs, "sme2", lr), 2),
  ]);
  const stats = {
    names,
    read(x: Float64Array, out: Float64Array) {
      out[0] = Math.abs(x[0] + x[1]);
      out[1] = (x[2] + x[3]) ** 2;
    },
  };
  const { h, steps } = grid(spec);
  const start = [x0[0], -x0[0], x0[0], -x0[0]];
  const stepper = sdeStepper(p, eulerMaruyama, start, h, gaussianNoise(p.noise), stats);
  return recordRun(stepper, Rng.fromSeed(spec.seed).split(index), steps);
}

/**
 * The `two-point-invariant` analysis: scalars `smf.maxAbsSum` (largest $|X(x_0) + X(-x_0)|$ over paths and
 * record points), `smeShared.meanSquareSum` (Monte Carlo mean of $(X(x_0) + X(-x_0))^2$ at the horizon) and
 * `smeShared.meanSquareSumTheory` (exact: $2 x_0^2 e^{2aT}(e^{2 lr s^2 T} - 1)$ for random curvature, from
 * the moment ODE in general), and their agreement over t with tolerance
 * `t(paths) se + |E_EM - E_exact|` (the Euler–Maruyama bias, exact for this linear pair, see README).
 *
 * @example await runTwoPoint(spec, { executor: inThreadExecutor })
 */
export async function runTwoPoint(
  spec: FlowsSpec,
  ctx: Required<Pick<RunContext, "executor">> & RunContext,
  name: string,
): Promise<RecordBody> {
  const started = performance.now();
  const { fs, x0 } = buildModel(spec.model);
  const lr = lrsOf(spec)[0];
  const { h, steps, t } = grid(spec);
  const results = await runEnsemble(ctx, name, spec, spec.paths);
  const simulationSeconds = (performance.now() - started) / 1000;
  const { series: mc, failed, outcome: paths } = ensembleSeries("sme-shared", results, names, t, h);
  const exact = sumSquareExact(fs, lr, x0[0], t);
  const em = sumSquareEulerMaruyama(fs, lr, x0[0], h, steps);
  const [smf, sme] = [pick(mc, "smf", "smfAbsSum"), pick(mc, "sme-shared", "smeSharedSumSquare")];
  const { scalars, dropped } = twoPointScalars(results, sme, exact, em, t.length);
  const outcomes: Outcome[] = [paths, ...dropped];
  const theory = finiteSeries(
    { source: "sme-shared-exact", t, values: { smeSharedSumSquare: exact } },
    outcomes,
  );
  const body: RecordBody = {
    status: "ok",
    messages: [],
    series: [smf, sme, theory],
    scalars: { failedRuns: failed, ...scalars },
    tables: {},
    distributions: {},
    agreement: {},
    timing: { simulationSeconds },
  };
  const bias = exact.map((v, j) => Math.abs(em[j] - v));
  if (failed === 0)
    for (const [stat, entry] of Object.entries(
      agreementOf(sme, theory, { bias: { smeSharedSumSquare: bias } }),
    ))
      body.agreement[stat] = { [theory.source]: entry };
  body.timing.theorySeconds = (performance.now() - started) / 1000 - simulationSeconds;
  if (failed > 0)
    outcomes.push({
      status: paths.status,
      messages: [messages.flowsDivergedPaths("sme-shared", failed, spec.paths)],
    });
  return { ...body, ...worstOutcome(outcomes) };
}

/** One statistic of the ensemble series, as its own source. */
function pick(mc: Series, source: string, stat: string): Series {
  return {
    source,
    t: mc.t,
    values: { [stat]: mc.values[stat] },
    stderr: { [stat]: mc.stderr?.[stat] ?? [] },
    runs: mc.runs,
  };
}

/**
 * The public scalars of the analysis: the finite ones, and for each that is not finite (the exact moments
 * overflow at a large lr) the shared non-finite outcome in `dropped`.
 */
function twoPointScalars(
  results: readonly RunResult[],
  sme: Series,
  exact: readonly number[],
  em: readonly number[],
  points: number,
): { scalars: Record<string, number>; dropped: NonFinite[] } {
  let maxAbsSum = 0;
  for (const r of results)
    for (let j = 0; j < r.recorded; j++) maxAbsSum = Math.max(maxAbsSum, r.values[0][j]);
  const out: Record<string, number> = { "smf.maxAbsSum": maxAbsSum };
  const last = points - 1;
  if (sme.t.length === points) {
    out["smeShared.meanSquareSum"] = sme.values.smeSharedSumSquare[last];
    out["smeShared.meanSquareSumStderr"] = sme.stderr?.smeSharedSumSquare[last] ?? 0;
  }
  out["smeShared.meanSquareSumTheory"] = exact[last];
  out["smeShared.eulerMaruyamaBias"] = Math.abs(em[last] - exact[last]);
  const dropped = Object.entries(out).flatMap(([k, v]) =>
    Number.isFinite(v) ? [] : [nonFinite(`scalar ${k}`, v)],
  );
  return { scalars: Object.fromEntries(Object.entries(out).filter(([, v]) => Number.isFinite(v))), dropped };
}

/** Exact $E(X(x_0) + X(-x_0))^2$ of SME with a shared motion: $C_{aa} + 2 C_{ab} + C_{bb}$ from the moment ODE. */
function sumSquareExact(fs: QuadraticForm, lr: number, x: number, t: readonly number[]): number[] {
  const sign = Math.sign(x) || 1;
  const drift = affineDrift(fs, "sme2", lr);
  const [na, nb] = [smeRootNoise(fs, lr, sign), smeRootNoise(fs, lr, -sign)];
  if (!na || !nb) throw new Error("two-point-invariant needs a 1-D model with b = 0 (checkFlowsSpec)");
  const second = (noiseA: typeof na, noiseB: typeof na, xa: number, xb: number, time: number) => {
    const m = new LinearSdeMoments(drift, noiseA, noiseB);
    return m.at(m.start([xa], [xb]), time).C[0];
  };
  return t.map(
    (time) => second(na, na, x, x, time) + 2 * second(na, nb, x, -x, time) + second(nb, nb, -x, -x, time),
  );
}

/**
 * The same expectation for Euler–Maruyama with step h, exactly: each step multiplies $X_a X_b$ by
 * $(1 + B h + s_a \Delta W)(1 + B h + s_b \Delta W)$, whose mean is $(1 + Bh)^2 + s_a s_b h$ (1-D, c = 0).
 */
function sumSquareEulerMaruyama(
  fs: QuadraticForm,
  lr: number,
  x: number,
  h: number,
  steps: readonly number[],
): number[] {
  const B = affineDrift(fs, "sme2", lr).B[0];
  const s = smeRootNoise(fs, lr, 1)?.D[0][0] ?? 0;
  const grow = (sa: number, sb: number, n: number) => ((1 + B * h) ** 2 + sa * sb * h) ** n;
  return steps.map((n) => x * x * (2 * grow(s, s, n) - 2 * grow(s, -s, n)));
}
