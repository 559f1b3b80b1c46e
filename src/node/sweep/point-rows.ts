import { verdictWord } from "../../experiment/power.js";
import type { SweepDocument } from "../../sweep/document.js";

type Cell = string | number | boolean | null;

/**
 * The sweep as a flat table, one row per point: `index`, one column per axis (its path), `key`, `status`,
 * `cached`, `runId`, then `scalars.<name>`, `<source>.<statistic>.final` and `.final.stderr`,
 * `<source>.<statistic>.max` and `agreement.<statistic>.<source>` (the verdict: agrees, underpowered or disagrees) over the union of what
 * the points have (missing cells empty). Object-valued axis values are written as JSON.
 *
 * @example pointRows(doc).columns.slice(0, 3) // ["index", "model.snr", "optimizer.cDelta"]
 */
export function pointRows(doc: SweepDocument): { columns: string[]; rows: Cell[][] } {
  const flat = doc.points.map((p, index) => {
    const row: Record<string, Cell> = { index };
    for (const a of doc.axes) row[a.path] = cell(p.params[a.path]);
    Object.assign(row, { key: p.key, status: p.status, cached: p.cached, runId: p.runId });
    for (const [k, v] of Object.entries(p.scalars)) row[`scalars.${k}`] = v;
    for (const [source, stats] of Object.entries(p.final)) {
      for (const [stat, f] of Object.entries(stats)) {
        row[`${source}.${stat}.final`] = f.mean;
        row[`${source}.${stat}.final.stderr`] = f.stderr;
        row[`${source}.${stat}.max`] = p.max[source]?.[stat] ?? null;
      }
    }
    for (const [stat, bySource] of Object.entries(p.agreement))
      for (const [source, v] of Object.entries(bySource)) row[`agreement.${stat}.${source}`] = verdictWord(v);
    return row;
  });
  const columns: string[] = [];
  for (const row of flat) for (const c of Object.keys(row)) if (!columns.includes(c)) columns.push(c);
  return { columns, rows: flat.map((row) => columns.map((c) => row[c] ?? null)) };
}

function cell(value: unknown): Cell {
  return value === null || ["string", "number", "boolean"].includes(typeof value)
    ? (value as Cell)
    : JSON.stringify(value);
}

/**
 * RFC 4180 CSV of {@link pointRows}: a header line, fields with commas, quotes or newlines quoted, empty
 * cells for missing values.
 *
 * @example pointsCsv(doc).split("\n")[0] // "index,model.snr,optimizer.cDelta,key,status,..."
 */
export function pointsCsv(doc: SweepDocument): string {
  const { columns, rows } = pointRows(doc);
  const quote = (x: Cell) => {
    const s = x === null ? "" : String(x);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[columns, ...rows].map((r) => r.map(quote).join(",")).join("\n")}\n`;
}
