import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
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
let store: RunStore; // on a fresh file in a temporary folder: opening creates folder, file and tables

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "sgdlab-store-"));
  db = join(dir, "nested", "runs.duckdb");
  store = await RunStore.open(db);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A record with `n` points in a simulation series (m and q, with stderr) and an ODE series (m). */
function syntheticRecord(n: number): ExperimentRecord {
  const t = Array.from({ length: n }, (_, i) => i / 8);
  const stderr = { m: t.map(() => 0.01), q: t.map(() => 0.02) };
  return {
    sgdlab: "0.1.0",
    provenance: { ...provenance, startedAt: "2025-01-02T03:04:05.000Z" },
    spec: { model: { k: 3 } },
    status: "ok",
    messages: ["synthetic"],
    series: [
      { source: "simulation", t, values: { m: t.map(Math.sin), q: t.map((x) => x * x) }, stderr, runs: 8 },
      { source: "ode", t, values: { m: t.map(Math.sin) } },
    ],
    scalars: { lambdaC: 0.5, success: 0.75 },
    tables: { phases: { r: [0.1, 0.2], phase: ["weak", "strong"] } },
    distributions: { v: { edges: [0, 1, 2], simulation: [0.4, 0.6], theory: [0.5, 0.5] } },
    agreement: { m: { ode: { maxAbs: 0.01, at: 1, tolerance: 0.03, pass: true, final: 0.002 } } },
    timing: { simulationSeconds: 1.5, theorySeconds: 0.01 },
  };
}

function begun(on: RunStore, experiment = "spiked-tensor"): Promise<string> {
  const started = { ...provenance, startedAt: new Date().toISOString() };
  return on.begin({ model: { k: 3 } }, started, experiment, "0.1.0");
}

/** Run SQL on the file directly, bypassing the store (which holds no lock between operations). */
async function raw(sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(db);
  const c = await instance.connect();
  const rows = (await c.runAndReadAll(sql)).getRowsJS();
  c.closeSync();
  instance.closeSync();
  return rows;
}

/** A child `node` process in the repository root; `lines` collects its stdout as it arrives. */
function spawnNode(args: string[]) {
  const proc = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const lines: string[] = [];
  proc.stdout?.setEncoding("utf8").on("data", (d: string) => lines.push(...d.split("\n").filter(Boolean)));
  return { proc, lines, exited: once(proc, "exit") };
}

/** Number of child scripts written so far (their file names). */
let children = 0;

/** Run TypeScript `body` in a child process (via tsx), with `RunStore` and `prov` in scope. */
async function child(body: string): Promise<ReturnType<typeof spawnNode>> {
  children += 1;
  const file = join(dir, `child-${children}.mts`);
  const prelude = `import { RunStore } from ${JSON.stringify(storeUrl)};
    const prov = { commit: null, node: "", platform: "", startedAt: "" };
    const empty = { sgdlab: "0.1.0", provenance: prov, spec: {}, status: "ok" as const, messages: [],
      tables: {}, distributions: {}, agreement: {}, timing: {} };`;
  await writeFile(file, `${prelude}\n${body}`);
  return spawnNode(["--import", "tsx", file]);
}

async function waitFor(child: ReturnType<typeof spawnNode>, line: string): Promise<void> {
  while (!child.lines.includes(line)) {
    if (child.proc.exitCode !== null) throw new Error(`child exited before printing ${line}`);
    await sleep(10);
  }
}

describe("RunStore", () => {
  it("lists a begun run as running, unfinished, with no record", async () => {
    const id = await begun(store);
    const [run] = await store.list();
    expect(run).toMatchObject({ id, status: "running", finishedAt: null, seconds: null, scalars: {} });
    expect(run.specHash).toBe(specHash({ model: { k: 3 } }));
    expect(await store.get(id)).toBeNull();
  });

  it("finishes: get returns the record, seriesTable every point, list the scalars", async () => {
    const id = await begun(store);
    const record = syntheticRecord(1000);
    await store.finish(id, record);
    expect(await store.get(id)).toEqual(record);
    const rows = await store.seriesTable(id);
    expect(rows).toHaveLength(3000);
    const sim = rows.filter((r) => r.source === "simulation" && r.statistic === "m");
    const { t, values } = record.series[0];
    expect(sim.map((r) => [r.t, r.value, r.stderr])).toEqual(t.map((x, i) => [x, values.m[i], 0.01]));
    expect(rows.filter((r) => r.source === "ode").every((r) => r.stderr === null)).toBe(true);
    const [run] = await store.list();
    expect(run).toMatchObject({ id, status: "ok", scalars: { lambdaC: 0.5, success: 0.75 } });
    expect(run.seconds).toBeGreaterThanOrEqual(0);
    await expect(store.finish(id, record)).rejects.toThrow(/already finished/);
    await expect(store.finish("nope", record)).rejects.toThrow(/No run nope/);
  });

  it("keeps NaN and infinities in the tables and writes null in the record JSON", async () => {
    const id = await begun(store);
    const record = syntheticRecord(3);
    record.series[1].values.m[1] = Number.NaN;
    record.scalars.threshold = Number.POSITIVE_INFINITY;
    await store.finish(id, record);
    expect((await store.seriesTable(id)).filter((r) => r.source === "ode")[1].value).toBeNaN();
    expect((await store.list())[0].scalars.threshold).toBe(Number.POSITIVE_INFINITY);
    const back = await store.get(id);
    expect([back?.series[1].values.m[1], back?.scalars.threshold]).toEqual([null, null]);
  });

  it("finishes in one transaction: a failure half-way leaves the run running and no rows", async () => {
    const id = await begun(store);
    const bad = syntheticRecord(10);
    (bad.series[1] as { values: unknown }).values = null;
    await expect(store.finish(id, bad)).rejects.toThrow();
    expect(await store.summary(id)).toMatchObject({ status: "running", finishedAt: null, scalars: {} });
    expect(await store.seriesTable(id)).toEqual([]);
  });

  it("aborts only running runs, never as ok", async () => {
    const [a, b] = [await begun(store), await begun(store)];
    expect(await store.abort(a, "interrupted", "SIGINT")).toBe(true);
    const aborted = await store.summary(a);
    expect([aborted?.status, aborted?.message, aborted?.finishedAt]).toEqual(["interrupted", "SIGINT", null]);
    expect(await store.abort(a, "failed", "again")).toBe(false);
    await store.finish(b, syntheticRecord(2));
    expect(await store.abort(b, "failed", "late")).toBe(false);
    expect((await store.summary(b))?.status).toBe("ok");
    await expect(store.abort(a, "ok" as "failed", "x")).rejects.toThrow(/interrupted/);
  });

  it("finds runs by unique prefix, rejects ambiguous ones, returns null for unknown ids", async () => {
    const [a, b] = [await begun(store), await begun(store, "other")];
    let common = 0;
    while (a[common] === b[common]) common++;
    await store.finish(a, syntheticRecord(2));
    expect((await store.get(a.slice(0, common + 1)))?.status).toBe("ok");
    expect((await store.summary(b.slice(0, common + 1)))?.id).toBe(b);
    await expect(store.get(a.slice(0, common))).rejects.toThrow(AmbiguousRunIdError);
    expect(await store.get("")).toBeNull();
    expect([await store.get("zzzzzzzz"), await store.seriesTable("zzzzzzzz")]).toEqual([null, []]);
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
    const [dead, old, live] = [await begun(store), await begun(store), await begun(store)];
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    await raw(`UPDATE runs SET pid = ${deadPid} WHERE id = '${dead}'`);
    await raw(`UPDATE runs SET started_at = now() - INTERVAL 2 HOUR WHERE id = '${old}'`);
    expect(await store.markStale()).toEqual([dead]);
    expect((await store.summary(dead))?.message).toMatch(new RegExp(`process ${deadPid} .* ended`));
    expect(await store.markStale({ olderThanMs: 3600e3 })).toEqual([old]);
    expect((await store.summary(live))?.status).toBe("running");
  });

  it("persists, serialises concurrent calls, refuses use after close and newer schemas", async () => {
    const twin = await RunStore.open(db);
    const ids = await Promise.all([begun(store), begun(twin), begun(store), begun(twin)]);
    await Promise.all(ids.map((id, k) => (k % 2 ? twin : store).finish(id, syntheticRecord(5))));
    await store.close();
    await expect(store.list()).rejects.toThrow(/closed/);
    const again = await RunStore.open(db);
    expect(await again.get(ids[0])).toEqual(syntheticRecord(5));
    expect(await again.seriesTable(ids[3])).toHaveLength(15);
    expect(new Set((await again.list()).map((r) => r.id))).toEqual(new Set(ids));
    await raw("INSERT INTO schema_version VALUES (99, now())");
    await expect(RunStore.open(db)).rejects.toThrow(/schema version 99.*--db/);
  });
});

describe("RunStore across processes", () => {
  it("survives SIGKILL during finish: the row stays running, then is marked interrupted", async () => {
    const killed = await child(`
      const store = await RunStore.open(${JSON.stringify(db)});
      const t = Array.from({ length: 100000 }, (_, i) => i);
      const values = { a: t, b: t, c: t, d: t, e: t }; // 5 * 10^5 points: finish takes ~0.8 s
      const id = await store.begin({}, prov, "crash");
      console.log(id); console.log("finishing");
      await store.finish(id, { ...empty, series: [{ source: "s", t, values }], scalars: { x: 1 } });
      console.log("finished");`);
    await waitFor(killed, "finishing");
    await sleep(150); // well inside finish's ~0.8 s
    killed.proc.kill("SIGKILL");
    await killed.exited;
    expect(killed.lines).not.toContain("finished");
    const id = killed.lines[0];
    expect(await raw(`SELECT status, finished_at FROM runs WHERE id = '${id}'`)).toEqual([["running", null]]);
    expect(await raw("SELECT count(*)::INTEGER FROM series")).toEqual([[0]]);
    const after = await RunStore.open(db);
    expect(await after.summary(id)).toMatchObject({ status: "interrupted", finishedAt: null, scalars: {} });
    await after.finish(await begun(after), syntheticRecord(4));
    expect((await after.list()).map((r) => r.status)).toEqual(["ok", "interrupted"]);
  });

  it("retries while another process holds the file, and names it when held too long", async () => {
    const hold = `import { DuckDBInstance } from "@duckdb/node-api";
      const i = await DuckDBInstance.create(${JSON.stringify(db)}); console.log("held");
      setTimeout(() => i.closeSync(), 1500);`;
    const holder = spawnNode(["--input-type=module", "-e", hold]);
    await waitFor(holder, "held");
    const locked = await RunStore.open(db, { lockTimeoutMs: 200 }).catch((e: unknown) => e);
    const message = (locked as StoreLockedError).message;
    expect(locked).toBeInstanceOf(StoreLockedError);
    expect(message).toContain(`${db} is in use by another sgdlab process`);
    expect(message).toMatch(new RegExp(`--db .*held by PID ${holder.proc.pid}`));
    const patient = await RunStore.open(db, { lockTimeoutMs: 20_000 });
    expect(await patient.list()).toEqual([]);
    await holder.exited;
  });

  it("lets two processes record runs into one database at the same time", async () => {
    const body = `
      const store = await RunStore.open(${JSON.stringify(db)}, { lockTimeoutMs: 30000 });
      for (let k = 0; k < 5; k++) {
        const id = await store.begin({ k }, prov, "two");
        await store.finish(id, { ...empty, series: [], scalars: { k } });
      }`;
    const children = await Promise.all([child(body), child(body)]);
    expect((await Promise.all(children.map((c) => c.exited))).map(([code]) => code)).toEqual([0, 0]);
    const runs = await store.list({ experiment: "two" });
    expect(runs.map((r) => r.status)).toEqual(Array(10).fill("ok"));
  });
});
