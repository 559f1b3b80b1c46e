import type { Table } from "../../experiment/record.js";
import type { RunResult } from "../../simulate/record-run.js";
import { endpointsTable } from "./endpoints.js";
import { cAlpha, successProbability } from "./limits.js";
import { gmmParams, specAtWidth, specWidths } from "./simulate-run.js";
import type { GmmTwoLayerSpec } from "./spec.js";

/** A success fraction against the theory `P`: the gap and the 3-binomial-standard-error tolerance. */
export interface SuccessCheck {
  maxAbs: number;
  at: number;
  tolerance: number;
  pass: boolean;
  final: number;
}

/**
 * Success fraction per width of a width sweep (runs `k × runs … (k+1) × runs − 1` are width `widths[k]`),
 * with binomial standard errors, against `P_K`; and the check that each is within 3 binomial standard
 * errors `3 sqrt(P_K (1 − P_K)/n)` of `P_K` (the theory's own spread, so a fraction of 0 or 1 from few runs
 * does not shrink the tolerance to 0).
 *
 * @example widthSweepTable(spec, results).table.successFraction
 */
export function widthSweepTable(
  spec: GmmTwoLayerSpec,
  results: readonly RunResult[],
): { table: Table; check: SuccessCheck } {
  const widths = specWidths(spec);
  const table: Table = { K: [], successFraction: [], stderr: [], successProbability: [], runs: [] };
  const check: SuccessCheck = { maxAbs: 0, at: widths[0], tolerance: 0, pass: true, final: 0 };
  widths.forEach((K, k) => {
    const slice = results.slice(k * spec.runs, (k + 1) * spec.runs);
    const e = endpointsTable(gmmParams(specAtWidth(spec, K)), slice);
    const P = successProbability(spec.model.task, K);
    table.K.push(K);
    table.successFraction.push(e.fraction);
    table.stderr.push(e.stderr);
    table.successProbability.push(P);
    table.runs.push(e.finished);
    if (e.finished === 0) return; // every run failed: nothing to compare
    const gap = Math.abs(e.fraction - P);
    const tol = successTolerance(P, e.finished);
    if (gap >= check.maxAbs) Object.assign(check, { maxAbs: gap, at: K, tolerance: tol });
    check.pass &&= gap <= tol;
    check.final = gap;
  });
  return { table, check };
}

/** `3 sqrt(P (1 − P) / n)`: three binomial standard errors of a success fraction over n runs. */
export function successTolerance(P: number, n: number): number {
  return n > 0 ? 3 * Math.sqrt((P * (1 - P)) / n) : Number.POSITIVE_INFINITY;
}

/** Scalars of a width sweep: `cAlpha` (P_K per width is the `successProbability` column of the table). */
export function widthSweepScalars(spec: GmmTwoLayerSpec): Record<string, number> {
  return { cAlpha: cAlpha(spec.model.task, spec.model.ridge) };
}
