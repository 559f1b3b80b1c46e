import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { successTolerance } from "../../src/models/gmm-two-layer/tolerance.js";
import { localEngine } from "../../src/node/sweep/local-engine.js";
import { runSweep } from "../../src/node/sweep/run-sweep.js";
import { sweepFigures } from "../../src/node/sweep/sweep-figures.js";
import type { SweepDocumentPoint } from "../../src/sweep/document.js";
import { planOf, tempDir } from "./fixtures.js";

const dir = new URL("../../examples/sweeps", import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
const tmp = tempDir("sgdlab-sweep-examples-");
afterAll(tmp.remove);
const panels = Object.values(sweepFigures()).flatMap((f) => f.panels);

/** Physics checks per example family, against the point's own closed-form thresholds (its scalars). */
function check(name: string, p: SweepDocumentPoint): void {
  const lambdaC = p.scalars.lambdaC as number;
  const snr = p.params["model.snr"] as number;
  if (name.startsWith("bgj-phase") || name === "spiked-phase") {
    expect(p.status).toBe("ok");
    const source = name.endsWith("-sim") ? "simulation" : "ode";
    const m = p.final[source].m.mean as number;
    // Below the threshold m decays to 0 (ODE), or to its O(N^{-1/2}) fluctuation (simulation, N = 1000:
    // |mean m| <= 0.1 is > 3 standard deviations of sqrt(cDelta/N) over 4 runs). Skipped within 20% of it
    // (critical slowing down).
    if (snr < 0.8 * lambdaC) expect(Math.abs(m)).toBeLessThan(source === "ode" ? 0.05 : 0.1);
    // Far above it, from m0 above the unstable fixed point mDagger (k = 3), m has moved to the stable mStar.
    const mDagger = p.scalars.mDagger ?? 0;
    if (snr > 1.5 * lambdaC && mDagger < 0.4) expect(m).toBeGreaterThan(0.5 * (p.scalars.mStar as number));
  }
  if (name === "cubic-lyapunov") {
    const r = p.params.r as number;
    const lyapunov = p.tables.phases.lyapunov as number;
    // science/04 §2: on the monotonic and periodic branches (r below the Feigenbaum accumulation point
    // boundary.chaos ≈ 1.3023) the exponent is negative, reaching 0 only at the period doublings (r = 1,
    // sqrt5 - 1); 0.02 allows for the finite-orbit estimate there. Past the crisis (3 sqrt3/2 - 1 ≈ 1.598)
    // the merged attractor is chaotic: positive on the grid points beyond 1.65.
    if (r < (p.scalars["boundary.chaos"] as number) - 0.02) expect(lyapunov).toBeLessThan(0.02);
    if (r > 1.65) expect(lyapunov).toBeGreaterThan(0);
  }
  if (name.startsWith("xor-width")) {
    const P = p.scalars.successProbability as number;
    // science/01 §3: the success fraction of n random starts is binomial around P_K; within the record's
    // own tolerance, 4 binomial standard errors of the theory, 4 sqrt(P (1 - P) / n) (successTolerance).
    const n = 24;
    expect(Math.abs((p.scalars.successFraction as number) - P)).toBeLessThanOrEqual(successTolerance(P, n));
  }
  if (name.startsWith("dmft-stability")) {
    const lr = p.params["optimizer.lr"] as number;
    const lrCritical = p.scalars.lrCritical as number;
    // science/02 §5: SGD converges below lrCritical(b) and diverges above; 15% away from it the 60 steps
    // separate the two (q stays O(1) below, and grows geometrically or overflows above).
    if (lr < 0.85 * lrCritical) expect(p.status).toBe("ok");
    const q = Object.values(p.final)[0]?.q?.mean ?? Number.POSITIVE_INFINITY;
    if (lr > 1.15 * lrCritical) expect(p.status === "diverged" || (q as number) > 100).toBe(true);
  }
}

describe("example sweeps", () => {
  it("every shipped phase-diagram panel has its example file, equal to its definition", () => {
    for (const panel of panels) {
      const name = (panel as { name: string }).name;
      if (files.includes(`${name}.yaml`)) {
        expect(parse(readFileSync(join(dir, `${name}.yaml`), "utf8"))).toEqual(panel);
        continue;
      }
      // A long panel ships a smaller variant: the same experiment over the same axes, fewer runs.
      expect(files).toContain(`${name}-small.yaml`);
      const small = parse(readFileSync(join(dir, `${name}-small.yaml`), "utf8"));
      expect(Object.keys(small.grid)).toEqual(Object.keys((panel as { grid: object }).grid));
      expect(small.spec.model.name).toBe((panel as { spec: { model: { name: string } } }).spec.model.name);
      expect(small.figure).toEqual((panel as { figure: object }).figure);
    }
  });

  it.each(files)(
    "%s runs: no point failed, and the phases sit where the theory puts them",
    async (file) => {
      const plan = planOf(parse(readFileSync(join(dir, file), "utf8")));
      const engine = localEngine(2);
      const doc = await runSweep(plan, { db: join(tmp.dir, `${file}.duckdb`), engine }).finally(() =>
        engine.close(),
      );
      expect(doc.counts.failed).toBe(0);
      for (const p of doc.points) check(plan.name, p);
    },
    300_000,
  );
});
