import { describe, expect, it } from "vitest";
import type { Series } from "../../src/experiment/record.js";
import { clipBand, seriesPoints } from "../../src/plot/points.js";

const linear = { logX: false, logY: false };

describe("seriesPoints", () => {
  const series: Series = {
    source: "simulation",
    t: [0, 1, 2, 3, Number.NaN],
    values: { m: [0.5, Number.NaN, -0.25, null as unknown as number, 1] },
    stderr: { m: [0.1, 0.1, Number.POSITIVE_INFINITY, 0.1, 0.1] },
  };

  it("keeps finite points with their band, and turns non-finite values (or JSON null) into gaps", () => {
    expect(seriesPoints(series, "m", linear)).toEqual([
      { t: 0, y: 0.5, lo: 0.4, hi: 0.6 },
      { t: 1, y: Number.NaN, lo: Number.NaN, hi: Number.NaN },
      { t: 2, y: -0.25, lo: Number.NaN, hi: Number.NaN },
      { t: 3, y: Number.NaN, lo: Number.NaN, hi: Number.NaN },
    ]);
  });

  it("drops t <= 0 on a log time axis and gaps y <= 0 on a log value axis", () => {
    const points = seriesPoints(series, "m", { logX: true, logY: true });
    expect(points.map((p) => p.t)).toEqual([1, 2, 3]);
    expect(points.every((p) => Number.isNaN(p.y))).toBe(true);
  });

  it("returns no points for a statistic the series lacks, or shorter value arrays", () => {
    expect(seriesPoints(series, "q", linear)).toEqual([]);
    expect(seriesPoints({ source: "ode", t: [0, 1, 2], values: { m: [1] } }, "m", linear)).toHaveLength(1);
  });
});

describe("clipBand", () => {
  it("raises lower band edges below the floor to the floor and leaves the rest", () => {
    const points = [
      { t: 0, y: 0.1, lo: -0.05, hi: 0.25 },
      { t: 1, y: 0.5, lo: 0.4, hi: 0.6 },
      { t: 2, y: 0.5, lo: Number.NaN, hi: Number.NaN },
    ];
    expect(clipBand(points, 0.01)).toEqual([{ t: 0, y: 0.1, lo: 0.01, hi: 0.25 }, points[1], points[2]]);
    expect(points[0].lo).toBe(-0.05);
  });
});
