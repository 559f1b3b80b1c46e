/**
 * Power report (issue 13): run every example in `examples/` (and, with `--figures`, every figure panel
 * whose estimated work is below `--max-ops`, default 3e9; `--only id,id` for those figures alone) and print each agreement entry with its
 * verdict, detectable gap, the scale it is judged against (the range over the record or the model's) and the tolerance, plus the run time.
 *
 * @example npx tsx scripts/power-report.ts [--figures] [--only dmft-square,bgj-fig1] [--max-ops 3e9] [file ...]
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { figures, runExperiment, validateSpec } from "../src/catalogue/index.js";
import { readSpecFile } from "../src/node/read-spec.js";

const args = process.argv.slice(2);
const flagValue = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const only = flagValue("--only")?.split(",");
const withFigures = args.includes("--figures") || only !== undefined;
const maxOps = Number(flagValue("--max-ops") ?? 3e9);
const files = args.filter((a, i) => !a.startsWith("--") && !["--max-ops", "--only"].includes(args[i - 1]));
const dir = "examples";
const jobs: { label: string; spec: unknown }[] = (
  files.length
    ? files
    : readdirSync(dir)
        .filter((f) => /\.(json|ya?ml)$/.test(f))
        .map((f) => join(dir, f))
).map((f) => ({ label: f, spec: readSpecFile(f) }));
if (withFigures)
  for (const [id, entry] of Object.entries(figures))
    if (!only || only.includes(id))
      for (const panel of entry.panels) jobs.push({ label: `figure ${id}/${panel.label}`, spec: panel.spec });

const g = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : String(x));
for (const job of jobs) {
  let ops: number | undefined;
  try {
    const v = validateSpec(job.spec, Number.POSITIVE_INFINITY);
    ops = v.experiment.cost?.(v.spec as never).operations;
  } catch {}
  if (job.label.startsWith("figure") && !(ops !== undefined && ops <= maxOps)) {
    console.log(`${job.label}: skipped (estimated ${ops === undefined ? "?" : g(ops)} operations)`);
    continue;
  }
  const start = performance.now();
  try {
    const record = await runExperiment(job.spec);
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    console.log(
      `${job.label}: ${record.status} in ${seconds} s (est. ${ops === undefined ? "?" : g(ops)} ops)`,
    );
    for (const [stat, byTheory] of Object.entries(record.agreement)) {
      for (const [theory, e] of Object.entries(byTheory))
        console.log(
          `  ${e.verdict.padEnd(12)} ${stat} vs ${theory}: detectable ${g(e.detectable)} scale ${g(e.scale ?? Number.NaN)}` +
            ` (ratio ${g((e.detectable ?? Number.NaN) / (e.scale ?? Number.NaN))}) tol ${g(e.tolerance)} maxAbs ${g(e.maxAbs)} at ${g(e.at)}`,
        );
    }
  } catch (e) {
    console.log(`${job.label}: threw ${(e as Error).message}`);
  }
}
