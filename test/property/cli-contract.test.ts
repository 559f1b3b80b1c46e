/**
 * The contract at the process boundary, on the built CLI (`dist/cli/main.js`, as users run it): a refused
 * spec exits 2 with one line on stderr naming the field and the value, no stack trace, nothing on stdout
 * and nothing written (no --out folder, no run database); an accepted one exits 0 with exactly the record on
 * stdout. Build first (`npm run build`; `npm ci` does it through `prepare`).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { documentedStatuses } from "./contract.js";
import { applyMutation, type Mutation } from "./mutate.js";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "dist/cli/main.js");
const dir = mkdtempSync(join(tmpdir(), "sgdlab-property-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Newest modification time of the files under `folder` (ms). */
function newest(folder: string): number {
  return Math.max(
    ...readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".ts"))
      .map((e) => statSync(join(e.parentPath, e.name)).mtimeMs),
  );
}

function example(name: string): unknown {
  return JSON.parse(readFileSync(join(root, "examples", name), "utf8"));
}

/** Run `sgdlab run <spec> --json --out out` in a fresh working directory. */
function run(
  label: string,
  spec: unknown,
): Promise<{ code: number; stdout: string; stderr: string; cwd: string }> {
  const cwd = mkdtempSync(join(dir, `${label}-`));
  const file = join(cwd, "spec.json");
  writeFileSync(file, typeof spec === "string" ? spec : JSON.stringify(spec));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, "run", file, "--json", "--out", "out", "--workers", "1"],
      { cwd, env: { ...process.env, FORCE_COLOR: "0" }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr, cwd }),
    );
  });
}

const refused: [string, string, Mutation | string][] = [
  ["a string for an integer", "spiked-matrix.json", { op: "set", path: ["model", "N"], value: "x" }],
  ["a cross-field rule", "gmm-xor-diffusive.json", { op: "delete", path: ["init", "mNu"] }],
  ["too much work", "spiked-matrix.json", { op: "scale", path: ["horizon"], factor: 1e6 }],
  ["a file that is not JSON", "spiked-matrix.json", "{ model: "],
];

describe("the built CLI keeps the contract", () => {
  it("dist/ is built from the current sources", () => {
    expect(existsSync(cli), "dist/cli/main.js is missing: run npm run build").toBe(true);
    const stale = statSync(cli).mtimeMs < Math.max(newest(join(root, "src")), newest(join(root, "cli")));
    expect(stale, "dist/ is older than src/ or cli/: run npm run build").toBe(false);
  });

  it.each(refused)(
    "refuses %s: exit 2, one line naming the field, nothing written",
    async (label, file, change) => {
      const spec = typeof change === "string" ? change : applyMutation(example(file), change);
      const r = await run(label.replace(/\W+/g, "-"), spec);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^sgdlab: \S.* = .* is invalid: expected /);
      expect(readdirSync(r.cwd)).toEqual(["spec.json"]);
    },
  );

  it("runs an accepted mutation: exit 0, exactly the record on stdout, a documented status", async () => {
    const spec = applyMutation(example("spiked-tensor-k3.json"), {
      op: "scale",
      path: ["init", "m"],
      factor: 1e6,
    });
    const r = await run("accepted", spec);
    expect(r.code, r.stderr).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(documentedStatuses).toContain(record.status);
    // The CLI writes a non-finite number as null, so a null among the numbers is a NaN that got through.
    expect(r.stdout).not.toMatch(/\bnull\b/);
    expect(readdirSync(join(r.cwd, "out")).sort()).toEqual([
      "figure.png",
      "figure.svg",
      "record.json",
      "report.html",
    ]);
  });
});
