import { messages } from "../../core/messages.js";
import { type Outcome, worstOutcome } from "../../core/status.js";
import { agreementOf } from "../../experiment/agreement.js";
import {
  type Experiment,
  emptyRecordBody,
  type RecordBody,
  simulationSeries,
} from "../../experiment/experiment.js";
import type { Series } from "../../experiment/record.js";
import type { RunResult } from "../../simulate/record-run.js";
import { checkCommitteeSpec } from "./check.js";
import { committeeCost } from "./cost.js";
import { committeeStatisticNames } from "./layout.js";
import { committeeMessages } from "./messages.js";
import { detectPlateau } from "./plateau.js";
import { type CommitteeSetup, committeeGrid, committeeSetup } from "./setup.js";
import { simulateCommitteeRun } from "./simulate-run.js";
import { type CommitteeSpec, committeeSpec } from "./spec.js";
import { type CommitteeOdeRun, committeeOdeRuns } from "./theory.js";

/**
 * Online SGD on the two-layer teacher–student network (soft committee machine), full or dimension-free,
 * next to the order-parameter ODEs, in any peer's convention (science/06).
 */
export const committeeExperiment: Experiment<CommitteeSpec> = {
  name: "committee",
  description:
    "Committee machine (two-layer teacher-student, online SGD): full and exact dimension-free simulation, Saad-Solla/Goldt ODEs, peer conventions",
  schema: committeeSpec,
  cost: committeeCost,
  check: checkCommitteeSpec,
  simulateRun: simulateCommitteeRun,
  async run(spec, ctx) {
    const setup = committeeSetup(spec);
    const grid = committeeGrid(spec);
    const names = committeeStatisticNames(setup.lay);
    const body: RecordBody = { ...emptyRecordBody(), tables: { readout: readoutTable(setup) } };
    const outcomes: Outcome[] = [];
    let results: RunResult[] | undefined;
    let sim: Series | undefined;
    if (spec.simulation !== "none") {
      const dt = 1 / (setup.d * setup.timeScale);
      const ensemble = await simulationSeries(ctx, this.name, spec, spec.runs, names, grid.t, dt, body);
      ({ series: sim, results } = ensemble);
      outcomes.push(ensemble.outcome);
    }
    let ode: Series | undefined;
    if (spec.theory.includes("ode")) {
      const start = performance.now();
      const runs = committeeOdeRuns(spec, setup, grid.tc);
      ode = meanSeries("ode", grid.t, names, runs);
      body.series.push(ode);
      const failed = runs.find((r) => r.status !== "ok");
      if (failed)
        outcomes.push({
          status: failed.status,
          messages: [messages.theoryFailed("ode", failed.message ?? "")],
        });
      if (sim && results) outcomes.push(pairedAgreement(spec, setup, sim, ode, results, runs, body));
      ctx.onProgress?.({ phase: "theory", done: 1, total: 1 });
      body.timing.theorySeconds = (performance.now() - start) / 1000;
    }
    Object.assign(body.scalars, committeeScalars(setup, ode ?? sim));
    Object.assign(body, worstOutcome(outcomes));
    return body;
  },
};

/** Mean over runs of each statistic, up to the last point every run reached. */
function meanSeries(source: string, t: number[], names: string[], runs: CommitteeOdeRun[]): Series {
  const reached = Math.min(...runs.map((r) => r.reached));
  const values: Record<string, number[]> = {};
  names.forEach((name, s) => {
    values[name] = Array.from(
      { length: reached },
      (_, j) => runs.reduce((a, r) => a + r.values[s][j], 0) / runs.length,
    );
  });
  return { source, t: t.slice(0, reached), values };
}

/**
 * Agreement of the simulated eg with the ODE, run by run: `D_s(t) = eg_s(t) − eg_ode,s(t)` with each
 * run's own ODE (its own start), so the spread of random starts cancels. The mean of D is checked against
 * `t(runs) · SE(D) + 1/d` (agreementOf with the paired standard error): the Monte-Carlo error at the
 * 4-sigma level plus the finite-d bias bound 1/d of science/06 §7.4 (measured there: max |mean D| =
 * 5.7e-4 at d = 1000 against 1e-3). Not measured when a run or an ODE failed.
 */
function pairedAgreement(
  spec: CommitteeSpec,
  setup: CommitteeSetup,
  sim: Series,
  ode: Series,
  results: RunResult[],
  runs: CommitteeOdeRun[],
  body: RecordBody,
): Outcome {
  if (spec.runs < 2) return { status: "ok", messages: [] };
  if (results.some((r) => r.status !== "ok") || ode.t.length < sim.t.length)
    return { status: "ok", messages: [messages.noAgreementAfterFailure] };
  const n = results.length;
  const se = sim.t.map((_, j) => {
    const D = results.map((r, s) => r.values[0][j] - runs[s].values[0][j]);
    const m = D.reduce((a, x) => a + x, 0) / n;
    return Math.sqrt(D.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1) / n);
  });
  const paired: Series = { ...sim, values: { eg: sim.values.eg }, stderr: { eg: se } };
  const gap = { bias: { eg: sim.t.map(() => 1 / setup.d) } };
  for (const [stat, entry] of Object.entries(agreementOf(paired, ode, gap)))
    body.agreement[stat] = { ode: entry };
  return { status: "ok", messages: [committeeMessages.agreementPaired] };
}

/** The readouts the run used (explicit, whatever the spec said: pitfall "1/p vs 1/√p"). */
function readoutTable(setup: CommitteeSetup) {
  const layer = [...setup.v.map(() => "student"), ...setup.A.map(() => "teacher")];
  const unit = [...setup.v.map((_, i) => i), ...setup.A.map((_, n) => n)];
  return { layer, unit, value: [...setup.v, ...setup.A] };
}

/**
 * Scalars: the canonical η and time scale, `egFinal`, and the plateau of the ODE curve (of the
 * simulation mean without one) by the rule of {@link detectPlateau}, in the record's time unit.
 */
function committeeScalars(setup: CommitteeSetup, curve: Series | undefined): Record<string, number> {
  const scalars: Record<string, number> = { eta: setup.eta, timeScale: setup.timeScale };
  const eg = curve?.values.eg;
  if (!curve || !eg || eg.length === 0) return scalars;
  scalars.egFinal = eg[eg.length - 1];
  const plateau = detectPlateau(curve.t, eg);
  if (plateau) {
    scalars.plateau = plateau.value;
    scalars.plateauStart = plateau.start;
    scalars.plateauEnd = plateau.end;
    scalars.specialisationTime = plateau.specialisation;
  }
  return scalars;
}
