import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runExperiment } from "../src/catalogue/index.js";
import { readSpecFile } from "../src/node/read-spec.js";

const dir = new URL("../examples", import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f));

describe("every example spec runs", () => {
  it("there are examples", () => expect(files.length).toBeGreaterThanOrEqual(4));

  it.each(files)("%s: status ok, and the simulation agrees with every limit theory", async (file) => {
    const spec = readSpecFile(join(dir, file)) as { title?: string };
    const record = await runExperiment(spec);
    expect(record.status, record.messages.join("; ")).toBe("ok");
    // Time-series experiments have series; map analyses (cubic-map) have tables instead.
    expect(record.series.length + Object.keys(record.tables).length).toBeGreaterThan(0);
    for (const [stat, byTheory] of Object.entries(record.agreement)) {
      for (const [theory, entry] of Object.entries(byTheory)) {
        // Gradient flow is in the examples to be rejected (it misses the critical-step corrector).
        expect(entry.pass, `${stat} vs ${theory}`).toBe(theory !== "gradient-flow");
      }
    }
    // Power (issue 13, docs/record.md "Power"): no shipped verdict is underpowered, i.e. every check
    // could have seen a gap of 10% of its statistic's scale.
    const underpowered = Object.entries(record.agreement).flatMap(([stat, byTheory]) =>
      Object.entries(byTheory)
        .filter(([, e]) => e.verdict === "underpowered")
        .map(([theory, e]) => `${stat} vs ${theory} (detectable ${e.detectable}, scale ${e.scale})`),
    );
    expect(underpowered).toEqual([]);
  });
});
