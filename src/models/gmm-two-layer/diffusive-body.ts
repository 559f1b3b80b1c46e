import { messages } from "../../core/messages.js";
import { worstOutcome } from "../../core/status.js";
import { agreementOf } from "../../experiment/agreement.js";
import { emptyRecordBody, type RecordBody } from "../../experiment/experiment.js";
import { odeSeries } from "../../experiment/ode-series.js";
import type { Series } from "../../experiment/record.js";
import type { RunResult } from "../../simulate/record-run.js";
import { gmmDiffusive } from "./diffusive.js";
import { GmmFunctionals } from "./functionals.js";
import { stateNames } from "./geometry.js";
import { fixedStart, gmmGrid, gmmParams } from "./simulate-run.js";
import type { GmmTwoLayerSpec } from "./spec.js";

/** Relative size of the terms the linear law drops: quadratic drift terms are `|U|/sqrt(N)` of the linear. */
const neglectedOrder = 4;

/**
 * `analysis: "diffusive"` (binary): the runs start at the spec's statistics, a fixed point `w*` of the
 * snr = Infinity ODE, and `N (w_k − w*_k)²` per run (statistics `NDev2_v_i`, `NDev2_mMu_i`) is compared with
 * the diagonal of `S(t)` from {@link gmmDiffusive}. Tolerance: `agreementOf`'s `t · max(se, √2 S/√runs)`
 * (U Gaussian: `sd(U²) = √2 S`) plus `S (4/√N + 1/snr)`: the linear law drops the quadratic drift terms
 * (relative `|U|/√N`, times 4 for their unknown constant) and the finite-snr noise (relative `1/snr`).
 */
export function diffusiveBody(spec: GmmTwoLayerSpec, results: RunResult[]): RecordBody {
  const params = gmmParams(spec);
  const { K, N, snr } = spec.model;
  const u0 = fixedStart(spec)!;
  const w = Array.from(u0.subarray(0, 2 * K));
  const names = stateNames(params.task, K).slice(0, 2 * K);
  const stats = names.map((n) => `NDev2_${n}`);
  const grid = gmmGrid(spec);
  const reached = Math.min(...results.map((r) => r.recorded));
  const sim: Series = {
    source: "simulation",
    t: grid.t.slice(0, reached),
    values: {},
    stderr: {},
    runs: spec.runs,
  };
  stats.forEach((stat, k) => {
    sim.values[stat] = [];
    sim.stderr![stat] = [];
    for (let j = 0; j < reached; j++) {
      const xs = results.map((r) => N * (r.values[k + 2][j] - w[k]) ** 2);
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      const ss = xs.reduce((a, b) => a + (b - m) ** 2, 0);
      sim.values[stat].push(m);
      sim.stderr![stat].push(xs.length > 1 ? Math.sqrt(ss / (xs.length - 1) / xs.length) : 0);
    }
  });
  const d = gmmDiffusive(params, spec.optimizer.cDelta, w);
  const theory = odeSeries("diffusive", d.problem, grid.t, (S) =>
    Object.fromEntries(stats.map((s, k) => [s, S[k * d.dim + k]])),
  );
  const body: RecordBody = {
    ...emptyRecordBody(),
    series: [sim, theory.series],
    scalars: { failedRuns: results.filter((r) => r.status !== "ok").length },
  };
  const outcomes = [theory.outcome];
  const drift = fixedPointResidual(spec, u0);
  body.scalars.fixedPointResidual = drift;
  if (drift > 1e-6) outcomes.push({ status: "ok", messages: [messages.gmmNotFixedPoint(drift)] });
  if (body.scalars.failedRuns === 0 && spec.runs > 1) {
    const rel = neglectedOrder / Math.sqrt(N) + 1 / snr;
    const S = theory.series.values;
    const gap = {
      bias: Object.fromEntries(stats.map((s) => [s, S[s].map((x) => x * rel)])),
      spread: Object.fromEntries(stats.map((s) => [s, S[s].map((x) => Math.SQRT2 * x)])),
    };
    for (const [stat, entry] of Object.entries(agreementOf(sim, theory.series, gap)))
      body.agreement[stat] = { diffusive: entry };
  }
  Object.assign(body, worstOutcome(outcomes));
  return body;
}

/** Largest |drift| of `(v, mMu)` at the start under the snr = Infinity ODE (0 at a fixed point). */
function fixedPointResidual(spec: GmmTwoLayerSpec, u0: Float64Array): number {
  const p = { ...gmmParams(spec), snr: Number.POSITIVE_INFINITY };
  const f = new GmmFunctionals(p, 1);
  const du = new Float64Array(u0.length);
  f.evaluate(u0);
  f.drift(u0, 0, du);
  return Math.max(...Array.from(du.subarray(0, 2 * p.K), Math.abs));
}
