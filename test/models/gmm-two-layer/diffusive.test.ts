import { describe, expect, it } from "vitest";
import { runExperiment } from "../../../src/catalogue/index.js";
import { gmmDiffusive } from "../../../src/models/gmm-two-layer/diffusive.js";
import { cAlpha } from "../../../src/models/gmm-two-layer/limits.js";
import { solveOde } from "../../../src/theory/ode/solve.js";

const c = Math.sqrt(cAlpha("binary", 0.1));
const params = { task: "binary", K: 2, snr: 1e6, ridge: 0.1 } as const;
const optimum = [c, -c, c, -c];
const ring = [c * Math.cos(0.5), c * Math.sin(0.5), c * Math.cos(0.5), c * Math.sin(0.5)];

describe("diffusive limit at the binary fixed points (drift from the ODE Jacobian)", () => {
  it("the noise is rank 1 and the linearised drift is stable (J from the ODE, not the printed sign)", () => {
    for (const w of [optimum, ring]) {
      const { J, C } = gmmDiffusive(params, 1, w);
      // Two components: C = (1/4)(g+ - g-)(g+ - g-)ᵀ has rank 1, so every 2×2 minor vanishes.
      expect(C[0] * C[5] - C[1] * C[4]).toBeCloseTo(0, 12);
      expect(C[0]).toBeGreaterThan(0);
      // Both points attract: trace J < 0 (measured -0.84 at the optimum, -0.62 on the circle).
      expect(J[0] + J[5] + J[10] + J[15]).toBeLessThan(0);
    }
  });

  it.each([
    ["optimum", optimum],
    ["bad quarter circle", ring],
  ])(
    "N (w − w*)² from the %s follows S(t) of the OU law; the sign-flipped drift is rejected",
    async (_, w) => {
      const record = await runExperiment({
        model: { name: "gmm-two-layer", ...params, N: 500 },
        analysis: "diffusive",
        init: {
          v: w.slice(0, 2),
          mMu: w.slice(2),
          RPerp: [
            [0, 0],
            [0, 0],
          ],
        },
        horizon: 16,
        points: 9,
        runs: 200,
        simulation: "dimension-free",
        testSamples: 1,
      });
      expect(record.status, record.messages.join("; ")).toBe("ok");
      // Tolerance derived in diffusive-body.ts: Student-t × max(se, √2 S/√runs) + S (4/√N + 1/snr).
      for (const stat of ["NDev2_v_1", "NDev2_v_2", "NDev2_mMu_1", "NDev2_mMu_2"])
        expect(record.agreement[stat].diffusive.pass, stat).toBe(true);
      // The printed drift has the opposite sign: with -J the law grows like e^{0.4 t}; at t = 16 its S is
      // hundreds of times the simulated N (w − w*)².
      const d = gmmDiffusive(params, 1, w);
      const flipped = {
        ...d.problem,
        rhs: (t: number, S: Float64Array, dS: Float64Array) => {
          d.problem.rhs(t, S, dS);
          const n = d.dim;
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              let a = 0;
              for (let k = 0; k < n; k++) a += d.J[i * n + k] * S[k * n + j] + S[i * n + k] * d.J[j * n + k];
              dS[i * n + j] -= 2 * a;
            }
        },
      };
      const wrong = solveOde(flipped, "dopri5", [0, 16]).y[0][1];
      const sim = record.series.find((s) => s.source === "simulation")!.values.NDev2_v_1.at(-1)!;
      expect(wrong).toBeGreaterThan(20 * sim);
    },
  );
});
