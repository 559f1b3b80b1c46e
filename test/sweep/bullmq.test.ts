import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows, withDatabase } from "../../src/node/store-schema.js";
import { localEngine } from "../../src/node/sweep/local-engine.js";
import { PointStore } from "../../src/node/sweep/point-store.js";
import { runSweep } from "../../src/node/sweep/run-sweep.js";
import { type SweepDocument, sweepTable } from "../../src/sweep/document.js";
import { cliCommand, cliEnv, exited, sgdlab, startSgdlab, waitFor, writeInto } from "./cli-helpers.js";
import { planOf, spikedSweep, tempDir } from "./fixtures.js";
import { redisAvailable, startRedis } from "./redis-server.js";

const tmp = tempDir("sgdlab-sweep-bullmq-");
const available = redisAvailable();
if (!available && process.env.CI)
  throw new Error("redis-server is not installed: CI must run the BullMQ tests");
if (!available)
  console.warn("skipping the BullMQ tests: redis-server is not installed (apt-get install redis-server)");

// The 45-point dimension-free sweep at N = 2e4 (~0.1-0.3 s a point), so that a worker killed after a few
// points is in the middle of a job.
const sweep = spikedSweep({ model: { name: "spiked-tensor", k: 2, N: 20_000, snr: 1 } }, "bullmq45");
const file = writeInto(tmp.dir, "bullmq45.json", sweep);
let redis: Awaited<ReturnType<typeof startRedis>> | undefined;

beforeAll(async () => {
  if (available) redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
  tmp.remove();
});

const worker = (url: string) => startSgdlab(tmp.dir, "worker", "--redis", url, "--lock-ms", "2000");

/** `sweep FILE` arguments for the BullMQ engine on `url`, printing the document, storing into `db`. */
const bullmqArgs = (file: string, url: string, db: string) =>
  [file, "--executor", "bullmq", "--redis", url, "--json", "--quiet", "--db", db] as const;

describe.skipIf(!available)("BullMQ engine (a real redis-server on 127.0.0.1)", () => {
  it("two workers, one SIGKILLed mid-sweep: every point stored exactly once, the table equals the local engine's", async () => {
    const url = (redis as { url: string }).url;
    const db = join(tmp.dir, "bullmq.duckdb");
    const workers = [worker(url), worker(url)];
    const coordinator = startSgdlab(tmp.dir, "sweep", ...bullmqArgs(file, url, db));
    const keys = planOf(sweep).points.map((p) => p.key);
    const store = new PointStore(db);
    const stored = async () => (await store.finished(keys).catch(() => new Map())).size;
    expect(await waitFor(async () => (await stored()) >= 5, 180, 700), coordinator.output()).toBe(true);
    workers[0].child.kill("SIGKILL");
    expect(await exited(workers[0].child)).toBe("SIGKILL");
    const code = await exited(coordinator.child);
    workers[1].child.kill("SIGTERM");
    expect(code, coordinator.output()).toBe(0);
    const doc = JSON.parse(coordinator.output().slice(coordinator.output().indexOf("{"))) as SweepDocument;
    expect(doc.counts).toEqual({ points: 45, run: 45, cached: 0, failed: 0 });
    const counts = await withDatabase(db, 5000, (c) =>
      rows(
        c,
        "SELECT (SELECT count(*) FROM points) AS points, (SELECT count(DISTINCT key) FROM points) AS keys, (SELECT count(*) FROM runs) AS runs",
      ),
    );
    expect(counts[0]).toEqual({ points: 45n, keys: 45n, runs: 45n });
    const engine = localEngine(1);
    const local = await runSweep(planOf(sweep), { db: join(tmp.dir, "local.duckdb"), engine }).finally(() =>
      engine.close(),
    );
    expect(sweepTable(doc)).toEqual(sweepTable(local));
    await exited(workers[1].child);
  }, 400_000);

  it("a worker of another version refuses the job, and the coordinator reports the point failed with why", async () => {
    const url = (redis as { url: string }).url;
    const one = {
      ...sweep,
      name: "refused",
      grid: { "model.snr": [0.7] },
      figure: { x: "model.snr", y: "status" },
    };
    // The only worker runs another commit than the coordinator (SGDLAB_COMMIT differs).
    const other = spawn(cliCommand[0], [...cliCommand.slice(1), "worker", "--redis", url], {
      cwd: tmp.dir,
      env: { ...cliEnv(), SGDLAB_COMMIT: "another-commit" },
    });
    let log = "";
    other.stderr.on("data", (d) => (log += d));
    const r = await sgdlab(
      tmp.dir,
      "sweep",
      ...bullmqArgs(writeInto(tmp.dir, "one.json", one), url, join(tmp.dir, "refused.duckdb")),
    );
    other.kill("SIGTERM");
    await exited(other);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as SweepDocument;
    expect(doc.counts).toEqual({ points: 1, run: 1, cached: 0, failed: 1 });
    expect(doc.points[0].messages[0]).toMatch(
      /this worker runs sgdlab 0\.1\.0 \(commit another-commit\) but the job was queued by sgdlab 0\.1\.0 \(commit test\)/,
    );
    expect(log).toMatch(/refused job/);
  }, 200_000);
});
