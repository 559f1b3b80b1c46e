import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "sgdlab-interrupt-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = ["--import", import.meta.resolve("tsx"), join(root, "cli/main.ts")];

/**
 * Committee ReLU with a long ODE horizon: 16 quick dimension-free runs (a few seconds on two workers, so
 * the non-terminal progress line "simulation: 16/16 runs" is printed after the bar's 1 s delay), then one
 * synchronous ODE solve of 1200 RK4 steps at ~1.2 ms per unit pair and 16 pairs (~23 s, src/models/
 * committee/cost.ts). Before the experiment ran off the main thread, SIGINT waited for the solve to end and
 * the run then finished and wrote its outputs (exit 0).
 */
const longTheory = {
  model: { name: "committee", d: 1000, activation: "relu", student: { width: 2 }, teacher: { width: 2 } },
  optimizer: { lr: 1 },
  init: { random: true, scale: 0.5 },
  ode: { method: "rk4", dt: 0.05 },
  horizon: 60,
  points: 7,
  runs: 16,
  simulation: "dimension-free",
};

/** Resolve when `predicate(stderr so far)` holds or the child exits, polling every 100 ms, at most `ms`. */
async function waitFor(child: ReturnType<typeof spawn>, predicate: () => boolean, ms: number): Promise<void> {
  let exited = child.exitCode !== null;
  child.once("exit", () => {
    exited = true;
  });
  for (let waited = 0; waited < ms && !exited && !predicate(); waited += 100)
    await new Promise((r) => setTimeout(r, 100));
}

describe("Ctrl-C during a long synchronous theory phase", () => {
  it("exits 130 soon after SIGINT, marks the run interrupted and writes no output", async () => {
    const spec = join(dir, "long-theory.json");
    writeFileSync(spec, JSON.stringify(longTheory));
    const db = join(dir, "runs.duckdb");
    const out = join(dir, "out");
    const child = spawn(process.execPath, [...cli, "run", spec, "--db", db, "--out", out, "--workers", "2"], {
      cwd: dir,
    });
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    // Bounded waits (a hang fails the test rather than the suite): the simulation phase ends, and the
    // ODE solve (~23 s of one synchronous call) starts right after; interrupt inside it.
    await waitFor(child, () => stderr.includes("simulation: 16/16 runs"), 120_000);
    expect(stderr, "the simulation phase finished and was reported").toContain("simulation: 16/16 runs");
    child.kill("SIGINT");
    // The solve would finish only ~23 s later; 15 s bounds the exit without asserting a duration (a
    // child still alive then is killed and its null exit code fails the assertion below).
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    const code = await exit;
    clearTimeout(timer);
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/interrupted/);
    expect(existsSync(out), "nothing written under --out").toBe(false);
    const runs = spawn(process.execPath, [...cli, "runs", "--db", db], { cwd: dir });
    let listed = "";
    runs.stdout?.on("data", (d) => {
      listed += d;
    });
    expect(await new Promise((resolve) => runs.on("exit", resolve))).toBe(0);
    expect(listed).toMatch(/committee\s+interrupted/);
  }, 200_000);
});
