import { describe, expect, it } from "vitest";
import { runExperiment, validateSpec } from "../../../src/catalogue/index.js";
import { SpecError } from "../../../src/core/errors.js";
import { normalCdf } from "../../../src/core/stats.js";
import { cAlpha } from "../../../src/models/gmm-two-layer/limits.js";
import { workerPool } from "../../../src/node/pool.js";

const binaryModel = { name: "gmm-two-layer", task: "binary", K: 2, N: 250, snr: 100, ridge: 0.1 };

describe("gmm-two-layer experiment: acceptance (issue 7)", () => {
  it("the finite-snr ODE with corrector tracks a full simulation at N = 2000 over t in [0, 20]", async () => {
    const record = await runExperiment({
      model: { ...binaryModel, N: 2000 },
      init: {
        v: [0.8, -0.6],
        mMu: [0.2, -0.1],
        RPerp: [
          [0.5, 0.1],
          [0.1, 0.4],
        ],
      },
      horizon: 20,
      points: 21,
      runs: 8,
      simulation: "full",
      testSamples: 10,
      theory: ["ode", "ode-infinite-snr"],
    });
    expect(record.status, record.messages.join("; ")).toBe("ok");
    // Tolerances are derived in tolerance.ts: Student-t × stderr + B/N + quadrature error for the mean, and a
    // 4-sigma prediction interval from the runs' spread for the tracked run.
    const stats = ["v_1", "v_2", "mMu_1", "mMu_2", "RPerp_1_1", "RPerp_1_2", "RPerp_2_2"];
    for (const s of stats) expect(record.agreement[s]?.ode?.pass, `${s} mean vs ode`).toBe(true);
    for (const s of stats)
      expect(record.agreement[s]["ode-track"].pass, `${s} tracked run vs ode`).toBe(true);
    // Not vacuous: v and mMu travel by 0.35–1.0 over [0, 20]; the tracked-run tolerance (8 runs: Student-t 8.5 × sd) is below a fifth of that, the mean's below 5%
    // (an ODE off by that much fails). bias.test.ts separately rejects the ODE without corrector.
    const ode = record.series.find((s) => s.source === "ode")!;
    stats.slice(0, 4).forEach((s) => {
      const path = ode.values[s];
      const range = Math.max(...path) - Math.min(...path);
      expect(record.agreement[s]["ode-track"].tolerance, s).toBeLessThan(0.2 * range);
      expect(record.agreement[s].ode.tolerance, s).toBeLessThan(0.05 * range);
    });
  });

  it("binary, N = 250, snr 100, ridge 0.1, T = 100, 200 runs: success ~ 1/2, successes at |m| = |v| = sqrt(C_alpha)", async () => {
    const record = await runExperiment({
      model: binaryModel,
      horizon: 100,
      points: 2,
      runs: 200,
      simulation: "dimension-free",
      testSamples: 10,
      theory: ["ode-infinite-snr", "success-probability"],
    });
    expect(record.status).toBe("ok");
    const f = record.scalars.successFraction;
    // Within 3 binomial standard errors of 1/2 (issue 7), with the theory's sd sqrt(1/4 / 200) = 0.035.
    expect(Math.abs(f - 0.5)).toBeLessThan(3 * Math.sqrt(0.25 / 200));
    expect(record.agreement.successFraction["success-probability"].pass).toBe(true);
    const end = record.tables.endpoints;
    const c = Math.sqrt(cAlpha("binary", 0.1));
    const devs: number[] = [];
    end.success.forEach((s, r) => {
      if (s === 1)
        for (const k of ["v_1", "v_2", "mMu_1", "mMu_2"]) devs.push(Math.abs(Number(end[k][r])) - c);
    });
    const mean = devs.reduce((a, b) => a + b, 0) / devs.length;
    const sd = Math.sqrt(devs.reduce((a, b) => a + (b - mean) ** 2, 0) / (devs.length - 1));
    // The snr = 100 fixed point is 0.0035 below sqrt(C_alpha) (finite-snr ODE: 1.1739 vs 1.1774) and one
    // run fluctuates around it on the diffusive scale, sd ≈ 0.009 at N = 250 (O(N^{-1/2})). So the mean is
    // within 0.02 (issue 7), but "every run within 0.02" cannot hold at N = 250 (0.02 is about 2 sd): the
    // fraction within 0.02 is the Gaussian one, Phi((0.02 - mean)/sd) - Phi((-0.02 - mean)/sd), up to 4
    // binomial standard errors (counting one independent value per successful run, conservatively).
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(sd).toBeLessThan(0.02);
    const inside = devs.filter((d) => Math.abs(d) < 0.02).length / devs.length;
    const expected = normalCdf((0.02 - mean) / sd) - normalCdf((-0.02 - mean) / sd);
    const runs = devs.length / 4;
    expect(Math.abs(inside - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / runs));
  });

  it("XOR K = 4 and 8, N = 250, snr 1000, ridge 0.1, T = 100, 200 runs each: within 3 binomial SE of P_K", async () => {
    // One plain run per width (the width sweep is a sweep over model.K: sgdlab reproduce xor-width).
    for (const K of [4, 8]) {
      const record = await runExperiment({
        model: { name: "gmm-two-layer", task: "xor", K, N: 250, snr: 1000, ridge: 0.1 },
        horizon: 100,
        points: 2,
        runs: 200,
        simulation: "dimension-free",
        testSamples: 10,
        theory: ["success-probability"],
      });
      const P = record.scalars.successProbability;
      if (K === 4) expect(P).toBeCloseTo(3 / 32, 14);
      // Issue 7: within 3 binomial standard errors, with the theory's sd sqrt(P (1 - P) / runs).
      expect(Math.abs(record.scalars.successFraction - P), `K = ${K}`).toBeLessThanOrEqual(
        3 * Math.sqrt((P * (1 - P)) / 200),
      );
      expect(record.agreement.successFraction["success-probability"].pass).toBe(true);
    }
  });
});

describe("gmm-two-layer spec validation: SpecError naming the field", () => {
  const base = { model: { ...binaryModel } };
  it.each([
    [{ task: "ternary" }, "model.task"],
    [{ K: 0 }, "model.K"],
    [{ snr: 0 }, "model.snr"],
    [{ snr: -1 }, "model.snr"],
    [{ ridge: 0.25 }, "model.ridge"],
    [{ task: "xor", ridge: 0.125 }, "model.ridge"],
    [{ N: 4 }, "model.N"],
  ])("model %j -> %s", (patch, field) => {
    let error: unknown;
    try {
      validateSpec({ ...base, model: { ...base.model, ...patch } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).field).toBe(field);
  });

  it("the ridge message says that only the trivial fixed point remains", () => {
    expect(() => validateSpec({ model: { ...binaryModel, task: "xor", ridge: 0.2 } })).toThrow(
      /trivial fixed point/,
    );
  });

  it.each([
    [
      {
        init: {
          v: [1],
          mMu: [0, 0],
          RPerp: [
            [1, 0],
            [0, 1],
          ],
        },
      },
      "init.v",
    ],
    [
      {
        init: {
          v: [1, 1],
          mMu: [0, 0],
          RPerp: [
            [1, 2],
            [2, 1],
          ],
        },
      },
      "init.RPerp",
    ],
    [
      {
        init: {
          v: [1, 1],
          mMu: [0, 0],
          mNu: [0, 0],
          RPerp: [
            [1, 0],
            [0, 1],
          ],
        },
      },
      "init.mNu",
    ],
    [{ track: 8, runs: 8 }, "track"],
    [{ analysis: "width-sweep" }, "analysis"],
  ])("%j -> %s", (patch, field) => {
    expect(() => validateSpec({ ...base, ...patch })).toThrow(SpecError);
    try {
      validateSpec({ ...base, ...patch });
    } catch (e) {
      expect((e as SpecError).field).toBe(field);
    }
  });
});

describe("gmm-two-layer experiment: determinism and failure", () => {
  const small = {
    model: { name: "gmm-two-layer", task: "xor", K: 3, N: 40, snr: 50, ridge: 0.1 },
    horizon: 3,
    points: 4,
    runs: 5,
    testSamples: 20,
  };

  it("gives the same record with 1 and 2 worker threads", async () => {
    const records = [];
    for (const workers of [1, 2]) {
      const pool = workerPool(workers);
      records.push(await runExperiment(small, { executor: pool.executor }));
      await pool.close();
    }
    expect(records[1].series).toEqual(records[0].series);
    expect(records[1].tables).toEqual(records[0].tables);
  });

  it("a huge step diverges: status 'diverged', and the record has no NaN or Infinity", async () => {
    // lr = cDelta/N = 100: the ridge factor 1 - lr ridge = -9 makes |W| grow like 9^steps, past the
    // divergence bound 1e100 on |x|² within the 120 steps of t = 12000 (no theory: only the record matters).
    const record = await runExperiment({
      ...small,
      horizon: 12000,
      theory: ["success-probability"],
      optimizer: { name: "sgd", cDelta: 4000 },
    });
    expect(record.status).toBe("diverged");
    expect(record.scalars.failedRuns).toBe(5);
    const text = JSON.stringify(record, (_k, v) =>
      typeof v === "number" && !Number.isFinite(v) ? "BAD" : v,
    );
    expect(text).not.toContain("BAD");
  });
});
