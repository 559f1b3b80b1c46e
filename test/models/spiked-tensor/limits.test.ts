import { describe, expect, it } from "vitest";
import {
  lambdaCritical,
  spikedDiffusive,
  spikedFixedPoints,
  spikedOde,
} from "../../../src/models/spiked-tensor/limits.js";
import { solveOde } from "../../../src/theory/ode/solve.js";

const odeAt = (problem: ReturnType<typeof spikedOde>, t: number) =>
  solveOde(problem, "dopri5", [0, t], { rtol: 1e-12, atol: 1e-14 }).y.map((c) => c[1]);

/** Golden-section minimum of a unimodal function on [a, b]. */
function goldenMin(f: (x: number) => number, a: number, b: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 200; i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (f(c) < f(d)) b = d;
    else a = c;
  }
  return f((a + b) / 2);
}

describe("spiked tensor limits (science/01 §2)", () => {
  it("reproduces the public ODE values m(10) = 0.8367, rPerp2(10) = 0.5000", () => {
    const [m, r] = odeAt(spikedOde({ k: 2, snr: 1.2, cDelta: 0.5 }, true, [0.3, 1]), 10);
    // The science file prints 4 decimals: allow half a unit in the last place.
    expect(Math.abs(m - 0.8367)).toBeLessThan(5e-5);
    expect(Math.abs(r - 0.5)).toBeLessThan(5e-5);
  });

  it("gradient flow (no corrector) sends rPerp2 to 0 and m to sqrt(snr)", () => {
    const [m, r] = odeAt(spikedOde({ k: 2, snr: 1.2, cDelta: 0.5 }, false, [0.3, 1]), 20);
    // Fixed point of m' = 2m(2 snr - 2 R2), r' = -8 R2 r: r = 0, m^2 = snr; linear rate 8 snr, so
    // after t = 20 the distance is far below the 1e-8 solver tolerance.
    expect(r).toBeLessThan(1e-8);
    expect(Math.abs(m - Math.sqrt(1.2))).toBeLessThan(1e-8);
  });

  it.each([
    [3, 0.5],
    [3, 1],
    [3, 2],
    [4, 1],
    [5, 0.7],
  ])(
    "lambdaC(k = %i, cDelta = %f) equals the numerical minimum of (cDelta + m^2)^(k-1) / m^(k-2)",
    (k, c) => {
      const numeric = goldenMin((m) => (c + m * m) ** (k - 1) / m ** (k - 2), 1e-6, 10);
      // Golden section to 200 iterations locates the minimiser to ~1e-8; the value is quadratic there.
      expect(lambdaCritical(k, c)).toBeCloseTo(numeric, 10);
    },
  );

  it("matches the printed k = 3 values: lambdaC(3, 1) = 3.0792 and mStar = 1 at snr 4", () => {
    expect(Math.abs(lambdaCritical(3, 1) - 3.0792)).toBeLessThan(5e-5);
    const fp = spikedFixedPoints({ k: 3, snr: 4, cDelta: 1 });
    expect(fp.mStar).toBeCloseTo(1, 12);
    expect(fp.rPerp2Star).toBe(1);
  });

  it("k >= 3 fixed points solve snr m^(k-2) = (cDelta + m^2)^(k-1): mDagger unstable, mStar stable", () => {
    for (const [k, snr, c] of [
      [3, 4, 1],
      [4, 30, 1],
      [3, 2, 0.5],
    ]) {
      const fp = spikedFixedPoints({ k, snr, cDelta: c });
      const mc = Math.sqrt((c * (k - 2)) / k);
      expect(fp.mDagger!).toBeLessThan(mc);
      expect(fp.mStar!).toBeGreaterThan(mc);
      for (const m of [fp.mDagger!, fp.mStar!]) {
        expect(Math.abs(snr * m ** (k - 2) - (c + m * m) ** (k - 1)) / snr).toBeLessThan(1e-12);
      }
      const problem = spikedOde({ k, snr, cDelta: c }, true, [0, 0]);
      // Sign of the m-derivative of m' along rPerp2 = cDelta (the rPerp2 direction is stable with rate
      // -4k R2^{k-1}): negative at a stable fixed point, positive at an unstable one.
      const slope = (m: number) => {
        const h = 1e-6;
        const f = (mm: number) => {
          const dy = new Float64Array(2);
          problem.rhs(0, new Float64Array([mm, c]), dy);
          return dy[0];
        };
        return (f(m + h) - f(m - h)) / (2 * h);
      };
      expect(slope(fp.mDagger!)).toBeGreaterThan(0);
      expect(slope(fp.mStar!)).toBeLessThan(0);
    }
  });

  it("has no non-zero fixed point below lambdaC and the k = 2 threshold is cDelta", () => {
    expect(spikedFixedPoints({ k: 3, snr: 3.07, cDelta: 1 }).mStar).toBeUndefined();
    expect(spikedFixedPoints({ k: 2, snr: 0.4, cDelta: 0.5 }).mStar).toBeUndefined();
    expect(spikedFixedPoints({ k: 2, snr: 0.6, cDelta: 0.5 }).mStar).toBeCloseTo(Math.sqrt(0.1), 14);
    expect(spikedFixedPoints({ k: 2, snr: 0.6, cDelta: 0.5 }).lambdaC).toBe(0.5);
  });

  it("the diffusive second moment relaxes to the OU stationary value cDelta^2 / (cDelta - snr)", () => {
    const [S, r] = odeAt(spikedDiffusive({ k: 2, snr: 0.5, cDelta: 1 }, [1, 1]), 10);
    const stationary = spikedFixedPoints({ k: 2, snr: 0.5, cDelta: 1 }).stationaryNm2!;
    expect(stationary).toBe(2);
    // Relaxation rate 8 (cDelta - snr) = 4: after t = 10 the transient is e^{-40}.
    expect(S).toBeCloseTo(stationary, 10);
    expect(r).toBeCloseTo(1, 12);
  });
});
