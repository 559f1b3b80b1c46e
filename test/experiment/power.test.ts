import { describe, expect, it } from "vitest";
import { studentTQuantile } from "../../src/core/student-t.js";
import { agreementOf } from "../../src/experiment/agreement.js";
import type { RecordBody } from "../../src/experiment/experiment.js";
import { judgeAgreement, powerFraction, statisticRange, verdictOf } from "../../src/experiment/power.js";
import type { Series } from "../../src/experiment/record.js";

/** A simulation of `runs` runs with mean `mean` and standard error `se` at every point of `t`. */
function simulation(t: number[], mean: number[], se: number, runs: number): Series {
  return { source: "simulation", t, values: { m: mean }, stderr: { m: mean.map(() => se) }, runs };
}

describe("statistical power of agreement checks", () => {
  it("verdicts: a failed check disagrees; a passing one agrees only if it resolves 10% of the range", () => {
    expect(powerFraction).toBe(0.1);
    expect(verdictOf(false, 0.01, 1)).toBe("disagrees");
    expect(verdictOf(true, 0.1, 1)).toBe("agrees");
    expect(verdictOf(true, 0.1000001, 1)).toBe("underpowered");
    expect(verdictOf(true, 0, 0)).toBe("underpowered");
  });

  it("agreementOf: the detectable gap at the worst point is tolerance + t(runs) se (closed form)", () => {
    const t = [0, 1, 2];
    const theory: Series = { source: "ode", t, values: { m: [0, 0.5, 1] } };
    const sim = simulation(t, [0, 0.52, 0.99], 0.01, 16);
    const entry = agreementOf(sim, theory, { bias: { m: [0, 0.001, 0.001] } }).m;
    // The 4-sigma Student-t multiplier of 16 runs: the quantile at 1 - (1 - Phi(4)) with 15 degrees of freedom.
    const z = studentTQuantile(1 - 3.167124183311992e-5, 15);
    // The largest gap, 0.02, is at t = 1: tolerance z se + bias + 1e-8 (accuracy of a theory value < 1).
    expect(entry.at).toBe(1);
    expect(entry.tolerance).toBeCloseTo(z * 0.01 + 0.001 + 1e-8, 15);
    expect(entry.detectable).toBeCloseTo(2 * z * 0.01 + 0.001 + 1e-8, 15);
  });

  it("judgeAgreement: range over every series; 2 × tolerance for a model's own check; unit range otherwise", () => {
    const t = [0, 1];
    const body: RecordBody = {
      status: "ok",
      messages: [],
      series: [
        { source: "simulation", t, values: { m: [0.2, 0.8] } },
        { source: "ode", t, values: { m: [0.1, 1.1] } },
      ],
      scalars: {},
      tables: { sweep: { K: [2, 4], successFraction: [0.5, 0.9] } },
      distributions: {},
      agreement: {
        m: { ode: { maxAbs: 0.01, at: 1, tolerance: 0.04, detectable: 0.09, pass: true, final: 0.01 } },
        successFraction: { p: { maxAbs: 0.01, at: 4, tolerance: 0.03, pass: true, final: 0 } },
        ergodicMean: { closed: { maxAbs: 0.01, at: 1, tolerance: 0.04, pass: true, final: 0 } },
      },
      timing: {},
    };
    expect(statisticRange(body, "m")).toBeCloseTo(1, 15); // 1.1 - 0.1 over both series
    const judged = judgeAgreement(body).agreement;
    expect(judged.m.ode).toMatchObject({ detectable: 0.09, verdict: "agrees" });
    // Table range 0.4: detectable 2 × 0.03 = 0.06 > 0.04.
    expect(judged.successFraction.p).toMatchObject({ detectable: 0.06, verdict: "underpowered" });
    // No series or column: the unit range; 0.08 <= 0.1.
    expect(judged.ergodicMean.closed).toMatchObject({ detectable: 0.08, verdict: "agrees" });
    // The scale judged against is written into the entry.
    expect(judged.m.ode.scale).toBeCloseTo(1, 15);
    expect(judged.successFraction.p.scale).toBeCloseTo(0.4, 15);
  });

  it("a model's scale replaces the record range, for a statistic its theory holds constant", () => {
    const t = [0, 1, 2];
    // Theory pinned at 0; the simulation's mean wanders by noise only (range 0.002).
    const theory: Series = { source: "diffusive", t, values: { m: [0, 0, 0] } };
    const sim = simulation(t, [0, 0.002, -0.0005], 0.001, 400);
    const gap = { bias: { m: [0, 0, 0] } };
    const body = (scale?: number): RecordBody => ({
      status: "ok",
      messages: [],
      series: [sim, theory],
      scalars: {},
      tables: {},
      distributions: {},
      agreement: {
        m: {
          diffusive: agreementOf(sim, theory, scale === undefined ? gap : { ...gap, scale: { m: scale } }).m,
        },
      },
      timing: {},
    });
    // detectable = 2 t se ≈ 0.008: against the noisy range 0.0025, underpowered; against a scale of 0.1
    // (one run's spread, say), it agrees.
    expect(judgeAgreement(body()).agreement.m.diffusive.verdict).toBe("underpowered");
    const judged = judgeAgreement(body(0.1)).agreement.m.diffusive;
    expect(judged).toMatchObject({ scale: 0.1, verdict: "agrees" });
  });
});
