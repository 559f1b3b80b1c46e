import { Rng } from "../../core/rng.js";
import { type Outcome, worstOutcome } from "../../core/status.js";
import { agreementOf } from "../../experiment/agreement.js";
import { emptyRecordBody, type RecordBody } from "../../experiment/experiment.js";
import type { Series } from "../../experiment/record.js";
import { meanGapMultiplier } from "../../experiment/tolerance.js";
import { summariseEnsemble } from "../../simulate/ensemble.js";
import type { RunResult } from "../../simulate/record-run.js";
import { dlnChain } from "./chain.js";
import { chainOptions, dlnRecordSteps, initialParams, sdePaths } from "./simulate-run.js";
import type { DlnSpec } from "./spec.js";

const chainNames = ["v", "logImbalanceRatio", "identityMaxError", "imbalanceDrift", "v0"];

/**
 * The "balance" analysis (science/03 §2, §5; the paper's Fig. 1): mean over chains of ln|D_t/D_0|,
 * D = u^2 - w^2, for SGD (`simulation`), its SDE prediction (`sde`, Euler–Maruyama on (u, w) with the
 * shared noise), full-batch GD (`gd`: conserved) and GD with injected isotropic noise (`gd-isotropic-noise`:
 * D is then a martingale that diffuses along the symmetry, so `imbalanceDrift` = E|D_t - D_0| grows like
 * sqrt(t)); `identityMaxError` the worst relative error of the exact one-step identity.
 *
 * Agreement of SGD with the SDE: tolerance = t-quantile × se(SGD) + bias, bias = 4-sigma Monte-Carlo
 * error of the SDE mean + lr |SDE value| (both SGD and Euler–Maruyama with h = lr are O(lr) from the
 * continuous model; science/03 §5 measures -8.57 vs -8.552, a relative gap 0.2 lr).
 */
export function balanceAnalysis(spec: DlnSpec, results: readonly RunResult[]): RecordBody {
  const body = emptyRecordBody();
  const { t } = dlnRecordSteps(spec);
  const lr = spec.optimizer.lr;
  const sgd = results.slice(0, spec.chains);
  const noisy = results.slice(spec.chains, 2 * spec.chains);
  const sde = results.slice(2 * spec.chains);
  const outcomes: Outcome[] = [];
  const series = (source: string, runs: readonly RunResult[], names: string[]): Series => {
    const s = summariseEnsemble(runs, names, t, lr, "chain");
    outcomes.push({
      status: s.outcome.status,
      messages: s.outcome.messages.map((msg) => `${source}: ${msg}`),
    });
    const shown = names.filter((n) => n !== "identityMaxError" && n !== "v0");
    const values = Object.fromEntries(shown.map((n) => [n, s.mean[n]]));
    const stderr = Object.fromEntries(shown.map((n) => [n, s.stderr[n]]));
    return { source, t: s.t, values, stderr, runs: runs.length };
  };
  const sim = series("simulation", sgd, chainNames);
  const sdeSeries = series("sde", sde, ["v", "logImbalanceRatio", "imbalanceDrift"]);
  const noise = series("gd-isotropic-noise", noisy, chainNames);
  const gd = gdSeries(spec, t);
  body.series.push(sim, sdeSeries, gd, noise);
  let identity = 0;
  for (const r of sgd) if (r.recorded > 0) identity = Math.max(identity, r.values[2][r.recorded - 1]);
  body.scalars.identityMaxError = identity;
  const last = (s: Series) => s.values.logImbalanceRatio[s.values.logImbalanceRatio.length - 1];
  body.scalars["sim.finalLogImbalanceRatio"] = last(sim);
  body.scalars["sde.finalLogImbalanceRatio"] = last(sdeSeries);
  body.scalars["gd.finalLogImbalanceRatio"] = last(gd);
  body.scalars["gd-isotropic-noise.finalLogImbalanceRatio"] = last(noise);
  const p0 = initialParams(spec);
  body.scalars.initialImbalance = p0[0] * p0[0] - p0[1] * p0[1];
  body.scalars["gd.finalImbalance"] = body.scalars.initialImbalance * Math.exp(last(gd));
  const z = meanGapMultiplier(sdePaths(spec));
  const se = sdeSeries.stderr?.logImbalanceRatio ?? [];
  const bias = sdeSeries.values.logImbalanceRatio.map((v, j) => z * se[j] + lr * Math.abs(v));
  // No entry when no point could be compared (e.g. a series of one point).
  const entry = agreementOf(sim, sdeSeries, { bias: { logImbalanceRatio: bias } }).logImbalanceRatio;
  if (entry) body.agreement.logImbalanceRatio = { sde: entry };
  Object.assign(body, worstOutcome(outcomes));
  return body;
}

/** Full-batch GD on the population loss: one deterministic chain, recorded in this thread. */
function gdSeries(spec: DlnSpec, t: number[]): Series {
  const { steps } = dlnRecordSteps(spec);
  const chain = dlnChain(chainOptions(spec, "gd", { depth: 1, width: 1, noiseSd: 0 }), initialParams(spec));
  const out = new Float64Array(chain.statisticNames.length);
  const values = { logImbalanceRatio: [] as number[], v: [] as number[], imbalanceDrift: [] as number[] };
  const rng = Rng.fromSeed(spec.seed);
  let l = 0;
  for (const target of steps) {
    chain.advanceMany?.(rng, l, target);
    l = target;
    chain.read(out);
    values.v.push(out[0]);
    values.logImbalanceRatio.push(out[1]);
    values.imbalanceDrift.push(out[3]);
  }
  return { source: "gd", t, values };
}
