import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { SpecError } from "../src/core/errors.js";
import { messages } from "../src/core/messages.js";
import { figureIds } from "../src/index.js";
import { defaultWorkers } from "../src/node/pool.js";
import { bullmqEngine } from "../src/node/sweep/bullmq-engine.js";
import { startSweepWorker } from "../src/node/sweep/bullmq-worker.js";
import { dryRunSweep } from "../src/node/sweep/dry-run.js";
import type { SweepEngine } from "../src/node/sweep/engine.js";
import { localEngine } from "../src/node/sweep/local-engine.js";
import { sweepJson, writeSweepOutputs } from "../src/node/sweep/outputs.js";
import { PointStore } from "../src/node/sweep/point-store.js";
import { sweepProgressBar } from "../src/node/sweep/progress.js";
import { codeVersion, readSweepFile } from "../src/node/sweep/read-sweep.js";
import { runSweep, storedSweepDocument } from "../src/node/sweep/run-sweep.js";
import { readSlurmPlan, runSweepTask, shardEngine, writeSlurmSweep } from "../src/node/sweep/slurm.js";
import { reproduceSweepFigure, sweepFigures } from "../src/node/sweep/sweep-figures.js";

export { sweepFigures };

import type { SweepDocument } from "../src/sweep/document.js";
import type { SweepPlan } from "../src/sweep/plan.js";
import { formatSweep, formatSweeps } from "./sweep-format.js";

interface SweepOptions {
  json?: boolean;
  out?: string;
  executor: string;
  workers?: number;
  dryRun?: boolean;
  quiet?: boolean;
  db: string;
  redis?: string;
  dir?: string;
  chunk?: number;
  maxParallel?: number;
  submit?: boolean;
}

/** Shared option helpers of cli/main.ts. */
export interface CliHelpers {
  positiveInt: (value: string) => number;
  dbOption: readonly [string, string, string];
}

/**
 * Register `sweep FILE`, `sweep collect DIR`, `sweeps`, `worker` and `sweep-task` (issue 11).
 *
 * @example registerSweepCommands(program, { positiveInt, dbOption })
 */
export function registerSweepCommands(program: Command, { positiveInt, dbOption }: CliHelpers): void {
  const executor = (value: string) => {
    if (!["local", "bullmq", "slurm"].includes(value))
      throw new InvalidArgumentError("local, bullmq or slurm");
    return value;
  };
  // Options after a subcommand (`sweep collect DIR --json`) are the subcommand's own.
  program.enablePositionalOptions();
  const sweep = program
    .command("sweep")
    .description("run a sweep file (grid of specs) into a phase diagram; `sweep collect DIR` for Slurm")
    .argument("<file>", "sweep file (.yaml, .json)")
    .option("--json", "print exactly the sweep document on stdout")
    .option("--out <dir>", "write sweep.json, points.parquet/.csv, figure.svg/.png and report.html")
    .option("--executor <name>", "local | bullmq | slurm", executor, "local")
    .option("--workers <n>", "worker threads (local; default: all cores)", positiveInt)
    .option("--dry-run", "print the points, the runs and an estimated cost from one pilot point")
    .option("--quiet", "no progress bar and no summary")
    .option("--redis <url>", "Redis URL for --executor bullmq, e.g. redis://127.0.0.1:6379")
    .option("--dir <dir>", "folder for the Slurm job array (--executor slurm)")
    .option("--chunk <n>", "points per Slurm array task", positiveInt)
    .option("--max-parallel <n>", "Slurm tasks at once (%max)", positiveInt)
    .option("--submit", "run sbatch on the written script (--executor slurm)")
    .option(...dbOption)
    .action(sweepCommand);
  sweep
    .command("collect")
    .description("ingest the result shards of a Slurm sweep into the database (idempotent)")
    .argument("<dir>", "the --dir of sgdlab sweep --executor slurm")
    .option("--json", "print exactly the sweep document on stdout")
    .option("--out <dir>", "write the sweep's outputs")
    .option("--quiet", "no summary")
    .option(...dbOption)
    .action(collectCommand);
  program
    .command("sweeps")
    .description("list the sweeps in the database, most recent first")
    .option("--limit <n>", "how many", positiveInt, 20)
    .option(...dbOption)
    .action(async (o: { limit: number; db: string }) => {
      const rows = existsSync(o.db) ? await new PointStore(o.db).list(o.limit) : [];
      process.stdout.write(formatSweeps(rows));
    });
  program
    .command("worker")
    .description("compute sweep points from a Redis queue (same sgdlab version as the coordinator)")
    .requiredOption("--redis <url>", "Redis URL, e.g. redis://127.0.0.1:6379")
    .option("--workers <n>", "worker threads for a point's runs", positiveInt, 1)
    .option("--lock-ms <ms>", "job lock: a dead worker's job is retried after this long", positiveInt, 30_000)
    .action(workerCommand);
  program
    .command("sweep-task")
    .description("compute one Slurm array task of a sweep (what DIR/sweep.sbatch runs)")
    .argument("<dir>", "the sweep's Slurm folder")
    .argument("<task>", "the array task id ($SLURM_ARRAY_TASK_ID)")
    .option("--workers <n>", "worker threads (default: $SLURM_CPUS_PER_TASK or 1)", positiveInt)
    .action(async (dir: string, task: string, o: { workers?: number }) => {
      const workers = o.workers ?? (Number(process.env.SLURM_CPUS_PER_TASK) || 1);
      const n = await runSweepTask(dir, Number(task), workers);
      process.stderr.write(`sweep-task ${task}: ${n} points written to ${dir}/shards/task-${task}.json\n`);
    });
}

/** `sgdlab sweep FILE` */
async function sweepCommand(file: string, o: SweepOptions): Promise<void> {
  const plan = readSweepFile(file);
  const workers = o.workers ?? defaultWorkers();
  if (o.dryRun) {
    for (const p of plan.points) process.stdout.write(`${p.index}\t${p.key}\t${JSON.stringify(p.params)}\n`);
    process.stdout.write(`${(await dryRunSweep(plan, o.db, workers)).text}\n`);
    return;
  }
  if (o.executor === "slurm") return slurmCommand(plan, o);
  if (o.executor === "bullmq" && !o.redis) throw new SpecError("--redis", o.redis, messages.sweepNeedsRedis);
  const engine = o.executor === "bullmq" ? bullmqEngine(o.redis as string, plan.code) : localEngine(workers);
  await finish(plan, await runWith(plan, engine, o), o);
}

/** Run on an engine with a progress bar; SIGINT/SIGTERM stop it cleanly (what finished is stored). */
function runWith(plan: SweepPlan, engine: SweepEngine, o: { db: string; quiet?: boolean }) {
  const bar = o.quiet ? undefined : sweepProgressBar();
  return stoppable(engine, async (signal) => {
    try {
      return await runSweep(plan, { db: o.db, engine, signal, onProgress: bar?.update });
    } finally {
      bar?.stop();
    }
  });
}

/** Run `task` with a signal that SIGINT/SIGTERM abort, then close the engine. */
async function stoppable<T>(engine: SweepEngine, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop).once("SIGTERM", stop);
  try {
    return await task(controller.signal);
  } finally {
    process.off("SIGINT", stop).off("SIGTERM", stop);
    await engine.close();
  }
}

interface ReproduceOptions {
  out?: string;
  workers?: number;
  quiet?: boolean;
  db: string;
  store: boolean;
}

/**
 * `sgdlab reproduce <id>` for phase diagrams too: a model's `sweepFigures` id runs its sweeps on the local
 * engine (in the run database, or a temporary one with --no-store); other ids go to the record `reproduce`.
 *
 * @example program.command("reproduce").action(withSweepFigures(reproduceCommand))
 */
export function withSweepFigures<O extends ReproduceOptions>(
  reproduceRun: (id: string, o: O) => Promise<void>,
) {
  return async (id: string, o: O): Promise<void> => {
    const figure = sweepFigures()[id];
    if (!figure) {
      if (figureIds().includes(id)) return reproduceRun(id, o);
      throw new SpecError(
        "figure-id",
        id,
        messages.unknownFigure([...figureIds(), ...Object.keys(sweepFigures())]),
      );
    }
    if (!o.quiet) process.stderr.write(`${id}: ${figure.description}\n  (${figure.source})\n`);
    const scratch = o.store ? null : mkdtempSync(join(tmpdir(), "sgdlab-reproduce-"));
    const db = scratch ? join(scratch, "runs.duckdb") : o.db;
    const engine = localEngine(o.workers ?? defaultWorkers());
    try {
      const dir = o.out ?? join("out", id);
      const { docs, written } = await stoppable(engine, (signal) =>
        reproduceSweepFigure(figure, dir, { db, engine, signal }),
      );
      if (!o.quiet)
        process.stdout.write(`${docs.map((d) => formatSweep(d, [])).join("")}wrote: ${written.join(", ")}\n`);
    } finally {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    }
  };
}

async function finish(
  plan: SweepPlan,
  doc: SweepDocument,
  o: { json?: boolean; out?: string; quiet?: boolean },
) {
  const written = o.out ? await writeSweepOutputs(o.out, plan, doc) : [];
  if (o.json) process.stdout.write(`${sweepJson(doc)}\n`);
  if (!o.quiet) (o.json ? process.stderr : process.stdout).write(formatSweep(doc, written));
}

/** `sgdlab sweep FILE --executor slurm --dir DIR [--submit]` */
async function slurmCommand(plan: SweepPlan, o: SweepOptions): Promise<void> {
  if (!o.dir) throw new SpecError("--dir", o.dir, messages.sweepNeedsDir);
  const stored = existsSync(o.db)
    ? await new PointStore(o.db).finished(plan.points.map((p) => p.key))
    : new Map();
  const todo = plan.points.filter(
    (p, i, all) => !stored.has(p.key) && all.findIndex((q) => q.key === p.key) === i,
  );
  const tasks = writeSlurmSweep(plan, todo, o.dir, { chunk: o.chunk, maxParallel: o.maxParallel });
  const lines = [`${plan.points.length} points, ${todo.length} to compute in ${tasks} array tasks`];
  if (tasks > 0) lines.push(`submit: sbatch ${o.dir}/sweep.sbatch`, `then:   sgdlab sweep collect ${o.dir}`);
  if (o.submit && tasks > 0)
    lines.push(execFileSync("sbatch", [`${o.dir}/sweep.sbatch`], { encoding: "utf8" }).trim());
  process.stderr.write(`${lines.join("\n")}\n`);
}

/** `sgdlab sweep collect DIR` */
async function collectCommand(dir: string, o: { json?: boolean; out?: string; quiet?: boolean; db: string }) {
  const { plan } = readSlurmPlan(dir);
  await finish(plan, await runWith(plan, shardEngine(dir), { ...o, quiet: true }), o);
}

/** `sgdlab worker --redis URL` */
async function workerCommand(o: { redis: string; workers: number; lockMs: number }): Promise<void> {
  const code = codeVersion();
  const worker = startSweepWorker(o.redis, { workers: o.workers, lockMs: o.lockMs });
  process.stderr.write(
    `sgdlab worker (sgdlab ${code.sgdlab}, commit ${code.commit ?? "none"}) on ${o.redis}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop).once("SIGTERM", stop);
  });
  await worker.close();
}

/**
 * `sgdlab show <id>` for sweeps too: a sweep id (or a unique prefix of at least 4 characters) prints the
 * sweep's document with what is finished; anything else goes to the run `show`.
 *
 * @example program.command("show").action(withSweeps(showCommand))
 */
export function withSweeps<O extends { db: string }>(showRun: (id: string, o: O) => Promise<void>) {
  return async (id: string, o: O): Promise<void> => {
    const plan = id.length >= 4 && existsSync(o.db) ? await new PointStore(o.db).plan(id) : null;
    if (!plan) return showRun(id, o);
    process.stdout.write(`${sweepJson(await storedSweepDocument(o.db, plan))}\n`);
  };
}
