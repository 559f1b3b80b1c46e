import { escapeXml, formatNumber } from "../plot/escape.js";
import { htmlSection, htmlTable, type Row, reportCss } from "../plot/html.js";
import { pointSummary, type SweepDocument } from "./document.js";
import type { SweepPlan } from "./plan.js";
import { pointValue } from "./values.js";

/** Points beyond this many are left out of the report's table (sweep.json keeps them all). */
const maxRows = 500;

/**
 * A self-contained HTML page for a sweep: title, counts, the figure (`svg`, inserted as it is), and a
 * table with one row per point (axis values, status, the drawn value with its standard error, key).
 * Everything else is escaped.
 *
 * @example writeFileSync("report.html", sweepReport(plan, doc, sweepFigure(plan, doc)))
 */
export function sweepReport(plan: SweepPlan, doc: SweepDocument, svg: string): string {
  const valueName = (plan.figure.color ?? plan.figure.y) as string;
  const paths = plan.axes.map((a) => a.path);
  const rows: Row[] = doc.points.slice(0, maxRows).map((p) => {
    const v = pointValue(pointSummary(p), valueName);
    const shown =
      v.kind === "number"
        ? `${formatNumber(v.value)}${v.stderr === null ? "" : ` ± ${formatNumber(v.stderr)}`}`
        : v.kind === "category"
          ? v.value
          : "—";
    return {
      cells: [...paths.map((path) => JSON.stringify(p.params[path])), p.status, shown, p.key],
      className: p.status === "ok" ? undefined : "fail",
    };
  });
  const { counts } = doc;
  const title = plan.title ?? plan.name;
  const meta = `sweep ${doc.id} · ${counts.points} points (${counts.run} computed, ${counts.cached} from the store, ${counts.failed} failed) · sgdlab ${doc.code.sgdlab}${doc.code.commit ? ` (${doc.code.commit})` : ""}`;
  const more =
    doc.points.length > maxRows
      ? `<p class="empty">${doc.points.length - maxRows} more points in sweep.json</p>`
      : "";
  const body = [
    `<header><h1>${escapeXml(title)}</h1><p class="meta">${escapeXml(meta)}</p></header>`,
    `<figure>${svg}</figure>`,
    htmlSection("Points", htmlTable([...paths, "status", valueName, "key"], rows) + more),
  ];
  const head = `<meta charset="utf-8"><title>${escapeXml(`${title} — sgdlab sweep`)}</title><style>${reportCss}</style>`;
  return `<!doctype html>\n<html lang="en"><head>${head}</head><body>${body.join("\n")}</body></html>\n`;
}
