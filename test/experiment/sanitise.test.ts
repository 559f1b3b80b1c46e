import { describe, expect, it } from "vitest";
import type { RecordBody } from "../../src/experiment/experiment.js";
import { sanitiseBody } from "../../src/experiment/sanitise.js";

const body = (): RecordBody => ({
  status: "ok",
  messages: [],
  series: [{ source: "ode", t: [0, 1, 2], values: { m: [0.1, Number.NaN, 0.3], q: [1, 1, 1] } }],
  scalars: { good: 1, bad: Number.POSITIVE_INFINITY },
  tables: {},
  distributions: {},
  agreement: {},
  timing: {},
});

describe("record-level guard against non-finite values", () => {
  it("cuts a series at its first NaN, drops a non-finite scalar, and says so (infinity: diverged)", () => {
    const out = sanitiseBody(body());
    // NaN alone would be "failed"; the infinite scalar is "diverged", the more severe of the two.
    expect(out.status).toBe("diverged");
    expect(out.series[0].t).toEqual([0]);
    expect(out.series[0].values).toEqual({ m: [0.1], q: [1] });
    expect(out.scalars).toEqual({ good: 1 });
    expect(out.messages.join(" ")).toMatch(/failed at t = 1\.000: series ode: m = NaN/);
    expect(out.messages.join(" ")).toMatch(/scalar bad/);
    expect(JSON.stringify(out)).not.toMatch(/null/);
  });

  it("a NaN alone is failed; a non-finite table row, distribution theory and agreement entry are dropped", () => {
    const input = body();
    input.scalars.bad = 2;
    input.tables = { grid: { r: [1, 2, 3], lyap: [0.1, Number.NaN, 0.3], phase: ["a", "b", "c"] } };
    input.distributions = { v: { edges: [0, 1], simulation: [1], theory: [Number.NaN] } };
    input.agreement = { m: { ode: { maxAbs: Number.NaN, at: 0, tolerance: 1, pass: false, final: 0 } } };
    const out = sanitiseBody(input);
    expect(out.status).toBe("failed");
    expect(out.tables.grid).toEqual({ r: [1, 3], lyap: [0.1, 0.3], phase: ["a", "c"] });
    expect(out.distributions.v).toEqual({ edges: [0, 1], simulation: [1] });
    expect(out.agreement).toEqual({ m: {} });
    expect(out.messages.join(" ")).toMatch(/table grid\.lyap \(row 1\) = NaN/);
    expect(JSON.stringify(out)).not.toMatch(/null/);
  });

  it("leaves a finite record untouched (same object)", () => {
    const finite = body();
    finite.series[0].values.m[1] = 0.2;
    finite.scalars.bad = 2;
    expect(sanitiseBody(finite)).toBe(finite);
  });
});
