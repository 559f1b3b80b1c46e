import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { noteSection, num, type Section, verdict } from "./report.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const cli = join(root, "dist/cli/main.js");
const example = "examples/spiked-tensor-k3.json";

/** Wall seconds of one `sgdlab run` of the k = 3 example into a fresh database; throws on a failed run. */
function timeOnce(db: string): number {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [cli, "run", example, "--quiet", "--db", db], {
    cwd: root,
    encoding: "utf8",
  });
  const seconds = (performance.now() - t0) / 1000;
  if (child.status !== 0)
    throw new Error(`sgdlab run exited ${child.status}: ${child.stderr.trim().split("\n")[0]}`);
  return seconds;
}

/**
 * Section 4: time to first result, `node dist/cli/main.js run examples/spiked-tensor-k3.json --quiet`
 * spawned `rounds` times (target < 2 s). Skipped when dist/ is not built.
 */
export function firstResultSection(rounds: number): Section {
  const id = "firstResult";
  const title = "4. Time to first result (CLI, spawned)";
  if (!existsSync(cli)) return noteSection(id, title, "skipped: dist/ is missing (run npm run build)");
  const dir = mkdtempSync(join(tmpdir(), "sgdlab-bench-"));
  try {
    const times = Array.from({ length: rounds }, (_, i) => timeOnce(join(dir, `runs-${i}.duckdb`)));
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const best = Math.min(...times);
    const row = { label: `sgdlab run ${example}`, value: `${num(mean)} s`, note: "" };
    row.note = `mean of ${rounds}, best ${num(best)} s; target < 2 s: ${verdict(mean, 2, false)}`;
    return { id, title, rows: [row], results: { meanSeconds: mean, bestSeconds: best, rounds } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
