import type { ExperimentRecord } from "../../../src/experiment/record.js";
import { executorIn, runValidated, validateSpecIn } from "../../../src/experiment/run.js";
import { committeeExperiment } from "../../../src/models/committee/experiment.js";

const table = { committee: committeeExperiment as never };

/** Validate and run a committee spec in this thread (the experiment alone, without the catalogue). */
export function runCommittee(spec: Record<string, unknown>): Promise<ExperimentRecord> {
  return runValidated(validateSpecIn(table, spec), { executor: executorIn(table) });
}
