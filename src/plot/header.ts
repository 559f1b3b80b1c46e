import type { ExperimentRecord } from "../experiment/record.js";
import { escapeXml, formatNumber } from "./escape.js";
import { fontFamily, type SourceStyle } from "./styles.js";

/** An SVG fragment and the height it takes. */
export interface Block {
  svg: string;
  height: number;
}

/** Rough width of one character at 12px in DejaVu Sans, used to wrap and truncate text. */
const charWidth = 7;

/**
 * The header of a figure: a bold title, one line of key spec values and, when the record's status is not
 * `"ok"`, a red status line with the first message.
 *
 * @example headerBlock(record, "Spiked tensor, p = 3", 960).height // 44 (or 62 with a status line)
 */
export function headerBlock(record: ExperimentRecord, title: string | undefined, width: number): Block {
  const lines: string[] = [];
  let y = 24;
  const heading = title ?? defaultTitle(record.spec);
  lines.push(text(16, y, truncate(heading, width, 11.5), 'font-size="18" font-weight="bold"'));
  const summary = specSummary(record.spec);
  if (summary !== "") {
    y += 20;
    lines.push(text(16, y, truncate(summary, width, charWidth), 'font-size="12" fill="#444"'));
  }
  if (record.status !== "ok") {
    y += 20;
    const why = record.messages?.[0] === undefined ? "" : `: ${record.messages[0]}`;
    const status = truncate(`status ${record.status}${why}`, width, charWidth);
    lines.push(text(16, y, status, 'font-size="12" font-weight="bold" fill="#b3261e"'));
  }
  return { svg: lines.join(""), height: y + 10 };
}

/**
 * A hand-drawn legend, one shared key for all panels: a short line in each source's colour and dash
 * pattern, with a grey band behind the sources that carry a standard error. Wraps onto further rows.
 *
 * @example legendBlock([...sourceStyles(record).values()], new Map([["simulation", 8]]), 960)
 */
export function legendBlock(
  styles: readonly SourceStyle[],
  runs: ReadonlyMap<string, number>,
  width: number,
): Block {
  const items: string[] = [];
  let x = 16;
  let y = 12;
  for (const style of styles) {
    const label = legendLabel(style.source, runs);
    const itemWidth = 44 + label.length * charWidth + 24;
    if (x + itemWidth > width - 16 && x > 16) {
      x = 16;
      y += 22;
    }
    items.push(legendItem(style, label, x, y, runs.has(style.source)));
    x += itemWidth;
  }
  return { svg: `<g class="sgdlab-legend">${items.join("")}</g>`, height: styles.length === 0 ? 0 : y + 16 };
}

function legendLabel(source: string, runs: ReadonlyMap<string, number>): string {
  const n = runs.get(source);
  if (n === undefined) return source;
  return n > 0 ? `${source} (mean ± s.e., ${n} runs)` : `${source} (mean ± s.e.)`;
}

function legendItem(style: SourceStyle, label: string, x: number, y: number, band: boolean): string {
  const dash = style.dash === undefined ? "" : ` stroke-dasharray="${style.dash}"`;
  const swatch = band
    ? `<rect x="${x}" y="${y - 6}" width="36" height="12" fill="${style.color}" fill-opacity="0.2"/>`
    : "";
  const line = `<line x1="${x}" x2="${x + 36}" y1="${y}" y2="${y}" stroke="${style.color}" stroke-width="${style.width}"${dash}/>`;
  const caption = text(x + 44, y + 4, label, 'font-size="12"');
  return `<g class="sgdlab-legend-item" data-source="${escapeXml(style.source)}">${swatch}${line}${caption}</g>`;
}

function text(x: number, y: number, content: string, attributes: string): string {
  return `<text x="${x}" y="${y}" font-family="${fontFamily}" ${attributes}>${escapeXml(content)}</text>`;
}

function truncate(content: string, width: number, perChar: number): string {
  const max = Math.max(8, Math.floor((width - 32) / perChar));
  return content.length <= max ? content : `${content.slice(0, max - 1)}…`;
}

/**
 * A title from a spec: its `title`, `name`, `experiment` or `id` field, else its model name.
 *
 * @example defaultTitle({ model: { name: "spiked-tensor" } }) // "spiked-tensor"
 */
export function defaultTitle(spec: Record<string, unknown> | undefined): string {
  for (const key of ["title", "name", "experiment", "id"]) {
    const value = spec?.[key];
    if (typeof value === "string" && value !== "") return value;
  }
  const model = (spec?.model as { name?: unknown } | undefined)?.name;
  return typeof model === "string" && model !== "" ? model : "sgdlab experiment";
}

/**
 * One line of key spec values: top-level numbers, strings and booleans as `key=value`, and each nested
 * object as `key: name (a=1, b=2)` with its own scalar fields. Arrays and deeper nesting are left out.
 *
 * @example specSummary({ model: { name: "spiked-tensor", p: 3, N: 1000 }, lr: 0.1 })
 * // "model: spiked-tensor (p=3, N=1000) · lr=0.1"
 */
export function specSummary(spec: Record<string, unknown> | undefined): string {
  const parts: string[] = [];
  const titleKeys = ["name", "experiment", "id", "title"];
  for (const [key, value] of Object.entries(spec ?? {})) {
    if (titleKeys.includes(key)) continue;
    if (isScalar(value)) parts.push(`${key}=${scalarText(value)}`);
    else if (isObject(value)) parts.push(objectSummary(key, value));
  }
  return parts.join(" · ");
}

function objectSummary(key: string, value: Record<string, unknown>): string {
  const name = typeof value.name === "string" ? `: ${value.name}` : "";
  const fields = Object.entries(value)
    .filter(([k, v]) => k !== "name" && isScalar(v))
    .map(([k, v]) => `${k}=${scalarText(v as string | number | boolean)}`);
  const inner = fields.length === 0 ? "" : ` (${fields.join(", ")})`;
  return `${key}${name}${inner}`;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function scalarText(value: string | number | boolean): string {
  return typeof value === "number" ? formatNumber(value, 4) : String(value);
}
