/**
 * Child process of section 3 (bench/workers.ts): one fresh process per measurement, so that the
 * in-thread "1 worker" case starts from a clean V8 as `sgdlab run --workers 1` does, not from a main
 * thread whose JIT has seen other problem sizes.
 *
 * Usage: tsx bench/workers-child.ts <dist|src> <workers> <horizon> <rounds>
 * Prints one JSON object: `{ "runsPerSecond": number, "warmupSeconds": number }`.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { timeAsync } from "./measure.js";

type PoolModule = typeof import("../src/node/pool.js");
type RunModule = typeof import("../src/catalogue/index.js");

/** Runs in the timed ensemble. */
const ensembleRuns = 8;

/** The pool and the runner, from compiled dist/ (workers load .js) or from src/ (workers load .ts via tsx). */
async function load(build: string): Promise<{ pool: PoolModule; run: RunModule }> {
  if (build === "src")
    return { pool: await import("../src/node/pool.js"), run: await import("../src/catalogue/index.js") };
  const dist = fileURLToPath(new URL("../dist/src/", import.meta.url));
  return {
    pool: (await import(pathToFileURL(`${dist}node/pool.js`).href)) as PoolModule,
    run: (await import(pathToFileURL(`${dist}catalogue/index.js`).href)) as RunModule,
  };
}

/** `runs` full runs of spiked matrix PCA at N = 2000 (the public acceptance case, shorter, no theory). */
function ensembleSpec(runs: number, horizon: number): Record<string, unknown> {
  return {
    model: { name: "spiked-tensor", k: 2, N: 2000, snr: 1.2 },
    optimizer: { name: "sgd", cDelta: 0.5 },
    init: { m: 0.3, rPerp2: 1 },
    horizon,
    points: 11,
    runs,
    seed: 1,
    simulation: "full",
    theory: [],
  };
}

async function main(): Promise<void> {
  const [build, workersArg, horizonArg, roundsArg] = process.argv.slice(2);
  const [workers, horizon, rounds] = [workersArg, horizonArg, roundsArg].map(Number);
  const { pool, run } = await load(build);
  const { executor, close } = pool.workerPool(workers);
  try {
    // Warm-up: two full-length runs per thread (starts the threads, loads the code, lets V8 optimise it).
    const warmSpec = ensembleSpec(2 * workers, horizon);
    const warm = await timeAsync(() => run.runExperiment(warmSpec, { executor }), 1);
    const spec = ensembleSpec(ensembleRuns, horizon);
    const { best } = await timeAsync(() => run.runExperiment(spec, { executor }), rounds);
    process.stdout.write(
      `${JSON.stringify({ runsPerSecond: ensembleRuns / best, warmupSeconds: warm.best })}\n`,
    );
  } finally {
    await close();
  }
}

await main();
