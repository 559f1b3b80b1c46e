import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PointStore } from "../../src/node/sweep/point-store.js";
import { type SweepDocument, sweepTable } from "../../src/sweep/document.js";
import { exited, sgdlab, startSgdlab, waitFor, writeInto } from "./cli-helpers.js";
import { planOf, spikedSweep, tempDir } from "./fixtures.js";

const tmp = tempDir("sgdlab-sweep-interrupt-");
afterAll(tmp.remove);

// 30 points of 0.13 to 0.6 s each on one idle core (4 dimension-free runs of 3e5 to 1.2e6 steps at
// N = 1.5e5; measured), about 10 s in all, so that a signal lands while the sweep is running: the first
// stored points are seen after about 2 points, the write lag (up to 1 s) and one poll. (At N = 4e4 the
// whole sweep took about 4 s, and under load it sometimes finished before the poll saw 2 points.)
const sweep = {
  ...spikedSweep({ model: { name: "spiked-tensor", k: 2, N: 150_000, snr: 1 } }, "slow"),
  grid: {
    "model.snr": { from: 0.2, to: 1.6, num: 10 },
    "optimizer.cDelta": [0.25, 0.5, 1],
  },
};
const file = writeInto(tmp.dir, "slow.json", sweep);
// The keys the CLI computes (SGDLAB_COMMIT fixes its code version to testCode).
const keys = planOf(sweep).points.map((p) => p.key);
const run = (db: string) => sgdlab(tmp.dir, "sweep", file, "--json", "--quiet", "--workers", "1", "--db", db);

/**
 * Start a sweep, wait until at least 2 points are stored, send `signal`; returns how many were stored.
 * The store is polled every 0.7 s only: each look locks the file for ~0.1 s, and a tighter poll would
 * hold back the sweep's own writes.
 */
async function interrupt(
  db: string,
  signal: NodeJS.Signals,
): Promise<{ stored: number; exit: number | string; log: string }> {
  const { child, output } = startSgdlab(tmp.dir, "sweep", file, "--quiet", "--workers", "1", "--db", db);
  const store = new PointStore(db);
  const count = async () => (await store.finished(keys).catch(() => new Map())).size;
  const started = await waitFor(async () => (await count()) >= 2, 120, 700);
  expect(started, output()).toBe(true);
  child.kill(signal);
  const exit = await exited(child);
  return { stored: await count(), exit, log: output() };
}

describe("interrupt and resume", () => {
  it("SIGINT, then SIGKILL: the re-run reports the stored points as cached, computes the rest, equals a clean run", async () => {
    const clean = await run(join(tmp.dir, "clean.duckdb"));
    expect(clean.code, clean.stderr).toBe(0);
    const cleanDoc = JSON.parse(clean.stdout) as SweepDocument;
    for (const [signal, expectedExit] of [
      ["SIGINT", 130],
      ["SIGKILL", "SIGKILL"],
    ] as const) {
      const db = join(tmp.dir, `${signal}.duckdb`);
      const { stored, exit, log } = await interrupt(db, signal);
      expect(exit, log).toBe(expectedExit);
      // The signal must have landed mid-sweep for this test to mean anything.
      expect(stored, log).toBeGreaterThanOrEqual(2);
      expect(stored).toBeLessThan(keys.length);
      const resumed = await run(db);
      expect(resumed.code, resumed.stderr).toBe(0);
      const doc = JSON.parse(resumed.stdout) as SweepDocument;
      expect(doc.counts).toEqual({ points: 30, run: 30 - stored, cached: stored, failed: 0 });
      expect(sweepTable(doc)).toEqual(sweepTable(cleanDoc));
    }
  }, 400_000); // five sweeps of 30 points on a shared 2-core machine
});
