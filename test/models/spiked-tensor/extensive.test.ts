import { describe, expect, it } from "vitest";
import { figures, runExperiment } from "../../../src/catalogue/index.js";
import { workerPool } from "../../../src/node/pool.js";

/** Long agreement runs: `SGDLAB_EXTENSIVE=1 npm test` (or `npm run test:extensive`). */
describe.skipIf(!process.env.SGDLAB_EXTENSIVE)(
  "spiked tensor, extensive agreement runs",
  { timeout: 900_000 },
  () => {
    it("public case at N = 5000 with 16 full runs agrees with the ODE everywhere", async () => {
      const pool = workerPool(2);
      const record = await runExperiment(
        {
          model: { name: "spiked-tensor", k: 2, N: 5000, snr: 1.2 },
          optimizer: { name: "sgd", cDelta: 0.5 },
          init: { m: 0.3, rPerp2: 1 },
          runs: 16,
          simulation: "full",
          theory: ["ode", "gradient-flow"],
        },
        { executor: pool.executor },
      );
      await pool.close();
      for (const stat of ["m", "absM", "rPerp2"]) expect(record.agreement[stat].ode.pass, stat).toBe(true);
      expect(record.agreement.rPerp2["gradient-flow"].pass).toBe(false);
    });

    it.each(figures["bgj-fig1"].panels.map((p) => [p.label, p.spec] as const))(
      "bgj-fig1 %s: every compared statistic agrees",
      async (_label, spec) => {
        const pool = workerPool(2);
        const record = await runExperiment(spec, { executor: pool.executor });
        await pool.close();
        for (const [stat, byTheory] of Object.entries(record.agreement))
          for (const [theory, entry] of Object.entries(byTheory))
            expect(entry.pass, `${stat} vs ${theory}`).toBe(true);
      },
    );

    it("k = 3 at N = 10^6 (dimension-free, 20 runs) converges to mStar = 1 from above the barrier", async () => {
      const record = await runExperiment({
        model: { name: "spiked-tensor", k: 3, N: 1_000_000, snr: 4 },
        optimizer: { name: "sgd", cDelta: 1 },
        init: { m: 0.4, rPerp2: 0.5 },
        horizon: 3,
        runs: 20,
        simulation: "dimension-free",
        theory: ["ode"],
      });
      expect(record.agreement.m.ode.pass).toBe(true);
      const sim = record.series[0];
      // mStar = 1; the ODE from m0 = 0.4 > mDagger = 0.2956 is within 1e-3 of it by t = 3, and the
      // simulation mean within 4 standard errors of the ODE (asserted by the agreement above).
      expect(Math.abs(sim.values.m.at(-1)! - record.scalars.mStar)).toBeLessThan(2e-3);
    });
  },
);
