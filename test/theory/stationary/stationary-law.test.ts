import { describe, expect, it } from "vitest";
import { normalCdf } from "../../../src/core/stats.js";
import {
  gaussLegendre,
  lawBinDensity,
  lawCdf,
  lawFromDriftDiffusion,
  lawFromLogDensity,
  lawLogQuantile,
  lawMeanSd,
  lawMode,
  lawQuantile,
  tanhSinh,
} from "../../../src/theory/stationary/index.js";

// Ornstein–Uhlenbeck dX = -theta (X - m) dt + s dW has the stationary law N(m, s^2 / (2 theta)).
const theta = 2;
const m = 0.5;
const s = 1.5;
const ouSd = s / Math.sqrt(2 * theta);
const ou = lawFromDriftDiffusion(
  (x) => -theta * (x - m),
  () => s * s,
  { from: m - 14 * ouSd, to: m + 14 * ouSd, points: 1401, spacing: "linear" },
);

describe("stationary law of an Ornstein–Uhlenbeck process (closed form: Gaussian)", () => {
  it("CDF, quantiles, mean, sd and mode match N(m, s^2/(2 theta))", () => {
    expect(ou.normalisable).toBe(true);
    // ln f is quadratic, interpolated linearly on h = 0.02 sd: the interval-mass error is O(h^2) ~ 4e-4
    // relative per interval, and it cancels to O(h^2 / 12) on the CDF; 2e-5 leaves a margin of ~ 5x.
    for (const z of [-3, -1, 0, 0.7, 2.5]) expect(lawCdf(ou, m + z * ouSd)).toBeCloseTo(normalCdf(z), 4);
    expect(lawQuantile(ou, 0.9)).toBeCloseTo(m + 1.2815515655446004 * ouSd, 3);
    const { mean, sd } = lawMeanSd(ou);
    expect(Math.abs(mean - m)).toBeLessThan(1e-6); // symmetric grid around m: only rounding
    expect(Math.abs(sd / ouSd - 1)).toBeLessThan(1e-3); // mid-point moments, O(h^2) with h = 0.02 sd
    expect(Math.abs(lawMode(ou) - m)).toBeLessThan(1e-6); // a parabola through a Gaussian peak is exact
  });

  it("bin densities integrate to the CDF increments", () => {
    const edges = [m - ouSd, m, m + ouSd];
    const dens = lawBinDensity(ou, edges);
    expect(dens[0] * ouSd).toBeCloseTo(normalCdf(0) - normalCdf(-1), 4);
  });
});

// CIR dX = (a - b X) dt + c sqrt(X) dW: Gamma(shape 2a/c^2, rate 2b/c^2). With shape 1/2 the density
// diverges at 0 like x^{-1/2}, and P(X <= x) = erf(sqrt(rate x)) = 2 Phi(sqrt(2 rate x)) - 1 exactly.
describe("stationary law of a CIR process (closed form: Gamma, shape 1/2, mass piled at 0)", () => {
  const [a, b, c] = [0.25, 1, 1];
  const rate = (2 * b) / (c * c);
  const grid = { from: 1e-300, to: 60, points: 6001, spacing: "log" as const };
  const cir = lawFromDriftDiffusion(
    (x) => a - b * x,
    (x) => c * c * x,
    grid,
  );
  const exact = (x: number) => 2 * normalCdf(Math.sqrt(2 * rate * x)) - 1;

  it("normalised on a log grid down to 1e-300: the CDF near 0 and in the bulk is exact", () => {
    expect(cir.normalisable).toBe(true);
    // Near 0, ln f is linear in ln x (a power law) and the scheme is exact: relative 1e-6 is rounding of
    // the Gauss–Legendre log density plus the O(x) curvature of ln f at x <= 1e-10.
    for (const x of [1e-250, 1e-100, 1e-10])
      expect(Math.abs(lawCdf(cir, x) / (2 * Math.sqrt((rate * x) / Math.PI)) - 1)).toBeLessThan(1e-4);
    // Bulk: h = ln(6e301)/6000 = 0.116 in ln x; log-linear interpolation error O(h^2 (d ln f/du)^2 / 12) on each
    // interval, cancelling on the CDF: 1e-4 absolute.
    for (const x of [0.01, 0.3, 1, 3]) expect(Math.abs(lawCdf(cir, x) - exact(x))).toBeLessThan(1e-4);
    expect(lawMeanSd(cir).mean).toBeCloseTo(a / b, 3); // Gamma mean = shape / rate
  });

  it("quantiles deep in the tail towards 0 are found in the log coordinate", () => {
    // P(X <= x) ~ 2 sqrt(rate x / pi) for small x, so the 1e-100 quantile is x = pi 1e-200 / (4 rate).
    const lq = lawLogQuantile(cir, 1e-100);
    expect(Math.abs(lq - Math.log((Math.PI * 1e-200) / (4 * rate)))).toBeLessThan(1e-3);
  });

  it("the same law from its closed-form log density", () => {
    const direct = lawFromLogDensity((x) => -0.5 * Math.log(x) - rate * x, grid);
    for (const x of [1e-200, 0.5, 2]) expect(lawCdf(direct, x)).toBeCloseTo(lawCdf(cir, x), 8);
  });

  it("a drift too weak to hold mass away from 0 is reported as not normalisable", () => {
    // shape 2a/c^2 = 0 (a = 0): p ~ 1/x at 0, not integrable.
    const bad = lawFromDriftDiffusion(
      (x) => -b * x,
      (x) => c * c * x,
      grid,
    );
    expect(bad.normalisable).toBe(false);
    expect(bad.message).toMatch(/lower end/);
  });
});

describe("quadrature rules", () => {
  it("Gauss–Legendre integrates smooth functions to rounding, tanh-sinh a log singularity", () => {
    expect(Math.abs(gaussLegendre(Math.exp, 0, 1) - (Math.E - 1))).toBeLessThan(1e-14);
    expect(Math.abs(tanhSinh(Math.log, 0, 1) + 1)).toBeLessThan(1e-10);
    expect(Math.abs(tanhSinh((x) => 1 / Math.sqrt(x), 0, 4) - 4)).toBeLessThan(1e-8);
  });
});
