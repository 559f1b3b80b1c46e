import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localEngine } from "../../src/node/sweep/local-engine.js";
import { runSweep } from "../../src/node/sweep/run-sweep.js";
import { sweepTable } from "../../src/sweep/document.js";
import { planOf, spikedSweep, tempDir } from "./fixtures.js";

const tmp = tempDir("sgdlab-sweep-local-");
afterAll(tmp.remove);

async function sweep(input: unknown, db: string, workers: number) {
  const engine = localEngine(workers);
  try {
    return await runSweep(planOf(input), { db: join(tmp.dir, db), engine });
  } finally {
    await engine.close();
  }
}

describe("local engine", () => {
  it("a 45-point theory-only sweep: every point ok, the ODE's final m is 0 below lambdaC = cDelta and not above", async () => {
    const doc = await sweep(spikedSweep({ simulation: "none", horizon: 10 }), "theory.duckdb", 1);
    expect(doc.counts).toEqual({ points: 45, run: 45, cached: 0, failed: 0 });
    for (const p of doc.points) {
      const [snr, cDelta] = [p.params["model.snr"] as number, p.params["optimizer.cDelta"] as number];
      const m = p.final.ode.m.mean as number;
      // science/01 §2, k = 2: m' = 4 m (snr - R2), R2 = m^2 + rPerp2 -> cDelta. Below lambdaC = cDelta, m
      // decays at rate 4 (cDelta - snr) >= 0.4 outside the critical band |snr - cDelta| <= 0.1 (skipped),
      // so m(10) <= 0.3 e^{-4} ≈ 0.0055 < 0.01. Above, m -> m* = sqrt(snr - cDelta) (the closed form, the
      // point's scalar mStar) at a rate >= 8 (snr - cDelta) >= 0.8, so within 0.05 (toBeCloseTo, 1 digit).
      if (Math.abs(snr - cDelta) <= 0.1) continue;
      if (snr < cDelta) expect(m).toBeLessThan(0.01);
      else expect(m).toBeCloseTo(Math.sqrt(snr - cDelta), 1);
      if (snr > cDelta) expect(p.scalars.mStar).toBeCloseTo(Math.sqrt(snr - cDelta), 12);
    }
  });

  it("a 45-point simulation sweep gives the same table on 1 and 2 workers; a re-run is all cached", async () => {
    const one = await sweep(spikedSweep(), "one.duckdb", 1);
    const two = await sweep(spikedSweep(), "two.duckdb", 2);
    expect(two.counts).toEqual({ points: 45, run: 45, cached: 0, failed: 0 });
    expect(sweepTable(two)).toEqual(sweepTable(one));
    expect(one.points[20].final.simulation.m.stderr).toBeGreaterThan(0);
    const again = await sweep(spikedSweep(), "two.duckdb", 2);
    expect(again.counts).toEqual({ points: 45, run: 0, cached: 45, failed: 0 });
    expect(sweepTable(again)).toEqual(sweepTable(two));
    expect(again.points.map((p) => p.runId)).toEqual(two.points.map((p) => p.runId));
  });

  it("overlapping sweeps share points: a sweep over a sub-grid computes nothing new", async () => {
    const first = await sweep(spikedSweep({}, "full"), "overlap.duckdb", 1);
    const sub = { ...spikedSweep({}, "sub"), grid: { "model.snr": [0.4, 1.2], "optimizer.cDelta": [0.5] } };
    const doc = await sweep(sub, "overlap.duckdb", 1);
    expect(doc.counts).toEqual({ points: 2, run: 0, cached: 2, failed: 0 });
    const same = first.points.find(
      (p) => p.params["model.snr"] === 1.2 && p.params["optimizer.cDelta"] === 0.5,
    );
    expect(doc.points[1].key).toBe(same?.key);
  });
});
