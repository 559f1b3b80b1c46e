import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { localEngine } from "../../src/node/sweep/local-engine.js";
import { runSweep } from "../../src/node/sweep/run-sweep.js";
import { type SweepDocument, sweepTable } from "../../src/sweep/document.js";
import { cliEnv, sgdlab, writeInto } from "./cli-helpers.js";
import { planOf, spikedSweep, tempDir } from "./fixtures.js";

const tmp = tempDir("sgdlab-sweep-slurm-");
process.env.PATH = `${new URL("./stand-in", import.meta.url).pathname}:${process.env.PATH}`;
afterAll(tmp.remove);

/** What Slurm runs for array task i: the script itself, with SLURM_ARRAY_TASK_ID set. */
const task = (dir: string, i: number) =>
  promisify(execFile)("bash", [join(dir, "sweep.sbatch")], {
    env: { ...cliEnv(), SLURM_ARRAY_TASK_ID: String(i) },
  });

describe("Slurm engine (job-array script, stand-in sbatch)", () => {
  it("tasks run as Slurm runs them; collect is idempotent and its table equals the local engine's", async () => {
    const sweep = spikedSweep();
    const file = writeInto(tmp.dir, "slurm45.json", sweep);
    const dir = join(tmp.dir, "array");
    const db = join(tmp.dir, "slurm.duckdb");
    const args = ["--executor", "slurm", "--dir", dir, "--chunk", "10", "--db", db];
    const written = await sgdlab(tmp.dir, "sweep", file, ...args);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toMatch(/45 points, 45 to compute in 5 array tasks/);
    const script = readFileSync(join(dir, "sweep.sbatch"), "utf8");
    expect(script).toMatch(/^#SBATCH --array=0-4%64$/m);
    expect(script).toMatch(/sweep-task '.*array' "\$SLURM_ARRAY_TASK_ID"$/m);
    await task(dir, 0);
    await task(dir, 3);
    expect(existsSync(join(dir, "shards", "task-3.json"))).toBe(true);
    const partial = await sgdlab(tmp.dir, "sweep", "collect", dir, "--json", "--db", db);
    expect(partial.code, partial.stderr).toBe(0);
    const first = JSON.parse(partial.stdout) as SweepDocument;
    expect(first.counts).toEqual({ points: 45, run: 20, cached: 0, failed: 0 });
    expect(first.points.filter((p) => p.status === "missing")).toHaveLength(25);
    // Writing the folder again queues only the 25 missing points; the stand-in sbatch runs the array.
    const again = await sgdlab(tmp.dir, "sweep", file, ...args, "--submit");
    expect(again.stderr).toMatch(/45 points, 25 to compute in 3 array tasks/);
    expect(again.stderr).toMatch(/Submitted batch job/);
    const done = JSON.parse((await sgdlab(tmp.dir, "sweep", "collect", dir, "--json", "--db", db)).stdout);
    expect(done.counts).toEqual({ points: 45, run: 25, cached: 20, failed: 0 });
    const twice = JSON.parse((await sgdlab(tmp.dir, "sweep", "collect", dir, "--json", "--db", db)).stdout);
    expect(twice.counts).toEqual({ points: 45, run: 0, cached: 45, failed: 0 });
    const engine = localEngine(1);
    const local = await runSweep(planOf(sweep), { db: join(tmp.dir, "local.duckdb"), engine }).finally(() =>
      engine.close(),
    );
    expect(sweepTable(done)).toEqual(sweepTable(local));
    expect(sweepTable(twice)).toEqual(sweepTable(local));
  }, 300_000);

  it("a task id outside the array, or a folder without points.json, is refused with exit 2", async () => {
    const r = await sgdlab(tmp.dir, "sweep-task", join(tmp.dir, "nowhere"), "0");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/points\.json is missing/);
  });
});
