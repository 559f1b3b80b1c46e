import { describe, expect, it } from "vitest";
import { runExperiment } from "../../../src/catalogue/index.js";
import { successProbability } from "../../../src/models/gmm-two-layer/limits.js";

describe.skipIf(!process.env.SGDLAB_EXTENSIVE)(
  "gmm-two-layer, extensive: XOR success fraction vs P_K",
  () => {
    it("K = 2..10, N = 250, snr 1000, ridge 0.1, T = 100, 400 runs each: within 3 binomial SE of P_K", async () => {
      // One plain run per width (the width sweep is a sweep over model.K: sgdlab reproduce xor-width).
      for (const K of [2, 3, 4, 5, 6, 7, 8, 9, 10]) {
        const record = await runExperiment({
          model: { name: "gmm-two-layer", task: "xor", K, N: 250, snr: 1000, ridge: 0.1 },
          horizon: 100,
          points: 2,
          runs: 400,
          simulation: "dimension-free",
          testSamples: 10,
          theory: ["success-probability"],
        });
        const P = successProbability("xor", K);
        // Issue 7: within 3 binomial standard errors, using the theory's sd sqrt(P (1 - P) / runs) (K < 4:
        // P_K = 0 and no run can occupy four categories, so the gap is exactly 0).
        expect(Math.abs(record.scalars.successFraction - P), `K = ${K}`).toBeLessThanOrEqual(
          3 * Math.sqrt((P * (1 - P)) / 200),
        );
        expect(record.agreement.successFraction["success-probability"].pass).toBe(true);
      }
    });
  },
);
