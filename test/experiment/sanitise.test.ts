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
  it("cuts a series at its first NaN, drops a non-finite scalar, and says so with status nan", () => {
    const out = sanitiseBody(body());
    expect(out.status).toBe("nan");
    expect(out.series[0].t).toEqual([0]);
    expect(out.series[0].values).toEqual({ m: [0.1], q: [1] });
    expect(out.scalars).toEqual({ good: 1 });
    expect(out.messages.join(" ")).toMatch(/series ode .* t = 1/);
    expect(out.messages.join(" ")).toMatch(/scalar bad/);
    expect(JSON.stringify(out)).not.toMatch(/null/);
  });

  it("leaves a finite record untouched (same object)", () => {
    const finite = body();
    finite.series[0].values.m[1] = 0.2;
    finite.scalars.bad = 2;
    expect(sanitiseBody(finite)).toBe(finite);
  });
});
