import { describe, expect, it } from "vitest";
import { depth0Coefficients, stationaryLawOf } from "../../../src/models/diagonal-linear-network/law-of.js";
import {
  depth0LogDensity,
  depth1LogDensity,
  generalDepthLogDensity,
  infiniteDepthLogDensity,
} from "../../../src/models/diagonal-linear-network/laws.js";
import { dataMoments } from "../../../src/models/diagonal-linear-network/moments.js";
import {
  criticalTemperature,
  depth1Regime,
  depth1StationaryPoints,
  modeTemperature,
} from "../../../src/models/diagonal-linear-network/thresholds.js";
import {
  lawCdf,
  lawFromDriftDiffusion,
  lawFromLogDensity,
  lawMeanSd,
  lawMode,
} from "../../../src/theory/stationary/index.js";

const gauss = dataMoments({ x: "gaussian", slope: 1, noise: 1 });
const uniform = dataMoments({ x: "uniform", slope: 1, noise: 1 });

describe("data moments", () => {
  it("Gaussian example of science/03 §3: alpha1 = 2, alpha2 = 2k, alpha3 = 2k^2 + sigma^2, Delta = 2 sigma^2", () => {
    const m = dataMoments({ x: "gaussian", slope: 1.5, noise: 0.5 });
    expect([m.beta1, m.beta2, m.alpha1, m.alpha2, m.alpha3, m.delta]).toEqual([1, 1.5, 2, 3, 4.75, 0.5]);
  });
});

describe("thresholds of the depth-1 law (science/03 §3, Gaussian k = sigma = 1)", () => {
  it("Tc = 1/3, Tc/3 = 0.111, T* = 0.2016", () => {
    expect(criticalTemperature(gauss)).toBeCloseTo(1 / 3, 12);
    expect(modeTemperature(gauss)).toBeCloseTo(0.2016, 4);
  });

  it("the interior mode disappears exactly at T*: two stationary points below, none above", () => {
    const Ts = modeTemperature(gauss) ?? Number.NaN;
    expect(depth1StationaryPoints(gauss, Ts * (1 - 1e-6)).length).toBe(2);
    expect(depth1StationaryPoints(gauss, Ts * (1 + 1e-6)).length).toBe(0);
    expect(depth1Regime(gauss, 0.05)).toBe("vanishing-at-0");
    expect(depth1Regime(gauss, 0.15)).toBe("bimodal");
    expect(depth1Regime(gauss, 0.25)).toBe("divergent-at-0");
    expect(depth1Regime(gauss, 0.34)).toBe("collapsed");
  });

  it("the mode equation's root is the maximum of the closed-form density", () => {
    for (const T of [0.02, 0.08, 0.15]) {
      const grid = { from: 0.05, to: 5, points: 20001, spacing: "log" as const };
      const law = lawFromLogDensity(depth1LogDensity(uniform, T), grid);
      const roots = depth1StationaryPoints(uniform, T);
      // Parabolic refinement of the peak on a log grid of step h = 2.3e-4: error O(h^2) relative ~ 1e-7.
      expect(Math.abs(lawMode(law) / roots[roots.length - 1] - 1)).toBeLessThan(1e-6);
    }
  });
});

describe("closed forms agree with each other", () => {
  it("general-depth integral at D = 1 equals the D = 1 closed form to 1e-8 (up to the constant)", () => {
    for (const m of [gauss, uniform, dataMoments({ x: "gaussian", slope: 2, noise: 0.3 })]) {
      for (const T of [0.01, 0.1, 0.3]) {
        const gen = generalDepthLogDensity(m, T, 1, 3); // width enters as d^0 at D = 1
        const closed = depth1LogDensity(m, T);
        for (const v of [1e-12, 1e-3, 0.2, 0.9, 4, 300]) {
          const a = gen(v) - gen(1);
          const b = closed(v) - closed(1);
          expect(Math.abs(a - b)).toBeLessThan(1e-8 * Math.max(1, Math.abs(b)));
        }
      }
    }
  });

  it("the depth-0 closed form equals the Fokker–Planck law of its SDE dv = -2(beta1 v - beta2) dt + sqrt(4 T g) dW", () => {
    const T = 0.2;
    const grid = { from: -30, to: 30, points: 6001, spacing: "linear" as const };
    const fp = lawFromDriftDiffusion(...depth0Coefficients(gauss, T, 0.1), grid);
    const closed = stationaryLawOf(gauss, { depth: 0, width: 1, T, ridge: 0.1 });
    // Both are accurate to ~1e-6 on the CDF (fourth-order masses, step 0.01); the tail beyond |v| = 30 has
    // mass ~ 30^{-1 - 1.1/0.4} ~ 3e-6 (power tail |v|^{-2 - beta1'/(T alpha1)}), truncated only in fp.
    for (const v of [-1, 0.2, 0.9, 2]) expect(Math.abs(lawCdf(fp, v) - lawCdf(closed, v))).toBeLessThan(2e-5);
  });

  it("infinite depth is the D -> infinity limit of the integral form at fixed d/D", () => {
    const T = 0.05;
    const gap = (D: number) => {
      const gen = generalDepthLogDensity(gauss, T, D, 2 * D);
      const inf = infiniteDepthLogDensity(gauss, T, D, 2 * D);
      let worst = 0;
      for (const v of [0.3, 0.7, 1.5, 3])
        worst = Math.max(worst, Math.abs(gen(v) - gen(1) - (inf(v) - inf(1))));
      return worst;
    };
    // The integrand differs at O(ln d / D) (d^{-2/(D+1)} and the exponents 2D/(D+1), 3D/(D+1)):
    // the gap must shrink about 10x from D = 1e3 to 1e4.
    const [g3, g4] = [gap(1e3), gap(1e4)];
    expect(g4).toBeLessThan(g3 / 5);
  });

  it("above Tc the depth-1 law is not normalisable; the depth-2 law still is", () => {
    expect(stationaryLawOf(gauss, { depth: 1, width: 1, T: 0.4, ridge: 0 }).normalisable).toBe(false);
    expect(stationaryLawOf(gauss, { depth: 1, width: 1, T: 0.3, ridge: 0 }).normalisable).toBe(true);
    expect(stationaryLawOf(gauss, { depth: 2, width: 1, T: 0.4, ridge: 0 }).normalisable).toBe(true);
  });

  it("depth-0 closed form has mean beta2/(beta1 + ridge) at any T (linear drift)", () => {
    for (const data of [gauss, uniform, dataMoments({ x: "uniform", slope: 2, noise: 0.5 })])
      for (const [T, ridge] of [
        [0.02, 0],
        [0.05, 0],
        [0.1, 0],
        [0.05, 0.5],
      ]) {
        const law = stationaryLawOf(data, { depth: 0, width: 1, T, ridge });
        // Linear drift -((beta1 + ridge) v - beta2): E[drift] = 0 under the stationary law whatever the
        // diffusion, so the mean is beta2/(beta1 + ridge) exactly (the ridge case exercises the arctan
        // term, which vanishes without ridge); 1e-6 covers the quadrature of the normalised density.
        const mean = data.beta2 / (data.beta1 + ridge);
        expect(Math.abs(lawMeanSd(law).mean - mean), `T = ${T}, ridge = ${ridge}`).toBeLessThan(1e-6);
      }
    expect(depth0LogDensity(gauss, 0.05)(1)).toBeGreaterThan(depth0LogDensity(gauss, 0.05)(2));
  });
});
