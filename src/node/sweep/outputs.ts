import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { SweepDocument } from "../../sweep/document.js";
import { sweepFigure } from "../../sweep/figure.js";
import type { SweepPlan } from "../../sweep/plan.js";
import { sweepReport } from "../../sweep/report.js";
import { svgToPng } from "../png.js";
import { sweepOverlaysOf } from "./overlays.js";
import { pointsCsv } from "./point-rows.js";

/** The sweep document as JSON text (non-finite numbers as null, as in records). */
export function sweepJson(doc: SweepDocument): string {
  return JSON.stringify(doc, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2);
}

/**
 * Write a sweep's outputs into `dir`: `sweep.json` (the `--json` document), `points.csv` and
 * `points.parquet` (one row per point, see `pointRows`), `figure.svg`, `figure.png` and `report.html`
 * (the heatmap or line, with the model's theoretical boundaries). Written into a temporary sibling folder
 * and moved into place, so an interruption never leaves half a set.
 *
 * @example await writeSweepOutputs("out/spiked-phase", plan, doc) // ["out/spiked-phase/sweep.json", ...]
 */
export async function writeSweepOutputs(dir: string, plan: SweepPlan, doc: SweepDocument): Promise<string[]> {
  const svg = sweepFigure(plan, doc, sweepOverlaysOf(plan));
  const files: Record<string, string | Uint8Array> = {
    "sweep.json": sweepJson(doc),
    "points.csv": pointsCsv(doc),
    "figure.svg": svg,
    "figure.png": svgToPng(svg),
    "report.html": sweepReport(plan, doc, svg),
  };
  const tmp = resolve(`${dir.replace(/\/+$/, "")}.partial-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(tmp, name), content);
  await csvToParquet(join(tmp, "points.csv"), join(tmp, "points.parquet"));
  const names = [...Object.keys(files), "points.parquet"];
  mkdirSync(dir, { recursive: true });
  for (const name of names) renameSync(join(tmp, name), join(dir, name));
  rmSync(tmp, { recursive: true, force: true });
  return names.map((name) => join(dir, name));
}

/** Convert the points CSV to Parquet with an in-memory DuckDB (column types detected from the CSV). */
async function csvToParquet(csv: string, parquet: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  try {
    const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
    await c.run(
      `COPY (SELECT * FROM read_csv(${lit(csv)}, header = true)) TO ${lit(parquet)} (FORMAT parquet)`,
    );
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
