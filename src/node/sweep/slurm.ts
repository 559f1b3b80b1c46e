import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SpecError } from "../../core/errors.js";
import { messages } from "../../core/messages.js";
import type { ExperimentRecord } from "../../experiment/record.js";
import type { SweepPlan, SweepPoint } from "../../sweep/plan.js";
import { versionRefusal } from "./bullmq-queue.js";
import type { PointResult, SweepEngine } from "./engine.js";
import { localEngine } from "./local-engine.js";
import { codeVersion } from "./read-sweep.js";

/** What `DIR/points.json` holds: the sweep's plan, the points to compute, and how they are chunked. */
export interface SlurmPlan {
  plan: SweepPlan;
  /** Keys of the points to compute (those not finished when the files were written), in task order. */
  todo: string[];
  /** Points per array task. */
  chunk: number;
}

/** One result in a task's shard: a point's record, or why it has none. */
export type ShardEntry = { key: string } & PointResult;

/** Options of {@link writeSlurmSweep}. */
export interface SlurmOptions {
  /** Points per array task (default: about 1000 tasks at most). */
  chunk?: number;
  /** At most this many tasks at once (`%max` of `--array`; default 64). */
  maxParallel?: number;
  /** The command that runs sgdlab on the cluster nodes (default: this node and this sgdlab's CLI). */
  command?: string[];
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Write `DIR/points.json` (the plan and the points to compute) and `DIR/sweep.sbatch`, a Slurm job array
 * with one task per chunk of points: task i runs `sgdlab sweep-task DIR i`, which writes
 * `DIR/shards/task-i.json`. `SLURM_ARRAY_TASK_ID=i bash DIR/sweep.sbatch` is what Slurm runs for task i.
 * Returns the number of tasks (0 when every point is finished: no files are written then).
 *
 * @example writeSlurmSweep(plan, todo, "runs/phase", { maxParallel: 32 }) // 45
 */
export function writeSlurmSweep(
  plan: SweepPlan,
  todo: readonly SweepPoint[],
  dir: string,
  options: SlurmOptions = {},
) {
  if (todo.length === 0) return 0;
  const chunk = options.chunk ?? Math.max(1, Math.ceil(todo.length / 1000));
  const tasks = Math.ceil(todo.length / chunk);
  const absolute = resolve(dir);
  mkdirSync(join(absolute, "shards"), { recursive: true });
  mkdirSync(join(absolute, "logs"), { recursive: true });
  const slurm: SlurmPlan = { plan, todo: todo.map((p) => p.key), chunk };
  writeFileSync(join(absolute, "points.json"), JSON.stringify(slurm));
  const command = (options.command ?? defaultCommand()).map(quote).join(" ");
  const script = [
    "#!/bin/bash",
    `#SBATCH --job-name=sgdlab-${plan.name}`,
    `#SBATCH --array=0-${tasks - 1}%${options.maxParallel ?? 64}`,
    `#SBATCH --output=${absolute}/logs/task-%a.out`,
    "#SBATCH --ntasks=1",
    "set -euo pipefail",
    `exec ${command} sweep-task ${quote(absolute)} "$SLURM_ARRAY_TASK_ID"`,
    "",
  ].join("\n");
  writeFileSync(join(absolute, "sweep.sbatch"), script, { mode: 0o755 });
  return tasks;
}

/** This node binary and this CLI (with tsx when running from the TypeScript sources). */
function defaultCommand(): string[] {
  const cli = resolve(process.argv[1]);
  const fromSource = cli.endsWith(".ts");
  return [process.execPath, ...(fromSource ? ["--import", import.meta.resolve("tsx")] : []), cli];
}

/** Read `DIR/points.json`; a {@link SpecError} when the folder has none. */
export function readSlurmPlan(dir: string): SlurmPlan {
  const file = join(dir, "points.json");
  if (!existsSync(file)) throw new SpecError("dir", dir, messages.sweepNoPlan(dir));
  return JSON.parse(readFileSync(file, "utf8")) as SlurmPlan;
}

/**
 * `sgdlab sweep-task DIR i`: compute task i's chunk of points on this node (with `engine`, by default the
 * local pool of `workers` threads) and write its shard atomically (temp file + rename), so a shard is
 * either whole or absent. Refuses a plan written by another sgdlab version or commit.
 *
 * @example await runSweepTask("runs/phase", Number(process.env.SLURM_ARRAY_TASK_ID))
 */
export async function runSweepTask(
  dir: string,
  task: number,
  workers = 1,
  engine?: SweepEngine,
): Promise<number> {
  const slurm = readSlurmPlan(dir);
  const tasks = Math.ceil(slurm.todo.length / slurm.chunk);
  if (!Number.isInteger(task) || task < 0 || task >= tasks)
    throw new SpecError("task", task, messages.sweepTaskRange(tasks));
  const refusal = versionRefusal(slurm.plan.code, codeVersion());
  if (refusal !== null) throw new SpecError("points.json", slurm.plan.code, refusal);
  const keys = new Set(slurm.todo.slice(task * slurm.chunk, (task + 1) * slurm.chunk));
  const points = slurm.plan.points.filter((p) => keys.delete(p.key));
  const entries: ShardEntry[] = [];
  const run = engine ?? localEngine(workers);
  try {
    await run.run(points, {
      signal: new AbortController().signal,
      onResult: async (p, r) => {
        entries.push({ key: p.key, ...r });
      },
    });
  } finally {
    if (!engine) await run.close();
  }
  const file = join(dir, "shards", `task-${task}.json`);
  writeFileSync(`${file}.partial`, JSON.stringify(entries));
  renameSync(`${file}.partial`, file);
  return entries.length;
}

/** Every shard entry written so far in `DIR/shards` (whole shards only). */
export function readShards(dir: string): Map<string, { record: ExperimentRecord } | { error: string }> {
  const found = new Map<string, PointResult>();
  const shards = join(dir, "shards");
  if (!existsSync(shards)) return found;
  for (const name of readdirSync(shards)
    .filter((n) => /^task-\d+\.json$/.test(n))
    .sort()) {
    for (const { key, ...result } of JSON.parse(readFileSync(join(shards, name), "utf8")) as ShardEntry[])
      found.set(key, result as PointResult);
  }
  return found;
}

/**
 * The engine `sgdlab sweep collect DIR` runs: it computes nothing, it reports the points found in the
 * shards (the others stay missing).
 */
export function shardEngine(dir: string): SweepEngine {
  return {
    name: "slurm",
    async run(points, ctx) {
      const shards = readShards(dir);
      for (const p of points) {
        const result = shards.get(p.key);
        if (result) await ctx.onResult(p, result);
      }
    },
    close: async () => {},
  };
}
