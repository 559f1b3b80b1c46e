/**
 * Cases the schema-valid property test found (SGDLAB_EXTENSIVE=1), pinned so that they stay fixed; each
 * ended in a crash (exit 1) or a hang before its fix.
 */
import { describe, expect, it } from "vitest";
import { runExperiment, SpecError, validateSpec } from "../../src/index.js";
import { nonJsonPaths } from "./contract.js";

function refusedField(spec: unknown): string | undefined {
  try {
    validateSpec(spec);
  } catch (e) {
    if (e instanceof SpecError) return e.field;
    throw e;
  }
  return undefined;
}

describe("property-test findings", () => {
  it("a subnormal step (cDelta = 1e-323, so delta = cDelta/N = 0 and every record time NaN) is refused", () => {
    const spec = { model: { name: "spiked-tensor", N: 300, snr: 1 }, optimizer: { cDelta: 1e-323 } };
    expect(refusedField(spec)).toBe("optimizer.cDelta");
    expect(refusedField({ ...spec, optimizer: { cDelta: 1 }, horizon: 5e-324 })).toBe("horizon");
  });

  it("a diagonal network sampled every 1e-9 (2e9 record points per chain) is refused", () => {
    const spec = { model: { name: "diagonal-linear-network" }, analysis: "balance", sampleEvery: 1e-9 };
    expect(refusedField(spec)).toBe("sampleEvery");
  });

  it("a memory analysis whose conserved ratio has an infinite bias bound (w = -3e-323) leaves the check out", async () => {
    // |v| underflows, the imbalance bound |u^2 - w^2| / |v| is infinite, and no point can be compared:
    // the agreement entry was undefined, and the record guard crashed on it.
    const spec = {
      model: { name: "diagonal-linear-network", width: 6 },
      init: { w: -3e-323 },
      analysis: "memory",
      chains: 4,
    };
    const record = await runExperiment(spec);
    expect(nonJsonPaths(record, "record")).toEqual([]);
    for (const byTheory of Object.values(record.agreement))
      for (const entry of Object.values(byTheory)) expect(entry).toBeDefined();
  });
});
