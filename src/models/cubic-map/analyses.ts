import { messages } from "../../core/messages.js";
import type { Outcome } from "../../core/status.js";
import type { RecordBody } from "../../experiment/experiment.js";
import { birkhoffAverage, invariantDensity } from "../../theory/maps/birkhoff.js";
import { orbitDiagram } from "../../theory/maps/orbit-diagram.js";
import { phaseDiagram } from "../../theory/maps/phase-diagram.js";
import { ergodicMeanTheory, sDensityTheory } from "./ergodic.js";
import { cubicMap } from "./map.js";
import { cubicPhase, type PhasePoint } from "./phase.js";
import { type CubicMapSpec, expandValues } from "./spec.js";

/** The parts of a record an analysis fills in. */
export type AnalysisBody = Pick<RecordBody, "tables" | "distributions" | "agreement"> & Outcome;

const classifyOptions = (spec: CubicMapSpec) => ({
  transient: spec.transient,
  keep: spec.keep,
  maxPeriod: spec.maxPeriod,
  escapeRadius: spec.escapeRadius,
});

/** `phases` and `lyapunov`: one row per r (phase, period, Lyapunov exponent) from the single z0. */
export function phaseTable(spec: CubicMapSpec, name: "phases" | "lyapunov"): AnalysisBody {
  const rs = expandValues(spec.r);
  const z0 = expandValues(spec.z0)[0];
  const points = rs.map((r) => cubicPhase(r, z0, classifyOptions(spec)));
  return { ...empty(), tables: { [name]: { r: rs, ...columns(points) } } };
}

/** `orbit-diagram`: the kept distinct iterates per r and start, and the Lyapunov exponent of the first start. */
export function orbitTables(spec: CubicMapSpec): AnalysisBody {
  const rs = expandValues(spec.r);
  const starts = expandValues(spec.z0);
  const o = orbitDiagram(cubicMap, rs, starts, {
    transient: spec.transient,
    keep: spec.keep,
    escapeRadius: spec.escapeRadius,
  });
  const points = rs.map((r) => cubicPhase(r, starts[0], classifyOptions(spec)));
  return {
    ...empty(),
    tables: {
      orbit: { r: Array.from(o.p), z: Array.from(o.x), z0: Array.from(o.start, (s) => starts[s]) },
      lyapunov: { r: rs, ...columns(points) },
    },
  };
}

/** `phase-diagram`: the phase of every (r, z0) cell. */
export function phaseDiagramTable(spec: CubicMapSpec): AnalysisBody {
  const d = phaseDiagram(expandValues(spec.r), expandValues(spec.z0), (r, z0) =>
    cubicPhase(r, z0, classifyOptions(spec)),
  );
  return { ...empty(), tables: { phaseDiagram: { r: d.p, z0: d.x0, ...columns(d.labels) } } };
}

/**
 * `ergodic-average`: the Birkhoff mean of `s = z^2` per r with its batch-means standard error, the closed
 * form where there is one (fixed point: 1; 2-cycle: (1 + r)/(2r); r = 2: 1), their agreement, and the
 * invariant density of s per r (with the arcsine law at r = 2).
 */
export function ergodicTables(spec: CubicMapSpec): AnalysisBody {
  const rs = expandValues(spec.r);
  const z0 = expandValues(spec.z0)[0];
  const body = empty();
  const table = {
    r: [] as number[],
    mean: [] as number[],
    stderr: [] as number[],
    phase: [] as string[],
  };
  const compared: { r: number; gap: number; tolerance: number }[] = [];
  const square = (z: number) => z * z;
  for (const r of rs) {
    const opts = { transient: spec.transient, keep: spec.samples, escapeRadius: spec.escapeRadius };
    const point = cubicPhase(r, z0, classifyOptions(spec));
    const avg = birkhoffAverage(cubicMap, r, z0, square, opts);
    if (avg.escaped) {
      // No ergodic mean on an escaping orbit: no row (a column of numbers stays numbers), and a message.
      body.messages.push(messages.cubicNoErgodicMean(r));
      continue;
    }
    table.r.push(r);
    table.phase.push(point.phase);
    table.mean.push(avg.mean);
    table.stderr.push(avg.stderr);
    const density = invariantDensity(cubicMap, r, z0, square, 0, 2, spec.bins, opts);
    const theory = sDensityTheory(r, density.edges);
    body.distributions[`s@r=${r}`] = {
      edges: density.edges,
      simulation: density.density,
      ...(theory ? { theory } : {}),
    };
    const exact = ergodicMeanTheory(r, point);
    // 5 batch-means standard errors, plus round-off of a sum of `samples` terms of size O(1).
    if (exact !== undefined)
      compared.push({ r, gap: Math.abs(avg.mean - exact), tolerance: 5 * avg.stderr + 1e-12 * spec.samples });
  }
  body.tables.ergodic = table;
  if (compared.length > 0) body.agreement.ergodicMean = { "closed-form": agreementEntry(compared) };
  return body;
}

function agreementEntry(compared: { r: number; gap: number; tolerance: number }[]) {
  const worst = compared.reduce((a, b) => (b.gap > a.gap ? b : a));
  const last = compared[compared.length - 1];
  return {
    maxAbs: worst.gap,
    at: worst.r,
    tolerance: worst.tolerance,
    pass: compared.every((c) => c.gap <= c.tolerance),
    final: last.gap,
  };
}

function columns(points: PhasePoint[]) {
  return {
    phase: points.map((p) => p.phase),
    period: points.map((p) => p.period),
    lyapunov: points.map((p) => p.lyapunov),
  };
}

function empty(): AnalysisBody {
  return { status: "ok", messages: [], tables: {}, distributions: {}, agreement: {} };
}
