import { describe, expect, it } from "vitest";
import { axisProduct, axisValues, sweepAxes } from "../../src/sweep/axes.js";
import { sweepFileSpec } from "../../src/sweep/sweep-file.js";

const file = (o: object) => sweepFileSpec.parse({ name: "t", spec: {}, ...o });

describe("sweep axes", () => {
  it("ranges are linear or geometric, rounded to 12 digits, ending exactly at `to`", () => {
    expect(axisValues({ from: 0.2, to: 1.6, num: 15, log: false }, "a")).toEqual([
      0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6,
    ]);
    expect(axisValues({ from: 0.01, to: 10, num: 4, log: true }, "a")).toEqual([0.01, 0.1, 1, 10]);
    expect(axisValues({ from: 3, to: 5, num: 1, log: false }, "a")).toEqual([3]);
    expect(() => axisValues({ from: 0, to: 1, num: 3, log: true }, "a")).toThrow(/from > 0/);
  });

  it("the product is row-major (first grid axis slowest), zip axes vary together and last", () => {
    const axes = sweepAxes(file({ grid: { a: [1, 2] }, zip: { b: [10, 20, 30], c: ["x", "y", "z"] } }));
    const points = axisProduct(axes);
    expect(points).toHaveLength(6);
    expect(points[0]).toEqual({ a: 1, b: 10, c: "x" });
    expect(points[1]).toEqual({ a: 1, b: 20, c: "y" });
    expect(points[3]).toEqual({ a: 2, b: 10, c: "x" });
  });

  it("zip axes of different lengths, or an axis in both grid and zip, are refused", () => {
    expect(() => sweepAxes(file({ zip: { b: [1, 2], c: [1] } }))).toThrow(/one common length/);
    expect(() => sweepAxes(file({ grid: { b: [1] }, zip: { b: [1] } }))).toThrow(/not both/);
  });
});
