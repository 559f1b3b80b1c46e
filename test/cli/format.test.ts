import { describe, expect, it } from "vitest";
import { formatSummary } from "../../cli/format.js";
import type { AgreementEntry, ExperimentRecord } from "../../src/experiment/record.js";

const entry = (verdict: AgreementEntry["verdict"], pass: boolean): AgreementEntry => ({
  maxAbs: 0.01,
  at: 1,
  tolerance: 0.02,
  detectable: 0.04,
  scale: 0.3,
  pass,
  verdict,
  final: 0.005,
});

describe("the terminal summary", () => {
  it("shows each check's verdict (underpowered included), its detectable gap and the scale it is judged on", () => {
    const record = {
      status: "ok",
      messages: [],
      scalars: {},
      agreement: { m: { ode: entry("underpowered", true), "gradient-flow": entry("disagrees", false) } },
      timing: {},
    } as unknown as ExperimentRecord;
    const text = formatSummary(record, []);
    expect(text).toContain(
      "m vs ode: underpowered, max gap 0.010000 at t = 1 (tolerance 0.020000, detectable 0.040000 of scale 0.30000)",
    );
    expect(text).toContain("m vs gradient-flow: DISAGREES");
  });
});
