import { messages } from "../../core/messages.js";
import { quantile } from "../../core/stats.js";
import { emptyRecordBody, type RecordBody } from "../../experiment/experiment.js";
import { runFailures } from "../../simulate/ensemble.js";
import type { RunResult } from "../../simulate/record-run.js";
import { lawBinDensity, lawKs, lawMeanSd, lawQuantile } from "../../theory/stationary/law-stats.js";
import type { StationaryLaw } from "../../theory/stationary/stationary-law.js";
import { stationaryLawOf } from "./law-of.js";
import { dataMoments } from "./moments.js";
import { type DlnSpec, temperature } from "./spec.js";
import { criticalTemperature } from "./thresholds.js";

/** Two-sided Kolmogorov quantile at the 4-sigma false-alarm level 6.3e-5: sqrt(ln(2/6.3e-5)/2) = 2.28. */
const ksQuantile = Math.sqrt(Math.log(2 / 6.334e-5) / 2);

/**
 * Effective number of independent samples: per chain, the samples spaced by at least 3 relaxation times
 * of v, $\tau = 1/(2(D+1)\beta_1 v_*^{2D/(D+1)})$ at $v_* = \beta_2/\beta_1$ (the linearised drift of v).
 */
export function effectiveSamples(spec: DlnSpec, okChains: number, perChain: number): number {
  const m = dataMoments(spec.model.data);
  const D = spec.model.depth;
  const vStar = Math.abs(m.beta2 / m.beta1) / spec.model.width;
  const rate = 2 * (D + 1) * m.beta1 * vStar ** ((2 * D) / (D + 1));
  const independent = (spec.horizon - spec.burnIn) / (3 / rate) + 1;
  return okChains * Math.max(1, Math.min(perChain, Math.floor(independent)));
}

/**
 * The "stationary" analysis: samples of v from all chains after burn-in, the closed-form law, their KS
 * distance with a derived tolerance, quantiles, and the shared-bin histogram.
 *
 * KS tolerance: $2.28/\sqrt{n_{\mathrm{eff}}} + \mathrm{lr}$ — the 4-sigma Kolmogorov quantile for the
 * effective sample size, plus the O(lr) bias of discrete SGD against the small-lr law (science/03 §4:
 * KS 0.006 at lr 0.01, 0.012 at 0.02, so the constant is ~0.6 < 1).
 */
export function stationaryAnalysis(spec: DlnSpec, results: readonly RunResult[]): RecordBody {
  const body: RecordBody = emptyRecordBody();
  const ok = results.filter((r) => r.status === "ok");
  const { failedRuns, outcome } = runFailures(results, spec.optimizer.lr, "chain");
  body.scalars.failedRuns = failedRuns;
  if (failedRuns > 0) {
    // Counted, reported, and a status: the statistics below describe the surviving chains only.
    Object.assign(body, outcome);
    body.messages.push(messages.dlnDivergedChains(failedRuns, results.length));
  }
  const law = specLaw(spec, body);
  if (ok.length === 0) return body;
  const perChain = ok[0].values[0].length;
  const samples = new Float64Array(ok.length * perChain);
  for (let c = 0; c < ok.length; c++) samples.set(ok[c].values[0], c * perChain);
  const sorted = Float64Array.from(samples).sort();
  quantileScalars(body, "sim", (q) => quantile(sorted, q));
  body.scalars["sim.mean"] = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const edges = binEdges(sorted, spec.bins);
  body.distributions.v = { edges, simulation: histogram(sorted, edges) };
  if (law.normalisable) compareWithLaw(body, spec, law, samples, effectiveSamples(spec, ok.length, perChain));
  return body;
}

/** The closed-form stationary law of the spec (with `T`, and `Tc` at depth 1, as scalars). */
function specLaw(spec: DlnSpec, body: RecordBody): StationaryLaw {
  const T = temperature(spec);
  body.scalars.T = T;
  const m = dataMoments(spec.model.data);
  if (spec.model.depth === 1) body.scalars.Tc = criticalTemperature(m, spec.optimizer.ridge);
  const law = stationaryLawOf(m, {
    depth: spec.model.depth,
    width: spec.model.width,
    T,
    ridge: spec.optimizer.ridge,
  });
  if (!law.normalisable) body.messages.push(messages.dlnNoStationaryLaw(T, body.scalars.Tc));
  return law;
}

/** Scalars `<prefix>.q10`, `.q50`, `.q90` from a quantile function. */
function quantileScalars(body: RecordBody, prefix: string, quantileOf: (q: number) => number): void {
  for (const [name, q] of [
    ["q10", 0.1],
    ["q50", 0.5],
    ["q90", 0.9],
  ] as const)
    body.scalars[`${prefix}.${name}`] = quantileOf(q);
}

/**
 * The law next to the samples: its mean and quantiles, its density on the histogram's bins, the summary
 * table, and the KS distance against the tolerance `ksQuantile / sqrt(nEff) + lr` as the agreement.
 */
function compareWithLaw(
  body: RecordBody,
  spec: DlnSpec,
  law: StationaryLaw,
  samples: Float64Array,
  nEff: number,
): void {
  body.scalars["theory.mean"] = lawMeanSd(law).mean;
  quantileScalars(body, "theory", (q) => lawQuantile(law, q));
  const ks = lawKs(law, samples);
  const tolerance = ksQuantile / Math.sqrt(nEff) + spec.optimizer.lr;
  body.scalars.ks = ks;
  body.scalars.ksTolerance = tolerance;
  body.scalars.effectiveSamples = nEff;
  const v = body.distributions.v;
  body.distributions.v = { ...v, theory: lawBinDensity(law, v.edges) };
  const stats = ["mean", "q10", "q50", "q90"];
  body.tables.summary = {
    statistic: stats,
    simulation: stats.map((s) => body.scalars[`sim.${s}`]),
    theory: stats.map((s) => body.scalars[`theory.${s}`]),
  };
  body.agreement.v = {
    stationary: { maxAbs: ks, at: spec.horizon, tolerance, pass: ks <= tolerance, final: ks },
  };
}

/** Bins spanning the 0.2% to 99.5% sample quantiles (the v^{-7/2} tail would stretch them otherwise). */
function binEdges(sorted: Float64Array, bins: number): number[] {
  const lo = quantile(sorted, 0.002);
  const hi = quantile(sorted, 0.995);
  const width = hi > lo ? (hi - lo) / bins : 1;
  return Array.from({ length: bins + 1 }, (_, j) => lo + j * width);
}

/** Histogram as a density: count / (n × bin width), n = all samples (so mass outside the bins is missing). */
function histogram(sorted: Float64Array, edges: number[]): number[] {
  const bins = edges.length - 1;
  const width = edges[1] - edges[0];
  const counts = new Array<number>(bins).fill(0);
  for (const v of sorted) {
    const j = Math.floor((v - edges[0]) / width);
    if (j >= 0 && j < bins) counts[j]++;
    else if (v === edges[bins]) counts[bins - 1]++;
  }
  return counts.map((c) => c / (sorted.length * width));
}
