import { describe, expect, it } from "vitest";
import { lawCdf, lawFromDriftDiffusion } from "../../../src/theory/stationary/index.js";

// dX = -X dt + sqrt(1 + X^2) dW: the stationary density exp(∫ 2a/σ²) / σ² is
// exp(-ln(1 + x²)) / (1 + x²) = 2 / (π (1 + x²)²), whose CDF is 1/2 + (arctan x + x/(1 + x²)) / π.
// The diffusion varies with x on a linear grid, so the 1/σ² factor matters: without it the law is Cauchy
// (CDF(1) = 3/4), with it inverted it is not normalisable. (The OU and CIR tests cannot see that factor:
// σ² is constant for OU, and for CIR on a log grid it cancels the grid's Jacobian. Found by Stryker.)
describe("stationary law with a state-dependent diffusion (closed form)", () => {
  const law = lawFromDriftDiffusion(
    (x) => -x,
    (x) => 1 + x * x,
    { from: -200, to: 200, points: 40001, spacing: "linear" },
  );
  const exact = (x: number) => 0.5 + (Math.atan(x) + x / (1 + x * x)) / Math.PI;

  it("has the CDF 1/2 + (arctan x + x/(1 + x^2))/π", () => {
    expect(law.normalisable).toBe(true);
    // ln f is interpolated linearly on h = 0.01 (|(ln f)''| <= 4): interval-mass error <= h² × 4 / 8 =
    // 5e-5 relative, and the mass beyond |x| = 200 is 4/(3π 200³) = 5e-8; 5e-4 (toBeCloseTo 3) is 10x that.
    for (const x of [-3, -1, -0.2, 0.5, 1, 2.5]) expect(lawCdf(law, x)).toBeCloseTo(exact(x), 3);
  });
});
