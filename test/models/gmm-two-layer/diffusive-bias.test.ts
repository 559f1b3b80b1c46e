import { describe, expect, it } from "vitest";
import { runExperiment } from "../../../src/catalogue/index.js";
import type { Series } from "../../../src/experiment/record.js";
import { diffusiveBiasConstant } from "../../../src/models/gmm-two-layer/diffusive-body.js";
import { readSpecFile } from "../../../src/node/read-spec.js";

const examples = new URL("../../../examples/", import.meta.url).pathname;

describe("finite-N bias of the diffusive law (the measurement behind diffusiveBiasConstant)", () => {
  it.each(["gmm-diffusive.json", "gmm-xor-diffusive.json"])(
    "%s at N = 25: N |E[NDev2]/S − 1| stays below diffusiveBiasConstant",
    async (file) => {
      const N = 25;
      const spec = readSpecFile(`${examples}${file}`) as Record<string, unknown>;
      const model = { ...(spec.model as object), N };
      const record = await runExperiment({ ...spec, model, runs: 12800, horizon: 10, points: 11 });
      const sim = record.series.find((s) => s.source === "simulation") as Series;
      const law = record.series.find((s) => s.source === "diffusive") as Series;
      let largest = 0;
      for (const [name, S] of Object.entries(law.values))
        for (let j = 1; j < S.length; j++) {
          if (S[j] === 0) continue; // a kink coordinate: its own bound, not this one
          const c = (N * Math.abs(sim.values[name][j] - S[j])) / S[j];
          const se = (N * (sim.stderr?.[name]?.[j] ?? 0)) / S[j];
          // The part of the relative gap the Monte-Carlo error cannot explain (4.4 se: Bonferroni over
          // up to 8 coordinates × 10 points at ~1e-3 overall) must fit under B/N.
          largest = Math.max(largest, c - 4.4 * se);
        }
      expect(largest).toBeLessThan(diffusiveBiasConstant);
    },
  );
});
