import {
  type ExperimentRecord,
  type RunExecutor,
  type RunResult,
  runExperiment,
  validateSpec,
} from "./core.js";

/** Spec fields that count an experiment's ensemble, in the order they are looked for. */
const countFields: readonly (readonly string[])[] = [["runs"], ["chains"], ["paths"], ["simulation", "runs"]];

/**
 * The record of the first runs only, while an ensemble is still running: the plot fills in as runs
 * finish. Run i is stream i of the seed, so the first k results of a spec with n runs are exactly the
 * results of the same spec with k runs: this record is the record of that smaller spec, computed from
 * the results already in (theory included, so it is only worth it for cheap theories).
 *
 * @param spec the validated spec of the whole run
 * @param total how many results the run's executor was asked for
 * @param results the results so far, by index (holes for runs still running)
 * @returns the record of the largest prefix, or `undefined` when there is none to show yet
 */
export async function partialRecord(
  spec: Record<string, unknown>,
  total: number,
  results: readonly (RunResult | undefined)[],
): Promise<ExperimentRecord | undefined> {
  const path = countFields.find((p) => typeof valueAt(spec, p) === "number");
  if (!path) return undefined;
  let prefix = 0;
  while (results[prefix] !== undefined) prefix++;
  const n = valueAt(spec, path) as number;
  const k = Math.floor((n * prefix) / total);
  if (k < 2 || k >= n) return undefined;
  const smaller = withValue(spec, path, k);
  let calls = 0;
  // Answers the ensemble's one call only: an experiment that runs several ensembles (one per width, say)
  // has no prefix to show, and gets none rather than the wrong runs.
  const executor: RunExecutor = async (_name, _spec, count) => {
    if (++calls > 1 || count > prefix) throw new Error("not yet");
    return results.slice(0, count) as RunResult[];
  };
  try {
    validateSpec(smaller);
    return await runExperiment(smaller, { executor });
  } catch {
    return undefined;
  }
}

function valueAt(spec: Record<string, unknown>, path: readonly string[]): unknown {
  let v: unknown = spec;
  for (const key of path)
    v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** A copy of `spec` with the field at `path` set to `value` (the objects along the path copied). */
export function withValue(
  spec: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const [key, ...rest] = path;
  const copy = { ...spec };
  if (rest.length === 0) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  }
  const inner = copy[key];
  copy[key] = withValue(
    inner !== null && typeof inner === "object" ? (inner as Record<string, unknown>) : {},
    rest,
    value,
  );
  return copy;
}
