import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "sgdlab-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the CLI from the TypeScript sources (so the test never sees a stale dist/). */
async function sgdlab(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", import.meta.resolve("tsx"), join(root, "cli/main.ts"), ...args],
      { cwd: dir, env: { ...process.env, FORCE_COLOR: "0" } },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function specFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const small = {
  model: { name: "spiked-tensor", k: 2, N: 200, snr: 1.2 },
  optimizer: { name: "sgd", cDelta: 0.5 },
  init: { m: 0.3, rPerp2: 1 },
  horizon: 1,
  points: 6,
  runs: 4,
  simulation: "dimension-free",
  theory: ["ode", "gradient-flow"],
};

describe.concurrent("sgdlab CLI", () => {
  it("run --json prints exactly the record on stdout; --out writes the four outputs", async () => {
    const out = join(dir, "out-json");
    const db = join(dir, "json.duckdb");
    const r = await sgdlab(
      "run",
      specFile("small.json", small),
      "--json",
      "--out",
      out,
      "--db",
      db,
      "--workers",
      "1",
    );
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record.status).toBe("ok");
    expect(record.spec.runs).toBe(4);
    expect(record.series.map((s: { source: string }) => s.source)).toEqual([
      "simulation",
      "ode",
      "gradient-flow",
    ]);
    for (const f of ["record.json", "figure.svg", "figure.png", "report.html"])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(join(out, "record.json"), "utf8")).series).toEqual(record.series);
    // The run is in the database: `runs` lists it and `show` prints the same record.
    const runs = await sgdlab("runs", "--db", db);
    const id = runs.stdout.split("\n")[1].split(/\s+/)[0];
    expect(runs.stdout).toMatch(/spiked-tensor\s+ok/);
    const shown = await sgdlab("show", id.slice(0, 8), "--db", db);
    expect(JSON.parse(shown.stdout).series).toEqual(record.series);
  });

  it("reads YAML specs", async () => {
    const yaml = "model: { name: spiked-tensor, N: 100, snr: 1 }\nsimulation: none\ntheory: [ode]\n";
    const r = await sgdlab("run", specFile("s.yaml", yaml), "--json", "--no-store");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).spec.model.k).toBe(2);
  });

  it.each([
    [
      "unknown model",
      { ...small, model: { name: "spiked-matrix", N: 10 } },
      /model\.name = "spiked-matrix".*spiked-tensor/,
    ],
    [
      "k < 2",
      { ...small, model: { ...small.model, k: 1 } },
      /model\.k = 1 is invalid: expected a number >= 2/,
    ],
    [
      "N not an integer",
      { ...small, model: { ...small.model, N: 10.5 } },
      /model\.N = 10\.5 is invalid: expected an integer/,
    ],
    [
      "negative cDelta",
      { ...small, optimizer: { name: "sgd", cDelta: -1 } },
      /optimizer\.cDelta = -1 is invalid: expected a number > 0/,
    ],
    [
      "unknown field",
      { ...small, model: { ...small.model, lambda: 2 } },
      /model\.lambda = 2 is invalid: expected one of the known fields \(name, k, N, snr\)/,
    ],
    ["malformed JSON", "{ model: ", /spec file = .*bad\.json.* JSON/],
    [
      "diffusive with k = 3",
      { ...small, model: { ...small.model, k: 3 }, theory: ["diffusive"] },
      /theory = \["diffusive"\]/,
    ],
  ])(
    "bad input (%s): one message naming the field, exit 2, nothing written",
    async (label, spec, message) => {
      const name = `bad${typeof spec === "string" ? "" : `-${label.replace(/\W+/g, "-")}`}.json`;
      const out = join(dir, `out-${name}`);
      const db = join(dir, `${name}.duckdb`);
      const r = await sgdlab("run", specFile(name, spec), "--out", out, "--db", db);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
      expect(existsSync(out)).toBe(false);
      expect(existsSync(db)).toBe(false);
    },
  );

  it("a diverging run exits 0 with status diverged and the step", async () => {
    const spec = { ...small, optimizer: { name: "sgd", cDelta: 400 }, horizon: 10 };
    const r = await sgdlab("run", specFile("div.json", spec), "--json", "--no-store");
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record.status).toBe("diverged");
    expect(record.messages.join(" ")).toMatch(/diverged at step \d+/);
  });

  it("Ctrl-C stops a run with exit code 130, marks it interrupted, and leaves the database usable", async () => {
    const db = join(dir, "interrupt.duckdb");
    const long = { ...small, model: { ...small.model, N: 3000 }, horizon: 50, runs: 8, simulation: "full" };
    const args = [
      "--import",
      import.meta.resolve("tsx"),
      join(root, "cli/main.ts"),
      "run",
      specFile("long.json", long),
    ];
    const child = spawn(process.execPath, [...args, "--db", db, "--workers", "2", "--quiet"], { cwd: dir });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    // Wait until the database file exists: executeSpec installs its signal handler before it opens the
    // store, so from then on SIGINT is the CLI's (before it, Node's default would kill the child, exit code
    // null). Loading the catalogue through tsx took over 10 s under load, so the bound is generous.
    for (let i = 0; i < 1600 && !existsSync(db) && child.exitCode === null; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(db), stderr).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    child.kill("SIGINT");
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code, stderr).toBe(130);
    const runs = await sgdlab("runs", "--db", db);
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(/spiked-tensor\s+interrupted/);
    const id = runs.stdout.split("\n")[1].split(/\s+/)[0];
    const shown = await sgdlab("show", id, "--db", db);
    expect(JSON.parse(shown.stdout)).toMatchObject({ status: "interrupted", finishedAt: null });
  });

  it("list shows the experiment, its fields and defaults; unknown figure and command exit 2", async () => {
    const list = await sgdlab("list");
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/spiked-tensor/);
    expect(list.stdout).toMatch(/runs: integer = 8/);
    expect(list.stdout).toMatch(/bgj-fig1/);
    const fig = await sgdlab("reproduce", "bgj-fig9");
    expect(fig.code).toBe(2);
    expect(fig.stderr).toMatch(
      /figure-id = "bgj-fig9" is invalid: expected one of balance-fig1, balance-fig3, balance-fig4, bgj-fig1/,
    );
    expect((await sgdlab("frobnicate")).code).toBe(2);
  });
});
