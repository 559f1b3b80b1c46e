import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { busyCores } from "./machine.js";
import type { BenchOptions } from "./options.js";
import { num, type Results, type Row, type Section, verdict } from "./report.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const child = fileURLToPath(new URL("./workers-child.ts", import.meta.url));

/** What one child measured (see bench/workers-child.ts). */
interface ChildResult {
  runsPerSecond: number;
  warmupSeconds: number;
}

/** Builds to measure: dist/ when built (workers load compiled JS), and src/ (workers load .ts via tsx). */
function builds(): { key: "dist" | "src"; label: string }[] {
  const dist = existsSync(`${root}dist/src/node/pool.js`)
    ? [{ key: "dist" as const, label: "dist/ (compiled)" }]
    : [];
  return [...dist, { key: "src", label: "src/ (via tsx)" }];
}

/** Horizon of each run: 4000 steps (2000 with --quick) at N = 2000, cDelta = 0.5. */
const horizon = (options: BenchOptions): number => (options.quick ? 0.5 : 1);

/** Runs/s of the ensemble through `workerPool(workers)`, measured in a fresh child process. */
function measureOnce(build: string, workers: number, options: BenchOptions): ChildResult {
  const rounds = String(options.quick ? 1 : 2);
  const args = ["--import", "tsx", child, build, String(workers), String(horizon(options)), rounds];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" })) as ChildResult;
}

/** One and two workers, alternated (twice, once with --quick) so that a burst of load hits both; best of each. */
function measurePair(build: string, options: BenchOptions): [ChildResult, ChildResult] {
  const best = (a: ChildResult | null, b: ChildResult) => (a && a.runsPerSecond >= b.runsPerSecond ? a : b);
  let one: ChildResult | null = null;
  let two: ChildResult | null = null;
  for (let rep = 0; rep < (options.quick ? 1 : 2); rep++) {
    one = best(one, measureOnce(build, 1, options));
    two = best(two, measureOnce(build, 2, options));
  }
  return [one!, two!];
}

/** A warning when other jobs kept cores busy just before the measurement: two workers cannot get two cores. */
function busyNote(busy: number): string {
  return busy > 0.3 ? ` (other jobs were using ${busy.toFixed(1)} of ${availableParallelism()} cores)` : "";
}

/** What was measured for one build, and how busy the machine was just before. */
interface BuildMeasurement {
  key: string;
  label: string;
  one: ChildResult;
  two: ChildResult;
  busy: number;
}

/** Rows and results of one build: one worker, two workers, ratio. */
function buildRows({ key, label, one, two, busy }: BuildMeasurement): { rows: Row[]; results: Results } {
  const ratio = two.runsPerSecond / one.runsPerSecond;
  const rows: Row[] = [
    { label: `${label}, 1 worker`, value: `${num(one.runsPerSecond)} runs/s`, note: "in the main thread" },
    {
      label: `${label}, 2 workers`,
      value: `${num(two.runsPerSecond)} runs/s`,
      note: `piscina; pool start + warm-up ${num(two.warmupSeconds)} s`,
    },
    {
      label: `${label}, ratio 2/1`,
      value: ratio.toFixed(2),
      note: `target >= 1.7: ${verdict(ratio, 1.7, true)}${busyNote(busy)}`,
    },
  ];
  const results: Results = {
    [`${key}OneWorker`]: one.runsPerSecond,
    [`${key}TwoWorkers`]: two.runsPerSecond,
    [`${key}Ratio`]: ratio,
    [`${key}TwoWorkersWarmupSeconds`]: two.warmupSeconds,
  };
  return { rows, results };
}

/**
 * Section 3: throughput of an ensemble of 8 full runs (k = 2, N = 2000, cDelta = 0.5, 4000 steps each)
 * through `workerPool(2)` against `workerPool(1)` (which runs in the main thread); target ratio >= 1.7 on
 * 2 cores.
 * Each measurement runs in a fresh process (bench/workers-child.ts), after a warm-up ensemble.
 */
export async function workersSection(options: BenchOptions): Promise<Section> {
  const rows: Row[] = [];
  const results: Results = {};
  for (const { key, label } of builds()) {
    const busy = await busyCores();
    const [one, two] = measurePair(key, options);
    const part = buildRows({ key, label, one, two, busy });
    results[`${key}BusyCoresBefore`] = busy;
    rows.push(...part.rows);
    Object.assign(results, part.results);
  }
  return { id: "workers", title: "3. Ensemble of 8 runs (N = 2000), two workers vs one", rows, results };
}
