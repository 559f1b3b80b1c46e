import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { figures, runExperiment } from "../../../src/catalogue/index.js";
import { workerPool } from "../../../src/node/pool.js";
import { badField } from "../../spec-errors.js";

const rc = { name: "random-curvature", sigma: 0.5 };
/** The T2 problem of science/05 §2 (2-D, non-commuting Hessians), as the smf-weak-order figure runs it. */
const t2 = figures["smf-weak-order"].panels[1].spec.model as {
  name: string;
  A: number[][][];
  b: number[][];
  x0: number[];
};

describe("modified-flows specs: bad input names the field", () => {
  it.each([
    ["empty lr list", { model: rc, lr: [] }, "lr"],
    ["non-positive lr", { model: rc, lr: [0.1, -0.05] }, "lr[1]"],
    ["zero lr", { model: rc, lr: 0 }, "lr"],
    ["A_i not d x d", { model: { ...t2, A: [t2.A[0], [[1, 0]]] } }, "model.A[1]"],
    ["b count differs from A", { model: { ...t2, b: [[1, 0]] } }, "model.b"],
    [
      "b_i of the wrong length",
      {
        model: {
          ...t2,
          b: [
            [1, 0, 0],
            [0, 1],
          ],
        },
      },
      "model.b[0]",
    ],
    ["x0 length differs from A", { model: { ...t2, x0: [1, 1, 1] } }, "model.x0"],
    [
      "non-symmetric A",
      {
        model: {
          ...t2,
          A: [
            [
              [2, 0.5],
              [0.4, 0.5],
            ],
            t2.A[1],
          ],
        },
      },
      "model.A[0]",
    ],
    ["list of lr for trajectories", { model: rc, analysis: "trajectories", lr: [0.1, 0.05] }, "lr"],
    ["lr not dividing the horizon", { model: rc, lr: [0.3] }, "lr[0]"],
    [
      "two-point-invariant on a 2-D model",
      { model: t2, analysis: "two-point-invariant", lr: 0.125 },
      "analysis",
    ],
  ])("%s", (_, spec, field) => {
    expect(badField(spec)).toBe(field);
  });

  const dir = mkdtempSync(join(tmpdir(), "sgdlab-flows-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the CLI exits with 2 and a message naming the field", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        model: {
          ...t2,
          A: [
            [
              [2, 1],
              [0, 1],
            ],
            t2.A[1],
          ],
        },
      }),
    );
    const root = new URL("../../..", import.meta.url).pathname;
    const run = promisify(execFile)(
      process.execPath,
      ["--import", import.meta.resolve("tsx"), join(root, "cli/main.ts"), "run", file, "--json"],
      {
        cwd: dir,
      },
    );
    const failure = (await run.then(
      () => ({ code: 0, stderr: "" }),
      (e) => e,
    )) as { code: number; stderr: string };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain("model.A[0]");
    expect(failure.stderr).toContain("symmetric");
  });
});

describe("modified-flows records", () => {
  it("issue case 1: table columns and slope scalars (random curvature, two-point)", async () => {
    const r = await runExperiment({
      model: rc,
      analysis: "weak-order",
      lr: [0.03125, 0.015625, 0.0078125, 0.00390625],
      horizon: 1,
      observable: "two-point",
    });
    expect(r.status).toBe("ok");
    expect(Object.keys(r.tables.weakOrder).sort()).toEqual([
      "gf",
      "lr",
      "sgd",
      "sme1",
      "sme2",
      "smeShared",
      "smf",
    ]);
    // science/05 §2: SMF slope in [1.9, 2.1], the others in [0.9, 1.1].
    expect(r.scalars["slope.smf"]).toBeGreaterThan(1.9);
    for (const m of ["gf", "sme1", "sme2", "smeShared"])
      expect(Math.abs(r.scalars[`slope.${m}`] - 1)).toBeLessThan(0.1);
  });

  it("two-point invariant: SMF keeps X(1) + X(-1) = 0 exactly, SME's E(X(1)+X(-1))^2 matches its closed form", async () => {
    const lr = 0.0625;
    const r = await runExperiment({ model: rc, analysis: "two-point-invariant", lr, paths: 400, points: 5 });
    expect(r.status).toBe("ok");
    // The Euler–Maruyama step is odd in x for b = 0, so the sum is 0 to the last bit.
    expect(r.scalars["smf.maxAbsSum"]).toBe(0);
    // science/05 T1b: 2 e^{2aT}(e^{2 lr sigma^2 T} - 1), a = -(1 + lr/2) - lr sigma^2/2.
    const a = -(1 + lr / 2) - (lr * 0.25) / 2;
    const closed = 2 * Math.exp(2 * a) * (Math.exp(2 * lr * 0.25) - 1);
    expect(Math.abs(r.scalars["smeShared.meanSquareSumTheory"] - closed)).toBeLessThan(1e-12);
    // Monte Carlo against the theory: tolerance t(400) se + the exact Euler–Maruyama bias (agreementOf).
    expect(r.agreement.smeSharedSumSquare["sme-shared-exact"].pass).toBe(true);
    // ...and the sum is visibly non-zero for SME (many standard errors away from 0).
    expect(r.scalars["smeShared.meanSquareSum"]).toBeGreaterThan(
      10 * r.scalars["smeShared.meanSquareSumStderr"],
    );
  });

  it("the same record on 1 and 2 worker threads (path i uses stream i of the seed)", async () => {
    const spec = {
      model: { name: "least-squares", d: 3, n: 6, seed: 2 },
      analysis: "trajectories",
      lr: 0.1,
      paths: 6,
      points: 3,
    };
    const records = [];
    for (const workers of [1, 2]) {
      const pool = workerPool(workers);
      records.push(await runExperiment(spec, { executor: pool.executor }));
      await pool.close();
    }
    expect(records[1].series).toEqual(records[0].series);
  });

  it("exploding paths are counted (status diverged, failedRuns), and the record has no NaN", async () => {
    const r = await runExperiment({
      model: { name: "least-squares", d: 5, n: 20, seed: 3 },
      analysis: "trajectories",
      lr: 1,
      horizon: 400,
      paths: 4,
      substeps: 1,
      points: 6,
    });
    expect(r.status).toBe("diverged");
    // lr |a_i|^2 ~ 5 > 2: every SGD path blows up (|x|^2 passes 1e100 within 400 steps).
    expect(r.scalars["sgd.failedRuns"]).toBe(4);
    expect(r.messages.join(" ")).toContain("4 of 4 paths exploded");
    // JSON turns NaN and infinities into null: the numeric parts must have none.
    const json = JSON.stringify([r.series, r.scalars, r.tables, r.agreement]);
    expect(json).not.toMatch(/NaN|null/);
  });

  it("weak-order rows whose moments overflow are dropped with a message, never NaN", async () => {
    // sigma = 3, lr = 1: E x^2 grows by (1 - lr)^2 + lr^2 sigma^2 = 9 per step: 9^2000 overflows.
    const r = await runExperiment({ model: { ...rc, sigma: 3 }, lr: [1, 0.5, 0.25], horizon: 2000 });
    expect(r.status).toBe("diverged");
    expect(r.tables.weakOrder.lr).not.toContain(1);
    expect(JSON.stringify([r.series, r.scalars, r.tables])).not.toMatch(/NaN|null/);
  });
});
