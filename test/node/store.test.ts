import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ExperimentRecord } from "../../src/experiment/record.js";
import { AmbiguousRunIdError, RunStore, StoreLockedError, specHash } from "../../src/node/store.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const storeUrl = pathToFileURL(join(root, "src/node/store.ts")).href;
const provenance = { commit: null, node: process.version, platform: process.platform, startedAt: "" };
let dir: string;
let db: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "sgdlab-store-"));
  db = join(dir, "nested", "runs.duckdb");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A record with `n` points in a simulation series (m with stderr, q) and an ODE series (m). */
function syntheticRecord(n: number, spec: Record<string, unknown> = { model: { k: 3 } }): ExperimentRecord {
  const t = Array.from({ length: n }, (_, i) => i / 8);
  return {
    sgdlab: "0.1.0",
    provenance: { ...provenance, startedAt: "2025-01-02T03:04:05.000Z" },
    spec,
    status: "ok",
    messages: [],
    series: [
      {
        source: "simulation",
        t,
        values: { m: t.map(Math.sin), q: t.map((x) => x * x) },
        stderr: { m: t.map(() => 0.01), q: t.map(() => 0.02) },
        runs: 8,
      },
      { source: "ode", t, values: { m: t.map(Math.sin) } },
    ],
    scalars: { lambdaC: 0.5, success: 0.75 },
    tables: { phases: { r: [0.1, 0.2], phase: ["weak", "strong"] } },
    distributions: { v: { edges: [0, 1, 2], simulation: [0.4, 0.6], theory: [0.5, 0.5] } },
    agreement: { m: { ode: { maxAbs: 0.01, at: 1, tolerance: 0.03, pass: true, final: 0.002 } } },
    timing: { simulationSeconds: 1.5, theorySeconds: 0.01 },
  };
}

async function begun(store: RunStore, experiment = "spiked-tensor"): Promise<string> {
  return store.begin(
    { model: { k: 3 } },
    { ...provenance, startedAt: new Date().toISOString() },
    experiment,
    "0.1.0",
  );
}

/** Run a TypeScript child (via tsx) that imports the store; resolves with the child once it printed `ready`. */
async function child(body: string): Promise<{ proc: ChildProcess; lines: string[] }> {
  const file = join(dir, `child-${Math.random().toString(36).slice(2)}.mts`);
  await writeFile(file, `import { RunStore } from ${JSON.stringify(storeUrl)};\n${body}`);
  const proc = spawn(process.execPath, ["--import", "tsx", file], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  proc.stdout?.setEncoding("utf8").on("data", (d: string) => lines.push(...d.split("\n").filter(Boolean)));
  return { proc, lines };
}

async function waitFor(lines: string[], text: string): Promise<void> {
  while (!lines.includes(text)) await new Promise((r) => setTimeout(r, 10));
}

describe("RunStore", () => {
  it("lists a begun run as running, unfinished, with no record", async () => {
    const store = await RunStore.open(db);
    const id = await begun(store);
    const [run] = await store.list();
    expect(run).toMatchObject({ id, status: "running", finishedAt: null, seconds: null, scalars: {} });
    expect(run.specHash).toBe(specHash({ model: { k: 3 } }));
    expect(await store.get(id)).toBeNull();
    expect((await store.summary(id))?.status).toBe("running");
  });

  it("finishes: get returns the record, seriesTable has every point, list the scalars", async () => {
    const store = await RunStore.open(db);
    const id = await begun(store);
    const record = syntheticRecord(1000);
    await store.finish(id, record);
    expect(await store.get(id)).toEqual(record);
    const rows = await store.seriesTable(id);
    expect(rows).toHaveLength(3000);
    const sim = rows.filter((r) => r.source === "simulation" && r.statistic === "m");
    expect(sim.map((r) => r.value)).toEqual(record.series[0].values.m);
    expect(sim.map((r) => r.t)).toEqual(record.series[0].t);
    expect(sim.every((r) => r.stderr === 0.01)).toBe(true);
    expect(rows.filter((r) => r.source === "ode").every((r) => r.stderr === null)).toBe(true);
    const [run] = await store.list();
    expect(run).toMatchObject({ id, status: "ok", scalars: { lambdaC: 0.5, success: 0.75 } });
    expect(run.seconds).toBeGreaterThanOrEqual(0);
    await expect(store.finish(id, record)).rejects.toThrow(/already finished/);
    await expect(store.finish("nope", record)).rejects.toThrow(/No run nope/);
  });

  it("keeps NaN and infinities in the tables and writes null in the record JSON", async () => {
    const store = await RunStore.open(db);
    const id = await begun(store);
    const record = syntheticRecord(3);
    record.series[1].values.m[1] = Number.NaN;
    record.scalars.threshold = Number.POSITIVE_INFINITY;
    await store.finish(id, record);
    const ode = (await store.seriesTable(id)).filter((r) => r.source === "ode");
    expect(ode[1].value).toBeNaN();
    expect((await store.list())[0].scalars.threshold).toBe(Number.POSITIVE_INFINITY);
    const back = await store.get(id);
    expect(back?.series[1].values.m[1]).toBeNull();
    expect(back?.scalars.threshold).toBeNull();
  });

  it("finishes in one transaction: a failure half-way leaves the run running and no rows", async () => {
    const store = await RunStore.open(db);
    const id = await begun(store);
    const bad = syntheticRecord(10);
    (bad.series[1] as { values: unknown }).values = null;
    await expect(store.finish(id, bad)).rejects.toThrow();
    expect(await store.summary(id)).toMatchObject({ status: "running", finishedAt: null, scalars: {} });
    expect(await store.seriesTable(id)).toEqual([]);
  });

  it("aborts only running runs, never as ok", async () => {
    const store = await RunStore.open(db);
    const [a, b] = [await begun(store), await begun(store)];
    expect(await store.abort(a, "interrupted", "SIGINT")).toBe(true);
    expect(await store.summary(a)).toMatchObject({
      status: "interrupted",
      message: "SIGINT",
      finishedAt: null,
    });
    expect(await store.abort(a, "failed", "again")).toBe(false);
    await store.finish(b, syntheticRecord(2));
    expect(await store.abort(b, "failed", "late")).toBe(false);
    expect((await store.summary(b))?.status).toBe("ok");
    await expect(store.abort(a, "ok" as "failed", "x")).rejects.toThrow(/interrupted/);
  });

  it("finds runs by unique prefix, reports ambiguous prefixes, returns null for unknown ids", async () => {
    const store = await RunStore.open(db);
    const [a, b] = [await begun(store), await begun(store, "other")];
    let common = 0;
    while (a[common] === b[common]) common++;
    await store.finish(a, syntheticRecord(2));
    expect((await store.get(a.slice(0, common + 1)))?.status).toBe("ok");
    expect((await store.summary(b.slice(0, common + 1)))?.id).toBe(b);
    await expect(store.get(a.slice(0, common))).rejects.toThrow(AmbiguousRunIdError);
    expect(await store.get("zzzzzzzz")).toBeNull();
    expect(await store.seriesTable("zzzzzzzz")).toEqual([]);
    expect((await store.list({ experiment: "other" })).map((r) => r.id)).toEqual([b]);
    expect((await store.list({ limit: 1 })).map((r) => r.id)).toEqual([b]);
  });

  it("hashes specs independently of key order", () => {
    const h = specHash({ a: 1, b: { c: [1, 2], d: "x" } });
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(specHash({ b: { d: "x", c: [1, 2] }, a: 1 })).toBe(h);
    expect(specHash({ a: 1, b: { c: [2, 1], d: "x" } })).not.toBe(h);
  });

  it("marks running rows of dead processes, or older than a given age, as interrupted", async () => {
    const store = await RunStore.open(db);
    const [dead, old, live] = [await begun(store), await begun(store), await begun(store)];
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    await c.run(`UPDATE runs SET pid = ${deadPid} WHERE id = '${dead}'`);
    await c.run(`UPDATE runs SET started_at = now() - INTERVAL 2 HOUR WHERE id = '${old}'`);
    c.closeSync();
    instance.closeSync();
    expect(await store.markStale()).toEqual([dead]);
    expect((await store.summary(dead))?.message).toMatch(new RegExp(`process ${deadPid} .* ended`));
    expect(await store.markStale({ olderThanMs: 3600e3 })).toEqual([old]);
    expect((await store.summary(live))?.status).toBe("running");
  });

  it("persists across close and reopen, and refuses use after close", async () => {
    const store = await RunStore.open(db);
    const id = await begun(store);
    await store.finish(id, syntheticRecord(5));
    await store.close();
    await expect(store.list()).rejects.toThrow(/closed/);
    const again = await RunStore.open(db);
    expect(await again.get(id)).toEqual(syntheticRecord(5));
    expect(await again.seriesTable(id)).toHaveLength(15);
  });
});

describe("RunStore across processes", () => {
  it("survives SIGKILL in the middle of finish: the run is interrupted, the database usable", async () => {
    const setup = await RunStore.open(db);
    await setup.close();
    const { proc, lines } = await child(`
      const store = await RunStore.open(${JSON.stringify(db)});
      const t = Array.from({ length: 100000 }, (_, i) => i);
      const values = { a: t, b: t, c: t, d: t, e: t };
      const id = await store.begin({}, { commit: null, node: "", platform: "", startedAt: "" }, "crash");
      console.log(id);
      console.log("finishing");
      await store.finish(id, { sgdlab: "0.1.0", status: "ok", messages: [], series: [{ source: "s", t, values }],
        scalars: { x: 1 }, tables: {}, distributions: {}, agreement: {}, timing: {} } as never);
      console.log("finished");`);
    await waitFor(lines, "finishing");
    await new Promise((r) => setTimeout(r, 150));
    proc.kill("SIGKILL");
    await once(proc, "exit");
    expect(lines).not.toContain("finished");
    const store = await RunStore.open(db);
    const run = await store.summary(lines[0]);
    expect(run).toMatchObject({ status: "interrupted", finishedAt: null, scalars: {} });
    expect(await store.seriesTable(lines[0])).toEqual([]);
    const id = await begun(store);
    await store.finish(id, syntheticRecord(4));
    expect((await store.list()).map((r) => r.status)).toEqual(["ok", "interrupted"]);
  });

  it("waits for a lock held briefly by another process, and names the file when it is held too long", async () => {
    await (await RunStore.open(db)).close();
    const holder = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { DuckDBInstance } from "@duckdb/node-api";
        const i = await DuckDBInstance.create(${JSON.stringify(db)}); console.log("held");
        setTimeout(() => { i.closeSync(); console.log("released"); }, 1500);`,
      ],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    const lines: string[] = [];
    holder.stdout.setEncoding("utf8").on("data", (d: string) => lines.push(...d.split("\n").filter(Boolean)));
    await waitFor(lines, "held");
    const locked = await RunStore.open(db, { lockTimeoutMs: 200 }).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(StoreLockedError);
    expect((locked as StoreLockedError).holderPid).toBe(holder.pid);
    expect((locked as Error).message).toContain(db);
    expect((locked as Error).message).toContain("--db");
    const store = await RunStore.open(db, { lockTimeoutMs: 20_000 });
    expect(lines).toContain("released");
    expect(await store.list()).toEqual([]);
    await once(holder, "exit");
  });

  it("lets two processes record runs into one database at the same time", async () => {
    await (await RunStore.open(db)).close();
    const body = `
      const store = await RunStore.open(${JSON.stringify(db)}, { lockTimeoutMs: 30000 });
      for (let k = 0; k < 5; k++) {
        const id = await store.begin({ k }, { commit: null, node: "", platform: "", startedAt: "" }, "two");
        await store.finish(id, { sgdlab: "0.1.0", status: "ok", messages: [], series: [], scalars: { k },
          tables: {}, distributions: {}, agreement: {}, timing: {} } as never);
      }
      console.log("done");`;
    const children = await Promise.all([child(body), child(body)]);
    const codes = await Promise.all(children.map(({ proc }) => once(proc, "exit")));
    expect(codes.map(([code]) => code)).toEqual([0, 0]);
    const runs = await (await RunStore.open(db)).list({ experiment: "two" });
    expect(runs).toHaveLength(10);
    expect(runs.every((r) => r.status === "ok")).toBe(true);
  });
});
