import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planSweepInput } from "../../src/node/sweep/read-sweep.js";

/** A fixed code version, so that keys do not move when someone commits while a test runs. */
export const testCode = { sgdlab: "0.1.0", commit: "test" };

/** The base of the test sweeps: spiked matrix PCA, a short horizon, the dimension-free simulator. */
export const spikedBase = {
  model: { name: "spiked-tensor", k: 2, N: 2000, snr: 1 },
  optimizer: { name: "sgd", cDelta: 0.5 },
  init: { m: 0.3, rPerp2: 1 },
  horizon: 2,
  points: 6,
  runs: 4,
  seed: 7,
  simulation: "dimension-free",
  theory: ["ode"],
};

/** A 45-point sweep (15 snr × 3 cDelta) of `spikedBase`, with the given overrides of the spec. */
export function spikedSweep(overrides: Record<string, unknown> = {}, name = "t45") {
  return {
    name,
    spec: { ...spikedBase, ...overrides },
    grid: { "model.snr": { from: 0.2, to: 1.6, num: 15 }, "optimizer.cDelta": [0.25, 0.5, 1] },
    figure: { x: "model.snr", y: "optimizer.cDelta", color: "simulation.m.final" },
  };
}

/** Plan a sweep object with the fixed test code version. */
export const planOf = (input: unknown) => planSweepInput(input, process.cwd(), testCode);

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
