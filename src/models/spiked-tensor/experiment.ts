import { SpecError } from "../../core/errors.js";
import { messages } from "../../core/messages.js";
import { type Outcome, worstOutcome } from "../../core/status.js";
import { agreementOf } from "../../experiment/agreement.js";
import {
  type Experiment,
  emptyRecordBody,
  type RecordBody,
  simulationSeries,
} from "../../experiment/experiment.js";
import { odeSeries, truncateSeries } from "../../experiment/ode-series.js";
import type { Series } from "../../experiment/record.js";
import { spikedCost } from "./cost.js";
import { spikedDiffusive, spikedFixedPoints, spikedOde } from "./limits.js";
import { spikedStatisticNames } from "./model.js";
import { simulateSpikedRun, spikedDt, spikedGrid } from "./simulate-run.js";
import { maxFullN, type SpikedTensorSpec, spikedTensorSpec } from "./spec.js";
import { diffusiveRange, spikedGapModel } from "./tolerance.js";

/**
 * Online SGD on spiked matrix/tensor PCA next to its ballistic ODE (with and without the critical-step
 * corrector) and the diffusive law near the equator (science/01 §§1–2).
 */
export const spikedTensorExperiment: Experiment<SpikedTensorSpec> = {
  name: "spiked-tensor",
  description:
    "Online SGD on spiked matrix (k = 2) and tensor (k >= 3) PCA: ODE, gradient flow, diffusive limit",
  schema: spikedTensorSpec,
  cost: spikedCost,
  check(spec) {
    if (spec.theory.includes("diffusive") && spec.model.k !== 2)
      throw new SpecError("theory", spec.theory, messages.diffusiveNeedsK2);
    if (spec.simulation === "full" && spec.model.N > maxFullN)
      throw new SpecError("model.N", spec.model.N, messages.fullTooLarge(maxFullN));
  },
  simulateRun: simulateSpikedRun,
  async run(spec, ctx) {
    const body: RecordBody = { ...emptyRecordBody(), scalars: scalarsOf(spec) };
    const outcomes: Outcome[] = [];
    const grid = spikedGrid(spec);
    let sim: Series | undefined;
    if (spec.simulation !== "none") {
      const ensemble = await simulationSeries(
        ctx,
        this.name,
        spec,
        spec.runs,
        spikedStatisticNames,
        grid.t,
        spikedDt(spec),
        body,
      );
      sim = ensemble.series;
      outcomes.push(ensemble.outcome);
    }
    const start = performance.now();
    for (const source of spec.theory) {
      const { series, outcome } = theorySeries(spec, source, grid.t);
      body.series.push(series);
      outcomes.push(outcome);
      if (!sim || spec.runs < 2 || body.scalars.failedRuns > 0) continue;
      const gap = spikedGapModel(spec, source, sim.t, odeStart(spec));
      for (const [stat, entry] of Object.entries(agreementOf(sim, series, gap))) {
        body.agreement[stat] ??= {};
        body.agreement[stat][source] = entry;
      }
    }
    body.timing.theorySeconds = (performance.now() - start) / 1000;
    if (body.scalars.failedRuns > 0)
      outcomes.push({ status: "ok", messages: [messages.noAgreementAfterFailure] });
    Object.assign(body, worstOutcome(outcomes));
    return body;
  },
};

function scalarsOf(spec: SpikedTensorSpec): Record<string, number> {
  const fp = spikedFixedPoints({ k: spec.model.k, snr: spec.model.snr, cDelta: spec.optimizer.cDelta });
  const scalars: Record<string, number> = { lambdaC: fp.lambdaC, rPerp2Star: fp.rPerp2Star };
  for (const key of ["mStar", "mDagger", "stationaryNm2"] as const) {
    const value = fp[key];
    if (value !== undefined) scalars[key] = value;
  }
  return scalars;
}

/** Start of the ballistic ODEs: the spec's `(m, rPerp2)`, or the typical size of a random start. */
function odeStart(spec: SpikedTensorSpec): [number, number] {
  const { N } = spec.model;
  return "random" in spec.init ? [1 / Math.sqrt(N), (N - 1) / N] : [spec.init.m, spec.init.rPerp2];
}

/**
 * One theory as a series on the record times. A random start x0 ~ N(0, I/N) enters the ODEs at its
 * typical size: `|m0| = N^{-1/2}`, `rPerp2(0) = (N - 1)/N`, `E[N m0^2] = 1`; the ODEs then predict `absM`
 * and `rPerp2` (the mean of the signed `m` vanishes by symmetry and is not an ODE prediction).
 */
function theorySeries(spec: SpikedTensorSpec, source: SpikedTensorSpec["theory"][number], t: number[]) {
  const { N, k, snr } = spec.model;
  const p = { k, snr, cDelta: spec.optimizer.cDelta };
  const random = "random" in spec.init;
  const [m0, r0] = odeStart(spec);
  if (source === "diffusive") {
    const S0 = random ? 1 : N * m0 * m0;
    const result = odeSeries(
      source,
      spikedDiffusive(p, [S0, r0]),
      t,
      ([S, rPerp2]): Record<string, number> =>
        random ? { m: 0, absM: Math.sqrt((2 * S) / (Math.PI * N)), rPerp2, Nm2: S } : { rPerp2, Nm2: S },
    );
    // Drawn only while it applies (the runs have not escaped the equator): see diffusiveRange.
    const valid = diffusiveRange(result.series.values.Nm2, N);
    if (valid < result.series.t.length)
      result.outcome.messages.push(messages.diffusiveRange(valid === 0 ? null : result.series.t[valid - 1]));
    return { ...result, series: truncateSeries(result.series, valid) };
  }
  return odeSeries(
    source,
    spikedOde(p, source === "ode", [m0, r0]),
    t,
    ([m, rPerp2]): Record<string, number> =>
      random ? { absM: Math.abs(m), rPerp2 } : { m, absM: Math.abs(m), rPerp2 },
  );
}
