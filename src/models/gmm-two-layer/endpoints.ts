import type { Table } from "../../experiment/record.js";
import type { RunResult } from "../../simulate/record-run.js";
import { isSuccess, neuronCategory } from "./categories.js";
import { type GmmParams, stateNames } from "./geometry.js";

/** Final state `[v, mMu, mNu, RPerp]` of a run (its last recorded point), or undefined if it failed. */
export function finalState(result: RunResult): Float64Array | undefined {
  if (result.status !== "ok") return undefined;
  const last = result.recorded - 1;
  return Float64Array.from(result.values.slice(2), (v) => v[last]);
}

/**
 * The endpoints table: per run, `run`, `success` (1 when every category is occupied, 0 otherwise, −1 for a
 * failed run), the final statistics and the category of each unit (`category_1 …`), and the success
 * fraction with its binomial standard error `sqrt(f (1 − f) / n)` over the runs that finished.
 *
 * @example endpointsTable(params, results).fraction // 0.495
 */
export function endpointsTable(
  params: GmmParams,
  results: readonly RunResult[],
): { table: Table; fraction: number; stderr: number; finished: number } {
  const names = stateNames(params.task, params.K);
  const table: Table = { run: [], success: [] };
  for (const name of names) table[name] = [];
  for (let i = 0; i < params.K; i++) table[`category_${i + 1}`] = [];
  let successes = 0;
  let finished = 0;
  results.forEach((r, run) => {
    const u = finalState(r);
    table.run.push(run);
    const ok = u !== undefined && isSuccess(params, u);
    table.success.push(u === undefined ? -1 : ok ? 1 : 0);
    names.forEach((name, s) => {
      table[name].push(u === undefined ? 0 : u[s]);
    });
    for (let i = 0; i < params.K; i++)
      table[`category_${i + 1}`].push(u === undefined ? "failed" : neuronCategory(params, u, i));
    if (u !== undefined) finished++;
    if (ok) successes++;
  });
  const fraction = finished > 0 ? successes / finished : 0;
  const stderr = finished > 0 ? Math.sqrt((fraction * (1 - fraction)) / finished) : 0;
  return { table, fraction, stderr, finished };
}
