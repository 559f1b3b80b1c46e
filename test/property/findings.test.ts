/**
 * Cases the schema-valid property test found (SGDLAB_EXTENSIVE=1), pinned so that they stay fixed; each
 * ended in a crash (exit 1) or a hang before its fix.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runExperiment, SpecError, validateSpec } from "../../src/index.js";
import { expm } from "../../src/theory/sde/expm.js";
import { documentedStatuses, nonJsonPaths } from "./contract.js";

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

describe("property-test findings: exact moments of huge models", () => {
  it("a finite-sum entry of -1e308 no longer squares a matrix for ever (its moments overflow: a status)", async () => {
    const spec = JSON.parse(
      readFileSync(new URL("../../examples/flows-finite-sum.json", import.meta.url), "utf8"),
    );
    spec.model.b[1][1] = -1e308;
    const record = await runExperiment(spec);
    expect(documentedStatuses).toContain(record.status);
    expect(nonJsonPaths(record, "record")).toEqual([]);
  });

  it("expm scales a norm near the largest double without overflowing 2^s (e^1e308 is Infinity, not 1)", () => {
    expect(expm(Float64Array.of(1e308), 1)[0]).toBe(Number.POSITIVE_INFINITY);
    expect(expm(Float64Array.of(-1e308), 1)[0]).toBe(0);
    // A moderate norm is unchanged by the rewrite: e^{-3} to a few ulps.
    expect(expm(Float64Array.of(-3), 1)[0]).toBeCloseTo(Math.exp(-3), 14);
  });
});
