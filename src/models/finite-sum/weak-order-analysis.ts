import { messages } from "../../core/messages.js";
import { checkFinite } from "../../core/non-finite.js";
import { worstOutcome } from "../../core/status.js";
import type { RecordBody } from "../../experiment/experiment.js";
import type { Series } from "../../experiment/record.js";
import { affineMomentStep, startMoments, traceOf } from "../../theory/sde/index.js";
import { sgdBranches } from "./affine-flows.js";
import { buildModel } from "./build-model.js";
import { finiteSeries } from "./finite-series.js";
import type { QuadraticFiniteSum } from "./finite-sum.js";
import { type FlowsSpec, lrsOf } from "./spec.js";
import { modelMoments, type Observable, starts, type TableModel, weakOrderTable } from "./weak-order.js";

/** Statistic name of each observable in the record's series. */
export const observableStatistic: Record<Observable, string> = {
  "second-moment": "secondMoment",
  "two-point": "twoPoint",
};

const tableModels: TableModel[] = ["gf", "sme1", "sme2", "smf", "smeShared"];

/**
 * The `weak-order` analysis: `tables.weakOrder` (lr, sgd, and each model's exact error), scalars
 * `slope.<model>`, and the observable against t at the first learning rate for every source. Rows whose
 * moments overflow are dropped with a message (status "diverged", or "failed" on a NaN:
 * `src/core/non-finite.ts`); no NaN or infinity reaches the record.
 *
 * @example await runWeakOrder(spec) // spec.analysis === "weak-order"
 */
export function runWeakOrder(spec: FlowsSpec): RecordBody {
  const start = performance.now();
  const { fs, x0 } = buildModel(spec.model);
  const observable = spec.observable;
  const lrs = lrsOf(spec);
  const full = weakOrderTable(fs, x0, lrs, spec.horizon, observable);
  const names = ["sgd", ...Object.keys(full.errors)];
  const failures = lrs.map((_, i) =>
    checkFinite(names, [full.sgd[i], ...Object.values(full.errors).map((e) => e[i])]),
  );
  const keep = failures.map((f) => f === undefined);
  const rows = lrs.filter((_, i) => keep[i]);
  const table = rows.length === lrs.length ? full : weakOrderTable(fs, x0, rows, spec.horizon, observable);
  const body: RecordBody = {
    status: worstOutcome(failures.filter((f) => f !== undefined)).status,
    messages: rows.length === lrs.length ? [] : [messages.flowsOverflow(lrs.filter((_, i) => !keep[i]))],
    series: rows.length > 0 ? observableSeries(fs, x0, rows[0], spec) : [],
    scalars: {},
    tables: { weakOrder: { lr: table.lr, sgd: table.sgd } },
    distributions: {},
    agreement: {},
    timing: {},
  };
  for (const model of tableModels) {
    const errors = table.errors[model];
    if (!errors) continue;
    body.tables.weakOrder[model] = errors;
    const slope = table.slopes[model];
    if (slope === undefined) {
      if (rows.length > 1) body.messages.push(messages.flowsNoSlope(model));
    } else body.scalars[`slope.${model}`] = slope;
  }
  body.timing.theorySeconds = (performance.now() - start) / 1000;
  return body;
}

/**
 * The observable against t = lr × steps at one learning rate: SGD (exact recursion) and each model
 * (exact moment ODE), on a grid of whole SGD steps; points with overflowing moments are cut.
 */
function observableSeries(fs: QuadraticFiniteSum, x0: number[], lr: number, spec: FlowsSpec): Series[] {
  const d = x0.length;
  const [xa, xb] = starts(spec.observable, x0);
  const n = Math.round(spec.horizon / lr);
  const stride = Math.max(1, Math.floor(n / (spec.points - 1)));
  const count = Math.floor(n / stride) + 1;
  const t = Array.from({ length: count }, (_, j) => j * stride * lr);
  const name = observableStatistic[spec.observable];
  const sgd: number[] = [];
  const branches = sgdBranches(fs, lr);
  let m = startMoments(xa, xb);
  for (let j = 0; j < count; j++) {
    if (j > 0) for (let s = 0; s < stride; s++) m = affineMomentStep(branches, d, m);
    sgd.push(traceOf(m, d));
  }
  const series: Series[] = [finiteSeries({ source: "sgd", t, values: { [name]: sgd } })];
  for (const model of tableModels) {
    const moments = modelMoments(fs, model, lr, spec.observable, x0);
    if (!moments) continue;
    const values = moments
      .grid(moments.start(xa, xb), stride * lr, count)
      .map((y) => traceOf(moments.read(y), d));
    series.push(finiteSeries({ source: model, t, values: { [name]: values } }));
  }
  return series;
}
