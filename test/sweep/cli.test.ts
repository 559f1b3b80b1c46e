import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type SweepDocument, sweepTable } from "../../src/sweep/document.js";
import { sgdlab, writeInto } from "./cli-helpers.js";
import { spikedSweep, tempDir } from "./fixtures.js";

const tmp = tempDir("sgdlab-sweep-cli-");
afterAll(tmp.remove);
const theory45 = spikedSweep({ simulation: "none", horizon: 10 });

describe.concurrent("sgdlab sweep (CLI)", () => {
  it("--json prints the public document; --out writes the six outputs; sweeps and show find it", async () => {
    const file = writeInto(tmp.dir, "theory.json", theory45);
    const db = join(tmp.dir, "theory.duckdb");
    const out = join(tmp.dir, "out-theory");
    const r = await sgdlab(tmp.dir, "sweep", file, "--json", "--out", out, "--db", db, "--workers", "1");
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as SweepDocument;
    expect(doc.counts).toEqual({ points: 45, run: 45, cached: 0, failed: 0 });
    expect(doc.axes.map((a) => a.path)).toEqual(["model.snr", "optimizer.cDelta"]);
    const p = doc.points[0];
    expect(Object.keys(p)).toEqual(
      expect.arrayContaining(["params", "key", "runId", "status", "cached", "scalars", "final", "agreement"]),
    );
    expect(p.params).toEqual({ "model.snr": 0.2, "optimizer.cDelta": 0.25 });
    expect(p.scalars.lambdaC).toBe(0.25);
    expect(p.final.ode.m).toEqual({ mean: expect.any(Number), stderr: null });
    expect(readdirSync(out).sort()).toEqual(
      ["figure.png", "figure.svg", "points.csv", "points.parquet", "report.html", "sweep.json"].sort(),
    );
    const list = await sgdlab(tmp.dir, "sweeps", "--db", db);
    expect(list.stdout).toContain(`${doc.id}`);
    expect(list.stdout).toContain("45/45 points");
    const shown = await sgdlab(tmp.dir, "show", doc.id.slice(0, 6), "--db", db);
    expect(sweepTable(JSON.parse(shown.stdout))).toEqual(sweepTable(doc));
    const run = await sgdlab(tmp.dir, "show", p.runId as string, "--db", db);
    expect(JSON.parse(run.stdout).spec.model.snr).toBe(0.2);
  });

  it.each([
    ["an unknown path", { ...theory45, grid: { "model.snrr": [1, 2] } }, /model\.snrr.*axis model\.snrr/],
    ["an invalid point", { ...theory45, grid: { "model.snr": [1, -2] } }, /model\.snr = -2 .*point 2 of 2/],
    ["an empty grid", { ...theory45, grid: {} }, /grid = \{\} is invalid: expected at least one axis/],
    ["bad YAML", "name: x\ngrid: [unclosed\n", /a readable JSON or YAML file/],
    [
      "an empty axis",
      { ...theory45, grid: { "model.snr": [] } },
      /grid\.model\.snr = \[\] is invalid: expected a list with >= 1 items/,
    ],
    ["a missing base file", { name: "x", base: "nope.json", grid: { "model.snr": [1] } }, /nope\.json/],
  ])("%s: exit 2, one message naming it, nothing written", async (what, content, pattern) => {
    const name = `bad-${what.replace(/\W+/g, "-")}`;
    const file = writeInto(tmp.dir, `${name}.yaml`, content);
    const db = join(tmp.dir, `${name}.duckdb`);
    const out = join(tmp.dir, `${name}-out`);
    const r = await sgdlab(tmp.dir, "sweep", file, "--json", "--db", db, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe("");
    expect(existsSync(db)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it("--dry-run prints every point and the estimate, and creates no database", async () => {
    const file = writeInto(tmp.dir, "dry.json", spikedSweep());
    const db = join(tmp.dir, "dry.duckdb");
    const r = await sgdlab(tmp.dir, "sweep", file, "--dry-run", "--db", db, "--workers", "1");
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(46);
    // The pilot point has runs = 4 (the base spec), so 45 points to compute have 180 runs.
    expect(lines[45]).toMatch(/^45 points \(0 already stored\), 180 runs to compute/);
    expect(existsSync(db)).toBe(false);
  });
});
