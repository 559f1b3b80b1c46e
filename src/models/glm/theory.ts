import { messages } from "../../core/messages.js";
import type { NonFinite } from "../../core/non-finite.js";
import { Rng } from "../../core/rng.js";
import type { Outcome } from "../../core/status.js";
import type { Series, Table } from "../../experiment/record.js";
import type { DmftProblem } from "../../theory/dmft/problem.js";
import { type DmftSolution, solveDmft } from "../../theory/dmft/solve-dmft.js";
import { glmLosses } from "./losses.js";
import type { GlmSpec } from "./spec.js";
import { divergenceBound, type SquareProblem, squareSgd } from "./square-exact.js";
import { glmCosine, glmLabel, glmRho, glmTestError } from "./teacher.js";

/** First stream of the DMFT solver seeds (disjoint from the simulation runs 0..runs-1 <= 1e6). */
const dmftStream = 1_000_000_000;

/** The exact-oracle problem of a square-loss spec (constant learning rate). */
export function squareProblemOf(spec: GlmSpec): SquareProblem {
  const { model, optimizer, init } = spec;
  return {
    alpha: model.alpha,
    ridge: model.ridge,
    sigma: model.sigma,
    lr: new Float64Array(spec.steps).fill(optimizer.lr),
    momentum: optimizer.momentum,
    batchFraction: optimizer.batchFraction,
    m0: init.m0,
    q0: init.q0,
  };
}

/** The DMFT problem of a spec. */
export function dmftProblemOf(spec: GlmSpec): DmftProblem {
  return {
    ...squareProblemOf(spec),
    steps: spec.steps,
    samples: spec.dmft.samples,
    response: spec.dmft.response,
    levels: spec.model.spectrum,
    loss: glmLosses[spec.model.loss],
    label: glmLabel(spec.model.teacher, spec.model.sigma),
    classify: spec.model.teacher === "sign",
  };
}

/** Derived statistics of a theory from its m, q (and train curves): cosine and test error. */
function withDerived(spec: GlmSpec, v: { m: number[]; q: number[] } & Record<string, number[]>) {
  const rho = glmRho(spec.model.spectrum);
  const cosine = v.m.map((m, j) => glmCosine(m, v.q[j], rho));
  const testError = v.m.map((m, j) => glmTestError(spec.model.teacher, m, v.q[j], rho));
  return { ...v, cosine, testError };
}

/** The outcome of a theory curve cut where a quantity left the range (the shared non-finite rule). */
function divergedOutcome(source: string, failure: NonFinite | undefined): Outcome {
  return failure === undefined
    ? { status: "ok", messages: [] }
    : { status: failure.status, messages: [messages.glmDiverged(source, failure.messages[0])] };
}

/**
 * The exact square-loss curves (GD/heavy ball by Marchenko–Pastur quadrature, SGD by the homogenized
 * recursion) as the `exact` series at steps 0..T, cut at divergence.
 */
export function exactSeries(spec: GlmSpec): { series: Series; outcome: Outcome } {
  const c = squareSgd(squareProblemOf(spec), spec.steps);
  const values = withDerived(spec, { m: c.m, q: c.q, trainLoss: c.trainLoss });
  return {
    series: { source: "exact", t: c.m.map((_, t) => t), values },
    outcome: divergedOutcome("exact", c.failure),
  };
}

/**
 * The DMFT over `dmft.seeds` independent solver seeds: the mean curve with the standard error of the
 * seed spread, cut at the first step any seed diverged; the first seed's solution is returned for its
 * kernels.
 */
export function dmftSeries(spec: GlmSpec): { series: Series; outcome: Outcome; first: DmftSolution } {
  const problem = dmftProblemOf(spec);
  const root = Rng.fromSeed(spec.seed);
  const solutions = Array.from({ length: spec.dmft.seeds }, (_, k) =>
    solveDmft(problem, root.split(dmftStream + k), divergenceBound),
  );
  const reached = Math.min(...solutions.map((s) => s.m.length));
  const per = solutions.map((s) =>
    withDerived(spec, {
      m: s.m.slice(0, reached),
      q: s.q.slice(0, reached),
      trainLoss: s.trainLoss.slice(0, reached),
      ...(s.trainError ? { trainError: s.trainError.slice(0, reached) } : {}),
    }),
  );
  const values: Record<string, number[]> = {};
  const stderr: Record<string, number[]> = {};
  for (const name of Object.keys(per[0])) {
    const rows = per.map((p) => (p as Record<string, number[]>)[name]);
    values[name] = rows[0].map((_, j) => rows.reduce((a, r) => a + r[j], 0) / rows.length);
    stderr[name] = rows[0].map((_, j) => seedStderr(rows.map((r) => r[j])));
  }
  const failure = solutions.find((s) => s.failure !== undefined)?.failure;
  return {
    series: { source: "dmft", t: values.m.map((_, t) => t), values, stderr, runs: solutions.length },
    outcome: divergedOutcome("dmft", failure),
    first: solutions[0],
  };
}

function seedStderr(xs: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mu = xs.reduce((a, x) => a + x, 0) / n;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mu) ** 2, 0) / (n - 1) / n);
}

/**
 * The requested kernels of the first solver seed as long tables `{ t, s, value }` over s <= t; `G` has a
 * `level` column (the response of each covariance level; one level 0 for isotropic data).
 */
export function kernelTables(spec: GlmSpec, sol: DmftSolution): Record<string, Table> {
  const ws = sol.kernels;
  const T = sol.m.length - 1;
  const tables: Record<string, Table> = {};
  for (const name of spec.outputs) {
    const table: Record<string, number[]> = { t: [], s: [], value: [] };
    const levels = name === "G" ? ws.G.length : 1;
    if (name === "G") table.level = [];
    // Gamma and SigmaG are closure kernels of steps 0..T-1 (step T only reads the state).
    const last = name === "C" || name === "G" ? T : T - 1;
    for (let k = 0; k < levels; k++)
      for (let i = 0; i <= last; i++)
        for (let j = 0; j <= i; j++) {
          table.t.push(i);
          table.s.push(j);
          table.level?.push(k);
          table.value.push(kernelAt(ws, name, k, i, j));
        }
    tables[name] = table;
  }
  return tables;
}

function kernelAt(
  ws: DmftSolution["kernels"],
  name: GlmSpec["outputs"][number],
  k: number,
  i: number,
  j: number,
) {
  if (name === "C") return ws.correlation(i, j);
  if (name === "G") return ws.G[k][i * ws.n + j];
  return ws[name][i * ws.n + j];
}
