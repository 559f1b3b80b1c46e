import { messages } from "../../core/messages.js";
import { type Outcome, worstOutcome } from "../../core/status.js";
import { agreementOf } from "../../experiment/agreement.js";
import {
  type Experiment,
  emptyRecordBody,
  type RecordBody,
  type RunContext,
  runEnsemble,
} from "../../experiment/experiment.js";
import type { AgreementEntry, Series } from "../../experiment/record.js";
import { summariseEnsemble } from "../../simulate/ensemble.js";
import type { RunResult } from "../../simulate/record-run.js";
import { checkGmmSpec } from "./check.js";
import { gmmCost } from "./cost.js";
import { diffusiveBody } from "./diffusive-body.js";
import { endpointsTable } from "./endpoints.js";
import { gmmStatisticNames, stateNames } from "./geometry.js";
import { cAlpha, successProbability } from "./limits.js";
import { fixedStart, gmmDt, gmmGrid, gmmParams, simulateGmmRun } from "./simulate-run.js";
import { type GmmTwoLayerSpec, gmmTwoLayerSpec } from "./spec.js";
import { gmmTheorySeries } from "./theory.js";
import { gmmGapModel, successTolerance, trackingEntry } from "./tolerance.js";

type Ctx = Required<Pick<RunContext, "executor">> & RunContext;

/**
 * Online SGD for a two-layer ReLU network on binary and XOR Gaussian mixtures next to its ballistic ODE
 * (finite snr, with the corrector) and the snr = Infinity ODE, with the success probability of a random
 * start (1/2 binary, P_K XOR); success against the width is a sweep over model.K (science/01 §3).
 */
export const gmmTwoLayerExperiment: Experiment<GmmTwoLayerSpec> = {
  name: "gmm-two-layer",
  description:
    "Two-layer ReLU network on binary / XOR Gaussian mixtures: ODE with corrector, snr = Infinity ODE, success probability",
  schema: gmmTwoLayerSpec,
  cost: gmmCost,
  check: checkGmmSpec,
  simulateRun: simulateGmmRun,
  async run(spec, ctx) {
    const start = performance.now();
    const results = await runEnsemble(ctx, this.name, spec, spec.runs);
    const simulationSeconds = (performance.now() - start) / 1000;
    const body = spec.analysis === "diffusive" ? diffusiveBody(spec, results) : runBody(spec, results, ctx);
    body.timing.simulationSeconds = simulationSeconds;
    return body;
  },
};

function runBody(spec: GmmTwoLayerSpec, results: RunResult[], ctx: Ctx): RecordBody {
  const body = emptyRecordBody();
  const params = gmmParams(spec);
  const names = gmmStatisticNames(params.task, params.K);
  const state = stateNames(params.task, params.K);
  const grid = gmmGrid(spec);
  const fixed = fixedStart(spec) !== undefined;
  const summary = summariseEnsemble(results, fixed ? names : names.slice(0, 2), grid.t, gmmDt(spec));
  const sim: Series = {
    source: "simulation",
    t: summary.t,
    values: summary.mean,
    stderr: summary.stderr,
    runs: spec.runs,
  };
  const outcomes: Outcome[] = [summary.outcome];
  if (summary.failedRuns > 0)
    outcomes.push({
      status: "ok",
      messages: [messages.divergedRuns(summary.failedRuns, spec.runs), messages.noAgreementAfterFailure],
    });
  const track = trackSeries(results[spec.track], names, grid.t);
  body.series.push(sim, track);
  const end = endpointsTable(params, results);
  body.tables.endpoints = end.table;
  const P = successProbability(params.task, params.K);
  body.scalars = {
    cAlpha: cAlpha(params.task, params.ridge),
    successFraction: end.fraction,
    successStderr: end.stderr,
    failedRuns: summary.failedRuns,
  };
  // A success probability belongs to a random start; a fixed start has one fate.
  if (fixedStart(spec) === undefined) body.scalars.successProbability = P;
  const start = performance.now();
  const u0 = state.map((n) => track.values[n][0]);
  for (const source of spec.theory) {
    if (source === "success-probability") {
      // Only a random start has a success probability (a fixed start has one fate), and only finished runs.
      if (fixedStart(spec) === undefined && end.finished > 0)
        body.agreement.successFraction = {
          [source]: successEntry(end.fraction, P, end.finished, spec.horizon),
        };
      continue;
    }
    const theory = gmmTheorySeries(params, spec.optimizer.cDelta, source, u0, grid.t);
    outcomes.push(theory.outcome);
    if (!theory.series) continue;
    body.series.push(theory.series);
    if (source === "ode") compareWithOde(spec, sim, track, theory.series, results, body, outcomes);
  }
  ctx.onProgress?.({ phase: "theory", done: 1, total: 1 });
  body.timing.theorySeconds = (performance.now() - start) / 1000;
  Object.assign(body, worstOutcome(outcomes));
  return body;
}

/** The tracked run's statistics up to the last point it reached, as the `track` series. */
function trackSeries(tracked: RunResult, names: readonly string[], t: readonly number[]): Series {
  const track: Series = { source: "track", t: t.slice(0, tracked.recorded), values: {} };
  names.forEach((n, s) => {
    track.values[n] = Array.from(tracked.values[s].subarray(0, tracked.recorded));
  });
  return track;
}

/** The success fraction of `finished` runs against `P`, within `successTolerance` (binomial, at t = horizon). */
function successEntry(fraction: number, P: number, finished: number, horizon: number): AgreementEntry {
  const gap = Math.abs(fraction - P);
  const tolerance = successTolerance(P, finished);
  return { maxAbs: gap, at: horizon, tolerance, pass: gap <= tolerance, final: gap };
}

/**
 * Agreement of the finite-snr ODE with the simulation, when every run starts from the same statistics:
 * the mean per statistic (`agreement[stat].ode`), and the tracked run alone (`agreement[stat]["ode-track"]`), with the gap model of
 * tolerance.ts. From random starts the runs' spread does not predict one run's, so nothing is measured.
 */
function compareWithOde(
  spec: GmmTwoLayerSpec,
  sim: Series,
  track: Series,
  ode: Series,
  results: RunResult[],
  body: RecordBody,
  outcomes: Outcome[],
): void {
  const params = gmmParams(spec);
  const state = stateNames(params.task, params.K);
  if (fixedStart(spec) === undefined || spec.runs < 2) {
    outcomes.push({ status: "ok", messages: [messages.gmmNoTracking] });
    return;
  }
  if (body.scalars.failedRuns > 0) return;
  const u0 = state.map((n) => track.values[n][0]);
  const fine = gmmTheorySeries(params, spec.optimizer.cDelta, "ode", u0, sim.t, 4).series;
  const gap = gmmGapModel(state, spec.model.N, ode, fine ?? ode);
  for (const [stat, entry] of Object.entries(agreementOf(sim, ode, gap)))
    body.agreement[stat] = { ode: entry };
  // The tracked run alone against the same ODE, as the theory "ode-track" of each statistic.
  state.forEach((name, k) => {
    const sd = sim.t.map((_, j) => sampleSd(results, k + 2, j));
    const e = trackingEntry(sim.t, track.values[name], ode.values[name], sd, gap.bias[name], spec.runs);
    body.agreement[name] = { ...body.agreement[name], "ode-track": e };
  });
}

function sampleSd(results: RunResult[], s: number, j: number): number {
  const n = results.length;
  let mean = 0;
  for (const r of results) mean += r.values[s][j] / n;
  let ss = 0;
  for (const r of results) ss += (r.values[s][j] - mean) ** 2;
  return Math.sqrt(ss / (n - 1));
}
