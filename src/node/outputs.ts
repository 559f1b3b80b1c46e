import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderFigure } from "../catalogue/index.js";
import type { ExperimentRecord } from "../experiment/record.js";
import { combineFigures } from "../plot/combine.js";
import { recordReport } from "../plot/report.js";
import { svgToPng } from "./png.js";

/**
 * The record as JSON text. Non-finite numbers (which JSON cannot hold) become null; records are built
 * without them, so this is a safety net, not a convention.
 */
export function recordJson(record: ExperimentRecord): string {
  return JSON.stringify(record, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2);
}

/**
 * Write `record.json`, `figure.svg`, `figure.png` and a self-contained `report.html` into `dir`.
 *
 * Files are written into a temporary sibling folder first and moved into place, so an interruption never
 * leaves a half-written set.
 *
 * @example writeOutputs("out/run1", record) // ["out/run1/record.json", ...]
 */
export function writeOutputs(dir: string, record: ExperimentRecord): string[] {
  const svg = renderFigure(record);
  const files: Record<string, string | Uint8Array> = {
    "record.json": recordJson(record),
    "figure.svg": svg,
    "figure.png": svgToPng(svg),
    "report.html": recordReport(record, svg),
  };
  const tmp = `${dir.replace(/\/+$/, "")}.partial-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(tmp, name), content);
  mkdirSync(dir, { recursive: true });
  for (const name of Object.keys(files)) renameSync(join(tmp, name), join(dir, name));
  rmSync(tmp, { recursive: true, force: true });
  return Object.keys(files).map((name) => join(dir, name));
}

/**
 * The panels of a multi-panel figure in one picture: `figure.svg` and `figure.png` in `dir`, the figures of
 * `records` side by side (two per row).
 *
 * @example writeCombinedFigure("out/bgj-fig1", [below, above]) // ["out/bgj-fig1/figure.svg", ...]
 */
export function writeCombinedFigure(dir: string, records: readonly ExperimentRecord[]): string[] {
  const svg = combineFigures(records.map(renderFigure));
  mkdirSync(dir, { recursive: true });
  const files = { "figure.svg": svg, "figure.png": svgToPng(svg) };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return Object.keys(files).map((name) => join(dir, name));
}
