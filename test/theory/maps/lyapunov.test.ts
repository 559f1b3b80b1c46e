import { describe, expect, it } from "vitest";
import { birkhoffAverage } from "../../../src/theory/maps/birkhoff.js";
import { iterateMap } from "../../../src/theory/maps/iterate.js";
import { lyapunov1d } from "../../../src/theory/maps/lyapunov.js";
import { lyapunovSpectrum } from "../../../src/theory/maps/lyapunov-spectrum.js";
import { diagonalMap, henon, logistic } from "./fixtures.js";

describe("Lyapunov exponents", () => {
  it("logistic r = 4: lambda = ln 2 (conjugate to the tent map), within 5 batch-means standard errors", () => {
    const r = 4;
    const n = 200_000;
    // lambda is the Birkhoff average of ln|f'|; its batch-means stderr is the derived tolerance.
    const avg = birkhoffAverage(logistic, r, 0.3, (x) => Math.log(Math.abs(logistic.derivative(x, r))), {
      keep: n,
      transient: 100,
    });
    const lambda = lyapunov1d(logistic, r, iterateMap(logistic, r, 0.3, { keep: n, transient: 100 }).points);
    expect(lambda).toBeCloseTo(avg.mean, 12);
    expect(avg.stderr).toBeGreaterThan(0);
    expect(Math.abs(lambda - Math.LN2)).toBeLessThan(5 * avg.stderr);
  });

  it("diagonal linear map: exponents ln|p a_i|, sorted, exactly (one QR step is already exact)", () => {
    const a = [2, -0.5, 0.1];
    const spectrum = lyapunovSpectrum(diagonalMap(a), 1.5, Float64Array.of(1e-3, 1e-3, 1e-3), {
      transient: 0,
      steps: 50,
    });
    const expected = a.map((v) => Math.log(Math.abs(1.5 * v))).sort((x, y) => y - x);
    expect(spectrum).toBeDefined();
    // Each ln R_ii is ln|p a_i| to round-off, averaged over 50 steps.
    for (let i = 0; i < 3; i++) expect(Math.abs(spectrum![i] - expected[i])).toBeLessThan(1e-12);
  });

  it("Henon map (a = 1.4, b = 0.3): lambda1 + lambda2 = ln b exactly, lambda1 ≈ 0.419", () => {
    const s = lyapunovSpectrum(henon, 1.4, Float64Array.of(0.1, 0.1), { steps: 100_000 })!;
    // |det J| = b at every step, so the sum of the exponents is ln 0.3 up to round-off.
    expect(Math.abs(s[0] + s[1] - Math.log(0.3))).toBeLessThan(1e-10);
    // Published value 0.41922 (Sprott, Chaos and Time-Series Analysis, 2003, table A.1); finite-time
    // fluctuations at 1e5 steps are ~ 1/sqrt(1e5) ≈ 3e-3.
    expect(Math.abs(s[0] - 0.41922)).toBeLessThan(0.01);
  });

  it("a diverging n-D orbit gives undefined, not NaN", () => {
    expect(lyapunovSpectrum(diagonalMap([10]), 1e10, Float64Array.of(1), { transient: 0, steps: 100 })).toBe(
      undefined,
    );
  });
});
