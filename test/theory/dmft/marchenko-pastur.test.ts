import { describe, expect, it } from "vitest";
import { marchenkoPastur, spectralMean } from "../../../src/theory/dmft/marchenko-pastur.js";

/**
 * Moments of the Marchenko–Pastur laws (closed forms): S = XᵀX/d has E s = alpha, E s² = alpha(1 + alpha);
 * K = XXᵀ/d has E k = 1, E k² = 1 + alpha (the same non-zero eigenvalues, n instead of d of them).
 * The midpoint rule is spectrally accurate, so 1e-12 (relative) is rounding, not truncation.
 */
describe("Marchenko–Pastur quadrature", () => {
  it.each([0.5, 1, 3])("alpha = %s: mass and first two moments of S and K", (alpha) => {
    const S = marchenkoPastur(alpha, "S");
    const K = marchenkoPastur(alpha, "K");
    expect(spectralMean(S, () => 1)).toBeCloseTo(1, 12);
    expect(spectralMean(K, () => 1)).toBeCloseTo(1, 12);
    expect(spectralMean(S, (s) => s)).toBeCloseTo(alpha, 12);
    expect(spectralMean(S, (s) => s * s)).toBeCloseTo(alpha * (1 + alpha), 11);
    expect(spectralMean(K, (k) => k)).toBeCloseTo(1, 12);
    expect(spectralMean(K, (k) => k * k)).toBeCloseTo(1 + alpha, 11);
  });

  it("the atom at 0 carries 1 - alpha (S, alpha < 1) and 1 - 1/alpha (K, alpha > 1)", () => {
    const S = marchenkoPastur(0.5, "S", 100);
    expect(S.nodes[100]).toBe(0);
    expect(S.weights[100]).toBeCloseTo(0.5, 15);
    const K = marchenkoPastur(4, "K", 100);
    expect(K.weights[100]).toBeCloseTo(0.75, 15);
  });

  it("converges spectrally: 200 nodes already give E 1/(1 + s) to 1e-13 of 4000", () => {
    const f = (s: number) => 1 / (1 + s);
    const fine = spectralMean(marchenkoPastur(3, "S", 4000), f);
    expect(Math.abs(spectralMean(marchenkoPastur(3, "S", 200), f) - fine)).toBeLessThan(1e-13);
  });
});
