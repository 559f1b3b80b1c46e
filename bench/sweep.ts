import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// The compiled code, as `npx sgdlab sweep` runs it (npm install builds dist/): worker threads that load
// the TypeScript sources through tsx ran 25% slower here (section 3 shows the same gap).
import { runExperiment } from "../dist/src/index.js";
import { workerPool } from "../dist/src/node/pool.js";
import { localEngine } from "../dist/src/node/sweep/local-engine.js";
import { planSweepInput } from "../dist/src/node/sweep/read-sweep.js";
import { runSweep } from "../dist/src/node/sweep/run-sweep.js";
import { busyCores } from "./machine.js";
import type { BenchOptions } from "./options.js";
import { num, type Row, type Section, verdict } from "./report.js";

/** Spiked matrix PCA, dimension-free: `runs` runs of horizon·N/cDelta = 4N steps (~0.4 s a run at N = 1e6). */
const base = (N: number, runs: number) => ({
  model: { name: "spiked-tensor", k: 2, N, snr: 1.2 },
  optimizer: { name: "sgd", cDelta: 0.5 },
  init: { m: 0.3, rPerp2: 1 },
  horizon: 2,
  points: 11,
  runs,
  simulation: "dimension-free",
  theory: ["ode"],
});

/** A sweep of `points` points (seeds offset+1..offset+points) of `base(N, runs)`. */
const sweepOf = (points: number, N: number, runs: number, offset: number) => ({
  name: "bench",
  spec: base(N, runs),
  grid: { seed: Array.from({ length: points }, (_, i) => offset + i + 1) },
});

/**
 * Seconds to run a sweep of `points` points on `workers` workers in a fresh store, after a warm-up sweep
 * on the same engine (so that the pool's start and the JIT are not counted, as in section 3).
 */
async function sweepSeconds(points: number, N: number, runs: number, workers: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "sgdlab-bench-sweep-"));
  const code = { sgdlab: "bench", commit: null };
  const engine = localEngine(workers);
  try {
    const db = join(dir, "runs.duckdb");
    await runSweep(planSweepInput(sweepOf(workers, N / 10, runs, 1000), dir, code), { db, engine });
    const plan = planSweepInput(sweepOf(points, N, runs, 0), dir, code);
    const start = performance.now();
    await runSweep(plan, { db, engine });
    return (performance.now() - start) / 1000;
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds to run the same points × runs as one ensemble (one spec with points·runs runs), after a warm-up. */
async function ensembleSeconds(points: number, N: number, runs: number, workers: number): Promise<number> {
  const pool = workerPool(workers);
  try {
    await runExperiment(base(N / 10, workers * runs), { executor: pool.executor });
    const start = performance.now();
    await runExperiment(base(N, points * runs), { executor: pool.executor });
    return (performance.now() - start) / 1000;
  } finally {
    await pool.close();
  }
}

const best = async (rounds: number, f: () => Promise<number>) => {
  let t = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) t = Math.min(t, await f());
  return t;
};

/**
 * Section "sweep" (issue 11): (a) sweep throughput on 2 workers against 1, on points of ~1 s (2 runs of
 * ~0.5 s), target >= 1.7; (b) the local engine's overhead: a sweep of P points × R runs against the same
 * P·R runs as one ensemble, both on 2 workers, target >= 0.9 of the ensemble's throughput. Both include
 * the store's writes (one DuckDB transaction per batch of points).
 */
export async function sweepSection(options: BenchOptions): Promise<Section> {
  const [points, N, rounds] = options.quick ? [4, 250_000, 1] : [8, 1_000_000, 2];
  const busy = await busyCores();
  const one = await best(rounds, () => sweepSeconds(points, N, 2, 1));
  const two = await best(rounds, () => sweepSeconds(points, N, 2, 2));
  const [P, R] = options.quick ? [4, 4] : [8, 4];
  const sweep = await best(rounds, () => sweepSeconds(P, N / 2, R, 2));
  const ensemble = await best(rounds, () => ensembleSeconds(P, N / 2, R, 2));
  const speedup = one / two;
  const overhead = ensemble / sweep;
  const rows: Row[] = [
    {
      label: `sweep of ${points} points (~${num(one / points)} s each), 1 worker`,
      value: `${num(points / one)} points/s`,
      note: "",
    },
    {
      label: `same sweep, 2 workers`,
      value: `${num(points / two)} points/s`,
      note: `ratio ${speedup.toFixed(2)}, target >= 1.7: ${verdict(speedup, 1.7, true)}`,
    },
    { label: `sweep ${P} points × ${R} runs, 2 workers`, value: `${num((P * R) / sweep)} runs/s`, note: "" },
    {
      label: `one ensemble of ${P * R} runs, 2 workers`,
      value: `${num((P * R) / ensemble)} runs/s`,
      note: `sweep/ensemble ${overhead.toFixed(2)}, target >= 0.9: ${verdict(overhead, 0.9, true)}${busy > 0.3 ? ` (other jobs were using ${busy.toFixed(1)} cores)` : ""}`,
    },
  ];
  return {
    id: "sweep",
    title: "Sweeps: 2 workers vs 1 on ~1 s points; local-engine overhead vs one ensemble",
    rows,
    results: {
      sweepOneWorker: points / one,
      sweepTwoWorkers: points / two,
      sweepSpeedup: speedup,
      sweepVsEnsemble: overhead,
      busyCoresBefore: busy,
    },
  };
}
