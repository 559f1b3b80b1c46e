import { worstOutcome } from "../../core/status.js";
import { agreementOf } from "../../experiment/agreement.js";
import type { RecordBody } from "../../experiment/experiment.js";
import { emptyRecordBody } from "../../experiment/experiment.js";
import type { Series } from "../../experiment/record.js";
import { summariseEnsemble } from "../../simulate/ensemble.js";
import type { RunResult } from "../../simulate/record-run.js";
import { dlnRecordSteps, initialParams } from "./simulate-run.js";
import type { DlnSpec } from "./spec.js";

const names = ["logPathRatio", "pathSquareGap", "relativePathGap"];

/** Per record point of one chain: ln|v1/v0|, v1^2 - v0^2 and (v1^2 - v0^2)/(v1^2 + v0^2) (paths 0 and 1). */
function pathStatistics(r: RunResult): RunResult {
  const v0 = r.values[4];
  const v1 = r.values[5];
  const out = names.map(() => new Float64Array(v0.length));
  for (let j = 0; j < r.recorded; j++) {
    const [a, b] = [v0[j] * v0[j], v1[j] * v1[j]];
    out[0][j] = Math.max(-745, Math.min(745, Math.log(Math.abs(v1[j])) - Math.log(Math.abs(v0[j]))));
    out[1][j] = b - a;
    out[2][j] = a + b > 0 ? (b - a) / (a + b) : 0;
  }
  return { ...r, values: out };
}

/**
 * The "memory" analysis (science/03 §3, reduction for D >= 1): per-path ratios over time. Depth 1:
 * ln|v1/v0| is conserved forever (theory series `conserved`, the initial value), so the end state
 * remembers the start; depth >= 2: v1^2 - v0^2 -> 0 (theory series `balanced`, 0). Paths whose sign is
 * opposite to the slope die (`wrongSignDeadFraction`: |v_i| fell below 1e-3 |v_i(0)|).
 *
 * Depth-1 agreement: tolerance = t-quantile × se + bias; in discrete SGD a balanced path (u_i^2 = w_i^2)
 * stays balanced (D' = (1 - lr^2 g^2) D) and then v_i' / v_i = 1 + lr^2 g^2 - 2 lr g sign(v_i) is the same
 * for all same-sign paths, so the ratio is exactly conserved; an initial imbalance D_i moves ln|v_i| by at
 * most |D_i(0)| / |v_i(0)| while it decays (bias = that sum over the two paths, + 1e-9 for rounding).
 */
export function memoryAnalysis(spec: DlnSpec, results: readonly RunResult[]): RecordBody {
  const body = emptyRecordBody();
  const { t } = dlnRecordSteps(spec);
  const summary = summariseEnsemble(results.map(pathStatistics), names, t, spec.optimizer.lr, "chain");
  const sim: Series = {
    source: "simulation",
    t: summary.t,
    values: summary.mean,
    stderr: summary.stderr,
    runs: results.length,
  };
  body.series.push(sim);
  const p = initialParams(spec);
  const F = spec.model.depth + 1;
  const v = (i: number) => p.slice(i * F, (i + 1) * F).reduce((a, b) => a * b, 1);
  const [v0, v1] = [v(0), v(1)];
  body.scalars["initial.logPathRatio"] = Math.log(Math.abs(v1 / v0));
  for (const name of names) body.scalars[`final.${name}`] = summary.mean[name].at(-1) ?? 0;
  wrongSign(body, spec, results, v);
  const flat = (value: number) => sim.t.map(() => value);
  if (spec.model.depth === 1) {
    const theory: Series = {
      source: "conserved",
      t: sim.t,
      values: { logPathRatio: flat(Math.log(Math.abs(v1 / v0))) },
    };
    body.series.push(theory);
    if (Math.sign(v0) === Math.sign(v1)) {
      const imbalance = (i: number) => Math.abs(p[i * F] ** 2 - p[i * F + 1] ** 2) / Math.abs(v(i));
      const bias = flat(imbalance(0) + imbalance(1) + 1e-9);
      // No entry when no point could be compared (e.g. a series of one point).
      const entry = agreementOf(sim, theory, { bias: { logPathRatio: bias } }).logPathRatio;
      if (entry) body.agreement = { logPathRatio: { conserved: entry } };
    }
  } else if (spec.model.depth >= 2) {
    body.series.push({
      source: "balanced",
      t: sim.t,
      values: { pathSquareGap: flat(0), relativePathGap: flat(0) },
    });
  }
  Object.assign(body, worstOutcome([summary.outcome, body]));
  return body;
}

/** Fraction of wrong-sign (chain, path) pairs that died; only reported when such paths exist. */
function wrongSign(
  body: RecordBody,
  spec: DlnSpec,
  results: readonly RunResult[],
  v: (i: number) => number,
): void {
  const slope = Math.sign(spec.model.data.slope);
  const wrong = Array.from({ length: spec.model.width }, (_, i) => i).filter(
    (i) => Math.sign(v(i)) === -slope,
  );
  if (wrong.length === 0) return;
  let dead = 0;
  let count = 0;
  for (const r of results) {
    if (r.status !== "ok") continue;
    for (const i of wrong) {
      count++;
      if (Math.abs(r.values[4 + i][r.recorded - 1]) < 1e-3 * Math.abs(v(i))) dead++;
    }
  }
  body.scalars.wrongSignDeadFraction = count > 0 ? dead / count : 0;
}
