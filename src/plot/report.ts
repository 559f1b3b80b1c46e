import { verdictLabel } from "../experiment/power.js";
import type { ExperimentRecord } from "../experiment/record.js";
import { escapeXml, formatNumber } from "./escape.js";
import { defaultTitle, specSummary } from "./header.js";
import { htmlSection, htmlTable, type Row, reportCss } from "./html.js";

/** Tables with more rows than this are cut in the report (the record keeps them whole). */
const maxTableRows = 200;

/**
 * A self-contained HTML page for a record: title and status badge, the figure, the scalars, the agreement
 * between simulation and each theory, the record's tables, the spec as JSON, provenance and timing.
 * No external assets (inline CSS, inline SVG, no script). Everything taken from the record is
 * HTML-escaped; `svg` is inserted as it is, so pass the output of `recordFigure`.
 *
 * @example
 * const html = recordReport(record, recordFigure(record));
 * // "<!doctype html><html lang="en">...<h1>spiked-tensor <span class="badge ok">ok</span></h1>..."
 */
export function recordReport(record: ExperimentRecord, svg: string): string {
  const title = defaultTitle(record.spec);
  const body = [
    heading(record, title),
    messages(record.messages),
    `<figure>${svg}</figure>`,
    htmlSection("Scalars", scalarsTable(record.scalars)),
    htmlSection("Agreement (simulation vs theory)", agreementTable(record.agreement)),
    tablesSection(record.tables),
    htmlSection("Spec", `<pre class="spec">${escapeXml(JSON.stringify(record.spec ?? {}, null, 2))}</pre>`),
    htmlSection("Provenance and timing", provenanceTable(record)),
  ];
  const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`;
  const page = `<title>${escapeXml(`${title} — sgdlab`)}</title><style>${reportCss}</style>`;
  return `<!doctype html>\n<html lang="en"><head>${head}${page}</head><body>${body.join("\n")}</body></html>\n`;
}

function heading(record: ExperimentRecord, title: string): string {
  const status = String(record.status);
  const badge = `<span class="badge ${status === "ok" ? "ok" : "fail"}">${escapeXml(status)}</span>`;
  const meta = `<p class="meta">${escapeXml(specSummary(record.spec))}</p>`;
  return `<header><h1>${escapeXml(title)} ${badge}</h1>${meta}</header>`;
}

function messages(list: readonly string[] | undefined): string {
  if (list === undefined || list.length === 0) return "";
  return `<ul class="messages">${list.map((m) => `<li>${escapeXml(String(m))}</li>`).join("")}</ul>`;
}

function empty(what: string): string {
  return `<p class="empty">${escapeXml(`No ${what} in this record.`)}</p>`;
}

function scalarsTable(scalars: Record<string, number> | undefined): string {
  const rows = Object.entries(scalars ?? {}).map(([name, value]) => ({ cells: [name, formatNumber(value)] }));
  return rows.length === 0 ? empty("scalars") : htmlTable(["name", "value"], rows, "scalars");
}

/**
 * One row per statistic and theory, with its verdict ("agrees", "underpowered" or "DISAGREES"), the
 * smallest gap the check detects and the scale that is judged against; a failed comparison is marked ✗.
 */
function agreementTable(agreement: ExperimentRecord["agreement"] | undefined): string {
  const rows: Row[] = [];
  for (const [statistic, theories] of Object.entries(agreement ?? {})) {
    for (const [theory, e] of Object.entries(theories ?? {})) {
      const pass = e?.pass === true;
      const cells = [statistic, theory, formatNumber(e?.maxAbs, 4), formatNumber(e?.at, 4)];
      cells.push(formatNumber(e?.tolerance, 4), formatNumber(e?.detectable, 4), formatNumber(e?.scale, 4));
      cells.push(formatNumber(e?.final, 4), pass ? "✓" : "✗", e ? verdictLabel(e) : "");
      rows.push({ cells, className: pass ? "pass" : "fail" });
    }
  }
  const headers = ["statistic", "theory", "max |sim − theory|", "at t", "tolerance", "detectable", "scale"];
  headers.push("final gap", "pass", "verdict");
  return rows.length === 0 ? empty("agreement measurements") : htmlTable(headers, rows, "agreement");
}

function tablesSection(tables: ExperimentRecord["tables"] | undefined): string {
  const entries = Object.entries(tables ?? {});
  if (entries.length === 0) return "";
  const parts = entries.map(([name, table]) => `<h3>${escapeXml(name)}</h3>${columnTable(table)}`);
  return htmlSection("Tables", parts.join(""));
}

/** A column-oriented record table as rows, cut at {@link maxTableRows} with a note. */
function columnTable(table: Record<string, (number | string)[]>): string {
  const columns = Object.keys(table);
  const length = Math.max(0, ...columns.map((c) => table[c]?.length ?? 0));
  const rows: Row[] = [];
  for (let i = 0; i < Math.min(length, maxTableRows); i++) {
    rows.push({ cells: columns.map((c) => formatNumber(table[c]?.[i])) });
  }
  const note =
    length > maxTableRows ? `<p class="empty">${length - maxTableRows} more rows in the record.</p>` : "";
  return htmlTable(columns, rows) + note;
}

function provenanceTable(record: ExperimentRecord): string {
  const p = record.provenance;
  const rows: Row[] = [
    { cells: ["sgdlab", String(record.sgdlab ?? "—")] },
    { cells: ["commit", p?.commit ?? "—"] },
    { cells: ["node", p?.node ?? "—"] },
    { cells: ["platform", p?.platform ?? "—"] },
    { cells: ["started at", p?.startedAt ?? "—"] },
  ];
  for (const [name, seconds] of Object.entries(record.timing ?? {})) {
    rows.push({ cells: [name, formatNumber(seconds, 4)] });
  }
  return htmlTable(["item", "value"], rows, "provenance");
}
