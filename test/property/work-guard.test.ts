/**
 * The work guard (issue 13): a spec whose estimated work is far beyond its example's is refused before it
 * runs, with the estimate and the fields that make it up in the message; every shipped example is within
 * the limit; a long run that is allowed honours an interruption.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultWorkLimit } from "../../src/core/messages.js";
import { figures, runExperiment, SpecError, validateSpec } from "../../src/index.js";
import { readSpecFile } from "../../src/node/read-spec.js";
import { applyMutation, type Mutation } from "./mutate.js";
import { caseLimits } from "./settings.js";

const dir = new URL("../../examples", import.meta.url).pathname;
const files = readdirSync(dir)
  .filter((f) => /\.(json|ya?ml)$/.test(f))
  .sort();

function refusal(spec: unknown): SpecError | undefined {
  try {
    validateSpec(spec);
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  return undefined;
}

describe("the work guard", () => {
  it.each(files)("%s is within the property tests' lower limit", (file) => {
    const { experiment, spec } = validateSpec(readSpecFile(join(dir, file)));
    const estimate = experiment.cost?.(spec as never);
    expect(estimate, `${experiment.name} has no cost()`).toBeDefined();
    expect(estimate?.operations).toBeGreaterThan(0);
    // The property tests lower the limit to caseLimits.workLimit; the examples must pass it too.
    expect(estimate?.operations).toBeLessThanOrEqual(Math.min(caseLimits.workLimit, defaultWorkLimit));
  });

  it("every paper figure's panels are within the default limit (sgdlab reproduce runs them)", () => {
    for (const [id, figure] of Object.entries(figures))
      for (const panel of figure.panels) {
        const { experiment, spec } = validateSpec(panel.spec);
        expect(experiment.cost?.(spec as never).operations, `${id} ${panel.label}`).toBeLessThanOrEqual(
          defaultWorkLimit,
        );
      }
  });

  // The first six ran for minutes with no output before the guard (found by the property tests); the
  // others take other cost fields to their schema's largest values.
  const hangs: [string, Mutation][] = [
    ["flows-finite-sum.json", { op: "scale", path: ["horizon"], factor: 1e6 }],
    ["flows-two-point.json", { op: "scale", path: ["lr"], factor: 1e-6 }],
    ["gmm-binary.json", { op: "scale", path: ["model", "N"], factor: 1e6 }],
    ["gmm-xor-diffusive.json", { op: "scale", path: ["model", "N"], factor: 1e6 }],
    ["spiked-billion.json", { op: "delete", path: ["horizon"] }],
    ["spiked-matrix.json", { op: "scale", path: ["horizon"], factor: 1e6 }],
    ["balance-law.json", { op: "set", path: ["chains"], value: 1_000_000 }],
    ["cubic-quadratic-network.json", { op: "set", path: ["steps"], value: 10_000_000 }],
  ];
  it.each(hangs)("refuses %s with %j, naming the estimate", (file, mutation) => {
    const e = refusal(applyMutation(readSpecFile(join(dir, file)), mutation));
    expect(e?.field).toBe("work");
    expect(e?.message).toMatch(
      /^work = "[0-9.e+]+ operations" is invalid: expected at most 1e\+12 operations/,
    );
    expect(e?.message).toMatch(/this spec's estimate is .* = [0-9]/);
  });

  it("a schema-valid step size of 1e-113 is refused, not run for ever (least-squares)", () => {
    const spec = { model: { name: "least-squares", d: 35, n: 59 }, analysis: "trajectories", lr: 6.7e-113 };
    expect(refusal(spec)?.field).toBe("work");
  });

  it("an allowed run stops when interrupted (Ctrl-C), after its first progress report", async () => {
    const controller = new AbortController();
    const spec = { ...(readSpecFile(join(dir, "spiked-equator.yaml")) as object), runs: 100_000 };
    let reports = 0;
    const run = runExperiment(spec, {
      signal: controller.signal,
      onProgress: () => {
        reports++;
        controller.abort(new Error("interrupted"));
      },
    });
    await expect(run).rejects.toThrow("interrupted");
    expect(reports).toBeGreaterThan(0);
  });
});
