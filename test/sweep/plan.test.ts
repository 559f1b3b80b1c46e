import { describe, expect, it } from "vitest";
import { SpecError } from "../../src/core/errors.js";
import { validateSpec } from "../../src/index.js";
import { pointKey } from "../../src/sweep/key.js";
import { planSweep } from "../../src/sweep/plan.js";
import { parseSweepFile } from "../../src/sweep/sweep-file.js";

const code = { sgdlab: "0.1.0", commit: "abc" };
const spec = {
  model: { name: "spiked-tensor", k: 2, N: 1000, snr: 1 },
  horizon: 1,
  points: 5,
  simulation: "none",
  theory: ["ode"],
};

function plan(o: object, base: unknown = spec) {
  const { file } = parseSweepFile({ name: "t", spec: base, ...o }, () => undefined);
  return planSweep(file, base, validateSpec, code);
}

/** The SpecError a sweep throws (message and field), or null. */
function failure(o: object): SpecError | null {
  try {
    plan(o);
    return null;
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
}

describe("planSweep", () => {
  it("fills every point with the experiment's defaults and keys it", () => {
    const p = plan({ grid: { "model.snr": [0.5, 1], "optimizer.cDelta": [0.25, 0.5, 1] } });
    expect(p.points).toHaveLength(6);
    expect(p.points[1].spec.optimizer).toEqual({ name: "sgd", cDelta: 0.5 });
    expect(p.points[1].spec.runs).toBe(8); // the schema default
    expect(new Set(p.points.map((x) => x.key)).size).toBe(6);
    expect(p.figure).toEqual({ x: "model.snr", y: "optimizer.cDelta", color: "status" });
  });

  it("a key depends on the filled spec and the code version, not on key order or the title", () => {
    const filled = plan({ grid: { "model.snr": [0.5] } }).points[0].spec;
    const reordered = Object.fromEntries(Object.entries(filled).reverse());
    expect(pointKey(reordered, code)).toBe(pointKey(filled, code));
    expect(pointKey({ ...filled, title: "another" }, code)).toBe(pointKey(filled, code));
    expect(pointKey(filled, { ...code, commit: "def" })).not.toBe(pointKey(filled, code));
    expect(pointKey(filled, { ...code, sgdlab: "0.2.0" })).not.toBe(pointKey(filled, code));
    expect(pointKey({ ...filled, seed: 2 }, code)).not.toBe(pointKey(filled, code));
  });

  it("an unknown path names the axis, the point and the field", () => {
    const e = failure({ grid: { "model.snrr": [0.5, 1] } });
    expect(e?.field).toBe("model.snrr");
    expect(e?.message).toMatch(/sweep point 1 of 2: model\.snrr = 0\.5; axis model\.snrr/);
    expect(e?.message).toMatch(/this one is unknown/);
  });

  it("a value that makes one point invalid is found before anything runs, naming that point", () => {
    const e = failure({ grid: { "model.snr": [0.5, -1, 2] } });
    expect(e?.field).toBe("model.snr");
    expect(e?.message).toMatch(/model\.snr = -1 is invalid: expected a number >= 0 \(sweep point 2 of 3/);
  });

  it("a cross-field check (the experiment's own) names the combination of axes", () => {
    const f = (() => {
      try {
        plan({ grid: { "model.k": [2, 3] } }, { ...spec, theory: ["diffusive"] });
      } catch (err) {
        return err as SpecError;
      }
    })();
    expect(f?.field).toBe("theory");
    expect(f?.message).toMatch(/point 2 of 2: model\.k = 3; no single axis/);
  });

  it("a path through a number, an empty grid, base and spec both or neither, a bad figure are refused", () => {
    expect(failure({ grid: { "model.snr.x": [1] } })?.message).toMatch(/axis model\.snr\.x/);
    expect(failure({ grid: {} })?.field).toBe("grid");
    expect(() => parseSweepFile({ name: "t", grid: { a: [1] } }, () => ({}))).toThrow(
      /exactly one of "base"/,
    );
    expect(failure({ grid: { "model.snr": [1] }, figure: { x: "model.N", y: "status" } })?.field).toBe(
      "figure.x",
    );
    expect(failure({ grid: { "model.snr": [1] }, figure: { x: "model.snr", y: "m" } })?.field).toBe(
      "figure.y",
    );
    // A list of objects is a list of values (here invalid ones), not a range.
    expect(failure({ grid: { "model.snr": [{ from: 1, to: 2 }] } })?.message).toMatch(/expected a number/);
    expect(() => parseSweepFile({ name: "t", spec, grid: { a: { from: 1, to: 2 } } }, () => ({}))).toThrow(
      /a list of values, or a range/,
    );
  });
});
