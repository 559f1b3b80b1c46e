import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/core/rng.js";
import { BrownianPath, gaussianNoise, sra1, stepNoise } from "../../../src/theory/sde/index.js";

describe("BrownianPath", () => {
  const path = new BrownianPath(Rng.fromSeed(3), 2, 1, 8);

  it("coarse levels are exact aggregates of the finest: W and I10 = ∫(W_s - W_t) ds", () => {
    const fine = path.level(8);
    for (const l of [0, 3, 7]) {
      const coarse = path.level(l);
      const ratio = fine.steps / coarse.steps;
      for (let s = 0; s < coarse.steps; s++)
        for (let k = 0; k < 2; k++) {
          // Over coarse step s: sum of the fine increments, and sum of fine I10 plus (W - W_start) h_fine.
          let w = 0;
          let i10 = 0;
          for (let f = s * ratio; f < (s + 1) * ratio; f++) {
            i10 += fine.i10[f * 2 + k] + w * fine.h;
            w += fine.dW[f * 2 + k];
          }
          // Same sums in a different order: rounding only (~1e-16 x 256 terms).
          expect(Math.abs(coarse.dW[s * 2 + k] - w)).toBeLessThan(1e-13);
          expect(Math.abs(coarse.i10[s * 2 + k] - i10)).toBeLessThan(1e-13);
        }
    }
  });

  it("the finest level has the joint law of (ΔW, I10): var h, cov h^2/2, var I10 h^3/3", () => {
    const n = 20000;
    const noise = stepNoise(sra1, 1);
    const source = gaussianNoise(1);
    const rng = Rng.fromSeed(4);
    const h = 0.5;
    let [sww, swi, sii] = [0, 0, 0];
    for (let j = 0; j < n; j++) {
      source.fill(rng, h, noise);
      sww += noise.dW[0] ** 2 / n;
      swi += (noise.dW[0] * noise.i10[0]) / n;
      sii += noise.i10[0] ** 2 / n;
    }
    // Gaussian second moments: the standard error of a sample mean of XY is sqrt(E[X^2]E[Y^2] + E[XY]^2)/sqrt(n);
    // 5 standard errors each.
    const se = (a: number, b: number, c: number) => (5 * Math.sqrt(a * b + c * c)) / Math.sqrt(n);
    expect(Math.abs(sww - h)).toBeLessThan(se(h, h, h));
    expect(Math.abs(swi - h ** 2 / 2)).toBeLessThan(se(h, h ** 3 / 3, h ** 2 / 2));
    expect(Math.abs(sii - h ** 3 / 3)).toBeLessThan(se(h ** 3 / 3, h ** 3 / 3, h ** 3 / 3));
  });
});
