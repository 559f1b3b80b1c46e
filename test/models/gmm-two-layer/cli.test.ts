import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "sgdlab-gmm-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sgdlab(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", import.meta.resolve("tsx"), join(root, "cli/main.ts"), ...args],
      { cwd: dir, env: { ...process.env, FORCE_COLOR: "0" } },
    );
    return { code: 0, stderr };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr };
  }
}

// K < 1, snr <= 0 and the rest: experiment.test.ts (validateSpec, same SpecError -> exit 2 path).
describe("gmm-two-layer bad input on the CLI", () => {
  it.each([
    ["unknown task", { task: "ternary" }, /model\.task = "ternary" is invalid/],
    [
      "XOR ridge 1/8",
      { task: "xor", ridge: 0.125 },
      /model\.ridge = 0\.125 is invalid: .*trivial fixed point/,
    ],
  ])("%s: exit 2, one message naming the field, nothing written", async (label, patch, message) => {
    const base: Record<string, unknown> = {
      name: "gmm-two-layer",
      task: "binary",
      K: 2,
      N: 50,
      snr: 10,
      ridge: 0.1,
    };
    const spec = { model: { ...base, ...patch } };
    const file = join(dir, `${label.replace(/\W+/g, "-")}.json`);
    writeFileSync(file, JSON.stringify(spec));
    const out = join(dir, "out");
    const r = await sgdlab("run", file, "--out", out, "--no-store");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
