import { describe, expect, it } from "vitest";
import { renderFigure, runExperiment, validateSpec } from "../../../src/catalogue/index.js";
import { SpecError } from "../../../src/core/errors.js";

const model = { name: "cubic-map" };

describe("cubic-map experiment: analyses, figures, validation", () => {
  it("orbit-diagram: tables.orbit (r, z), a Lyapunov table, boundaries, and a figure with both panels", async () => {
    const rec = await runExperiment({
      model,
      analysis: "orbit-diagram",
      r: { from: 0.9, to: 2.1, step: 0.01 },
      z0: [0.001, -0.001],
    });
    const orbit = rec.tables.orbit;
    expect(orbit.r.length).toBe(orbit.z.length);
    // Two symmetric starts: at r = 1.1 the two 2-cycles {±z1, ±z2} give four distinct points.
    expect(orbit.r.filter((r) => r === 1.1).length).toBe(4);
    expect(rec.scalars["boundary.chaos"]).toBeGreaterThan(1.3);
    const svg = renderFigure(rec);
    expect(svg).toContain("orbit diagram");
    expect(svg).toContain("Lyapunov exponent");
    expect(svg).not.toContain("NaN");
  });

  it("phase-diagram over r × z0: the divergence boundary moves with z0 as 2/(z0^2 - 1)", async () => {
    const rec = await runExperiment({
      model,
      analysis: "phase-diagram",
      r: { from: 0.1, to: 2.2, step: 0.1 },
      z0: { from: 0.1, to: 2, step: 0.1 },
    });
    const t = rec.tables.phaseDiagram;
    expect(t.r.length).toBe(22 * 20);
    for (let i = 0; i < t.r.length; i++) {
      const r = t.r[i] as number;
      const z0 = t.z0[i] as number;
      const threshold = Math.abs(z0) > Math.SQRT2 ? 2 / (z0 * z0 - 1) : 2;
      // Skip cells within 1e-9 of the threshold (a tie decided by round-off) and z0 = 1, the fixed point
      // itself, which stays put at every r (the threshold is about generic starts).
      if (Math.abs(r - threshold) < 1e-9 || z0 === 1) continue;
      expect(t.phase[i] === "divergent", `r=${r} z0=${z0}`).toBe(r > threshold);
    }
    expect(renderFigure(rec)).toContain("phase diagram");
  });

  it("lyapunov for a list of r: ln|1 - 2r| on convergence, positive at r = 1.9", async () => {
    const rec = await runExperiment({ model, analysis: "lyapunov", r: [0.3, 0.8, 1.9] });
    const l = rec.tables.lyapunov.lyapunov as number[];
    expect(Math.abs(l[0] - Math.log(0.4))).toBeLessThan(1e-9);
    expect(Math.abs(l[1] - Math.log(0.6))).toBeLessThan(1e-9);
    expect(l[2]).toBeGreaterThan(0);
  });

  it("ergodic-average: Birkhoff means of s agree with (1+r)/(2r) on the 2-cycle and 1 at r = 2", async () => {
    const rec = await runExperiment({
      model,
      analysis: "ergodic-average",
      r: [0.8, 1.1, 1.5, 2, 2.1],
      z0: 0.3,
      samples: 50_000,
    });
    const e = rec.tables.ergodic;
    expect(Math.abs((e.mean[1] as number) - 2.1 / 2.2)).toBeLessThan(1e-12);
    // r = 2.1 escapes: no row (the mean column stays numeric) and a message saying why.
    expect(e.r).toEqual([0.8, 1.1, 1.5, 2]);
    expect(rec.messages.join(" ")).toMatch(/r = 2\.1: the orbit escapes/);
    expect(rec.agreement.ergodicMean["closed-form"].pass).toBe(true);
    expect(rec.distributions["s@r=2"].theory).toBeDefined();
    expect(renderFigure(rec)).toContain("invariant density");
  });

  it.each([
    ["empty/reversed r range", { r: { from: 1, to: 0.5, step: 0.1 } }, "r"],
    ["equal ends", { r: { from: 1, to: 1, step: 0.1 } }, "r"],
    ["negative step", { r: { from: 0.1, to: 1, step: -0.1 } }, "r.step"],
    ["r <= 0", { r: [0, 1] }, "r"],
    ["phase-diagram without a z0 range", { analysis: "phase-diagram" }, "z0"],
    ["a z0 list for phases", { z0: [0.1, 0.2] }, "z0"],
    ["unknown field", { zz: 1 }, "zz"],
  ])("%s -> SpecError naming the field", (_label, extra, field) => {
    let error: unknown;
    try {
      validateSpec({ model, ...extra });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).field).toBe(field);
  });
});
