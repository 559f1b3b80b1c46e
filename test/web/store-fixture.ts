import { runExperiment, validateSpec } from "../../src/index.js";
import { RunStore } from "../../src/node/store.js";
import { localEngine } from "../../src/node/sweep/local-engine.js";
import { runSweep } from "../../src/node/sweep/run-sweep.js";
import { parseSweepFile, planSweep, type SweepDocument } from "../../src/sweep/index.js";

/** A small spiked-matrix spec (dimension-free, 2 runs): a record in a fraction of a second. */
export const smallSpec = {
  model: { name: "spiked-tensor", k: 2, N: 100, snr: 1.2 },
  init: { m: 0.3, rPerp2: 1 },
  horizon: 1,
  points: 3,
  runs: 2,
  simulation: "dimension-free",
};

/** A 2 × 2 theory-only sweep of the final ODE overlap over (snr, cDelta), drawn as a heatmap. */
const sweepFile = {
  name: "web-test-phase",
  spec: { ...smallSpec, simulation: "none", theory: ["ode"] },
  grid: { "model.snr": [0.5, 1.5], "optimizer.cDelta": [0.5, 1] },
  figure: { x: "model.snr", y: "optimizer.cDelta", color: "ode.m.final" },
};

/**
 * Fill a run store with one finished run of {@link smallSpec} and one finished sweep; returns the run's
 * id and the sweep's document as `sgdlab sweep --json` prints it.
 */
export async function storeWithRunAndSweep(db: string): Promise<{ runId: string; sweep: SweepDocument }> {
  const record = await runExperiment(smallSpec);
  const store = await RunStore.open(db);
  const runId = await store.begin(record.spec, record.provenance, "spiked-tensor", record.sgdlab);
  await store.finish(runId, record);
  await store.close();
  const { file, base } = parseSweepFile(sweepFile, () => undefined);
  const plan = planSweep(file, base, validateSpec, { sgdlab: record.sgdlab, commit: null });
  const sweep = await runSweep(plan, { db, engine: localEngine(1) });
  return { runId, sweep };
}
