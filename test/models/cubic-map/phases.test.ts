import { describe, expect, it } from "vitest";
import { runExperiment } from "../../../src/catalogue/index.js";
import type { ExperimentRecord } from "../../../src/experiment/record.js";

// The public acceptance cases of science/04 §6 and issue 3: canonical map, z0 = 1e-3, r grid step 0.005.
const record: ExperimentRecord = await runExperiment({ model: { name: "cubic-map" }, analysis: "phases" });
const t = record.tables.phases;
const rows = t.r.map((r, i) => ({
  r: r as number,
  phase: t.phase[i] as string,
  period: t.period[i] as number,
  lyapunov: t.lyapunov[i] as number,
}));
const grid = 0.005;

/** First grid r of a phase-class switch, scanning up: the scan's estimate of a boundary. */
function firstWhere(pred: (row: (typeof rows)[number]) => boolean): number {
  return rows.find(pred)?.r ?? Number.NaN;
}

describe("cubic map phases (science/04 §6)", () => {
  it("record shape: 440 rows, the five phases, no non-finite numbers", () => {
    expect(record.status).toBe("ok");
    expect(rows.length).toBe(440);
    expect(new Set(t.phase)).toEqual(new Set(["monotonic", "catapult", "periodic", "chaotic", "divergent"]));
    for (const v of t.lyapunov) expect(Number.isFinite(v)).toBe(true);
  });

  it("monotone iff r <= 0.5; convergent iff r < 1; divergent iff r > 2", () => {
    for (const row of rows) {
      expect(row.phase === "monotonic", `r = ${row.r}`).toBe(row.r <= 0.5);
      const convergent = row.phase === "monotonic" || row.phase === "catapult";
      expect(convergent, `r = ${row.r}`).toBe(row.r < 1);
      expect(row.phase === "divergent", `r = ${row.r}`).toBe(row.r > 2);
    }
  });

  it("period 2 on (1, sqrt5 - 1), then period 4; chaos from 1.30228 ± 0.002 (one grid step)", () => {
    for (const row of rows.filter((x) => x.r > 1 && x.r < Math.sqrt(5) - 1)) expect(row.period).toBe(2);
    expect(firstWhere((x) => x.period === 4) - (Math.sqrt(5) - 1)).toBeLessThanOrEqual(grid);
    const onset = firstWhere((x) => x.phase === "chaotic");
    expect(Math.abs(onset - 1.30228)).toBeLessThanOrEqual(0.002 + grid);
    for (const row of rows.filter((x) => x.r >= 1 && x.r < 1.30228)) expect(row.phase).toBe("periodic");
  });

  it("the period-3 window opens at 1.45044 (first grid point after it is period 3)", () => {
    const first3 = firstWhere((x) => x.period === 3);
    expect(first3).toBeGreaterThan(1.45044);
    expect(first3 - 1.45044).toBeLessThanOrEqual(grid);
  });

  it("periodic windows inside the chaotic range are labelled periodic with a negative exponent", () => {
    const windows = rows.filter((x) => x.r > 1.31 && x.r <= 2 && x.phase === "periodic");
    expect(windows.length).toBeGreaterThanOrEqual(5);
    for (const w of windows) expect(w.lyapunov).toBeLessThan(0);
    for (const c of rows.filter((x) => x.phase === "chaotic")) expect(c.lyapunov).toBeGreaterThan(0);
  });

  it("boundaries from the finders, to 1e-6 of the closed forms / science values", () => {
    const s = record.scalars;
    // Closed forms (science/04 §2); the finders converge to round-off, so 1e-9 is asserted where exact.
    expect(Math.abs(s["boundary.monotonic"] - 0.5)).toBeLessThan(1e-9);
    expect(Math.abs(s["boundary.periodic"] - 1)).toBeLessThan(1e-9);
    expect(Math.abs(s["boundary.period4"] - (Math.sqrt(5) - 1))).toBeLessThan(1e-9);
    expect(Math.abs(s["boundary.crisis"] - ((3 * Math.sqrt(3)) / 2 - 1))).toBeLessThan(1e-9);
    // Escape bisection to 1e-10 (slow escape near r = 2 biases it high by ~ maxSteps^-2 = 1e-12).
    expect(Math.abs(s["boundary.divergent"] - 2)).toBeLessThan(1e-6);
    // Science values given to 6-7 digits: 1.302283 and 1.4504410.
    expect(Math.abs(s["boundary.chaos"] - 1.302283)).toBeLessThan(1e-6);
    expect(Math.abs(s["boundary.period3"] - 1.450441)).toBeLessThan(1e-6);
  });

  it("every boundary lies within one grid step of the scan's switch", () => {
    const s = record.scalars;
    const pairs: [string, number][] = [
      ["boundary.monotonic", firstWhere((x) => x.phase !== "monotonic")],
      ["boundary.periodic", firstWhere((x) => x.phase === "periodic")],
      ["boundary.period4", firstWhere((x) => x.period === 4)],
      ["boundary.chaos", firstWhere((x) => x.phase === "chaotic")],
      ["boundary.period3", firstWhere((x) => x.period === 3)],
      ["boundary.divergent", firstWhere((x) => x.phase === "divergent")],
    ];
    for (const [name, scan] of pairs)
      expect(Math.abs(scan - s[name]), name).toBeLessThanOrEqual(grid + 1e-12);
  });
});
