import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runExperiment } from "../../../src/index.js";

describe("gmm-two-layer: huge inputs end in a documented status, never NaN (issue 13)", () => {
  it('examples/gmm-xor-diffusive.json with init.v[0] = 1e308 is "failed" or "diverged", with no NaN', async () => {
    // Before issue 13 this ended with status "nan" and NaN in the record: the diffusive ODE's derivative
    // overflows at t = 0 (v^2 = Infinity, Infinity - Infinity = NaN).
    const spec = JSON.parse(readFileSync("examples/gmm-xor-diffusive.json", "utf8"));
    spec.init.v[0] = 1e308;
    spec.runs = 4;
    const record = await runExperiment(spec);
    expect(["failed", "diverged"]).toContain(record.status);
    expect(record.messages.join(" ")).toMatch(/diffusive/);
    const text = JSON.stringify(record, (_k, v) =>
      typeof v === "number" && !Number.isFinite(v) ? "BAD" : v,
    );
    expect(text).not.toMatch(/"BAD"/);
  });
});
