import { escapeXml } from "./escape.js";

/** One table row: its cell texts (escaped when written) and an optional CSS class. */
export interface Row {
  cells: string[];
  className?: string;
}

/**
 * An HTML `<table>` with a header row; every header and cell text is HTML-escaped.
 *
 * @example htmlTable(["name", "value"], [{ cells: ["lambdaC", "0.5"] }])
 * // "<table><thead><tr><th>name</th><th>value</th></tr></thead><tbody><tr><td>lambdaC</td>..."
 */
export function htmlTable(headers: readonly string[], rows: readonly Row[], className = ""): string {
  const head = `<tr>${headers.map((h) => `<th>${escapeXml(h)}</th>`).join("")}</tr>`;
  const body = rows.map((row) => {
    const cls = row.className === undefined ? "" : ` class="${escapeXml(row.className)}"`;
    return `<tr${cls}>${row.cells.map((c) => `<td>${escapeXml(c)}</td>`).join("")}</tr>`;
  });
  const cls = className === "" ? "" : ` class="${escapeXml(className)}"`;
  return `<table${cls}><thead>${head}</thead><tbody>${body.join("")}</tbody></table>`;
}

/**
 * A `<section>` with a heading; `body` is HTML and is inserted as it is (escape its parts first).
 *
 * @example htmlSection("Scalars", htmlTable(["name", "value"], rows))
 */
export function htmlSection(heading: string, body: string): string {
  return `<section><h2>${escapeXml(heading)}</h2>${body}</section>`;
}

/** The inline stylesheet of a report page: no external fonts, scripts or images. */
export const reportCss = `
body { font-family: "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
  margin: 2rem auto; max-width: 1040px; padding: 0 1rem; color: #1a1a1a; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; display: flex; align-items: center; gap: .7rem; flex-wrap: wrap; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 .5rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
.meta { color: #555; font-size: .9rem; }
.badge { font-size: .8rem; font-weight: bold; padding: .15rem .6rem; border-radius: 1rem; color: white; }
.badge.ok { background: #2a7d3a; }
.badge.fail { background: #b3261e; }
.messages li { color: #b3261e; }
figure { margin: 1rem 0; overflow-x: auto; }
figure > svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .25rem .8rem; text-align: left; }
th { background: #f5f5f5; }
tr.pass td:last-child { color: #2a7d3a; font-weight: bold; }
tr.fail td { background: #fdecea; }
tr.fail td:last-child { color: #b3261e; font-weight: bold; }
pre { background: #f6f6f6; padding: .8rem; overflow-x: auto; font-size: .85rem; }
.empty { color: #777; font-style: italic; }
`;
