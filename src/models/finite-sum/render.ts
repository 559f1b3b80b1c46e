import * as Plot from "@observablehq/plot";
import type { ExperimentRecord } from "../../experiment/record.js";
import { plotDocument } from "../../plot/dom.js";
import { escapeXml } from "../../plot/escape.js";
import { recordFigure } from "../../plot/figure.js";
import { headerBlock } from "../../plot/header.js";
import { fontFamily } from "../../plot/styles.js";

const width = 960;
const margin = 16;
const panelHeight = 380;

/** One colour per continuous-time model, the same in every modified-flows figure. */
const modelColors: Record<string, string> = {
  gf: "#e8730c",
  sme1: "#af7aa1",
  sme2: "#76b7b2",
  smf: "#1f5fbf",
  smeShared: "#e15759",
  sgd: "#1a1a1a",
};
const modelLabels: Record<string, string> = {
  gf: "GF",
  sme1: "SME-1",
  sme2: "SME-2",
  smf: "SMF",
  smeShared: "SME, shared BM",
  sgd: "SGD (exact)",
};

/**
 * The figure of a modified-flows record (random-curvature, quadratic-finite-sum, least-squares). For
 * `analysis: "weak-order"`: left, the weak error |model - SGD| of each model against lr on log-log axes,
 * labelled with its fitted slope, with dotted reference lines of slopes 1 and 2; right, each model's observable
 * minus SGD's against t = lr × steps at the first lr. Other analyses are time series: {@link recordFigure}.
 *
 * @example flowsFigure(await runExperiment({ model: { name: "random-curvature" }, observable: "two-point" }))
 */
export function flowsFigure(record: ExperimentRecord): string {
  if (record.spec.analysis !== "weak-order") return recordFigure(record);
  const header = headerBlock(record, undefined, width);
  const half = Math.floor((width - 3 * margin) / 2);
  const top = header.height + 8;
  const left = errorPanel(record, half);
  const right = seriesPanel(record, half);
  const height = top + panelHeight + 30 + margin;
  const parts = [
    header.svg,
    `<g transform="translate(${margin},${top})">${left}</g>`,
    `<g transform="translate(${2 * margin + half},${top})">${right}</g>`,
  ];
  const size = `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`;
  const ns = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
  return `<svg ${ns} ${size} class="sgdlab-figure" color="black"><rect width="${width}" height="${height}" fill="white"/>${parts.join("")}</svg>`;
}

function errorPanel(record: ExperimentRecord, w: number): string {
  const table = record.tables.weakOrder ?? {};
  const lr = (table.lr ?? []) as number[];
  const rows: { lr: number; error: number; model: string }[] = [];
  for (const model of Object.keys(modelColors)) {
    const errors = model === "sgd" ? undefined : (table[model] as number[] | undefined);
    if (!errors) continue;
    const slope = record.scalars[`slope.${model}`];
    const label = `${modelLabels[model]}${slope === undefined ? "" : ` (slope ${slope.toFixed(2)})`}`;
    errors.forEach((error, i) => {
      if (error > 0) rows.push({ lr: lr[i], error, model: label });
    });
  }
  const labels = [...new Set(rows.map((r) => r.model))];
  const colors = labels.map(
    (l) => modelColors[Object.keys(modelLabels).find((k) => l.startsWith(modelLabels[k])) ?? "sgd"],
  );
  const guides = referenceLines(rows, lr);
  return panel("weak error |E model - E SGD| at t = horizon", w, labels, colors, {
    x: { type: "log", label: "lr", grid: true, ticks: lr, tickFormat: (v: number) => lrLabel(v) },
    y: { type: "log", label: "error", grid: true, tickFormat: ".0e" },
    color: { domain: labels, range: colors },
    marks: [
      Plot.line(guides, { x: "lr", y: "error", z: "order", stroke: "#999", strokeDasharray: "2 3" }),
      Plot.text(
        guides.filter((g) => g.end),
        { x: "lr", y: "error", text: "order", dx: 6, textAnchor: "start", fill: "#777" },
      ),
      Plot.line(rows, { x: "lr", y: "error", stroke: "model", strokeWidth: 2 }),
      Plot.dot(rows, { x: "lr", y: "error", fill: "model", r: 3.5 }),
    ],
  });
}

/** Dotted lines of slope 1 (above the largest error) and 2 (below the smallest), over the lr range. */
function referenceLines(rows: { lr: number; error: number }[], lr: number[]) {
  if (rows.length === 0 || lr.length < 2) return [];
  const [lo, hi] = [Math.min(...lr), Math.max(...lr)];
  const atHi = rows.filter((r) => r.lr === hi).map((r) => r.error);
  const anchors = [Math.max(...atHi) * 1.8, Math.min(...atHi) * 0.35];
  return [1, 2].flatMap((p, i) => [
    { lr: hi, error: anchors[i], order: `slope ${p}`, end: true },
    { lr: lo, error: anchors[i] * (lo / hi) ** p, order: `slope ${p}`, end: false },
  ]);
}

/** `1/32` for powers of two, else the number. */
function lrLabel(v: number): string {
  const k = Math.log2(1 / v);
  return Number.isInteger(k) ? `1/${2 ** k}` : String(v);
}

/** Each model's observable minus SGD's against t, at the first learning rate. */
function seriesPanel(record: ExperimentRecord, w: number): string {
  const sgd = record.series.find((s) => s.source === "sgd");
  const stat = sgd ? Object.keys(sgd.values)[0] : "observable";
  const rows = record.series
    .filter((s) => s !== sgd && sgd)
    .flatMap((s) =>
      (s.values[stat] ?? []).map((v, j) => ({
        t: s.t[j],
        value: v - (sgd?.values[stat][j] ?? 0),
        source: modelLabels[s.source] ?? s.source,
      })),
    );
  const labels = [...new Set(rows.map((r) => r.source))];
  const colors = labels.map(
    (l) => modelColors[Object.keys(modelLabels).find((k) => modelLabels[k] === l) ?? "sgd"],
  );
  const lr = (record.tables.weakOrder?.lr ?? [])[0];
  return panel(`${stat}: model - SGD against t, lr = ${lr}`, w, labels, colors, {
    x: { label: "t = lr × steps", grid: true },
    y: { label: `${stat} (model - SGD)`, grid: true, tickFormat: ".1e" },
    color: { domain: labels, range: colors },
    marks: [
      Plot.ruleY([0], { stroke: "#999" }),
      Plot.line(rows, { x: "t", y: "value", stroke: "source", strokeWidth: 1.75 }),
    ],
  });
}

/** A Plot chart under a bold title and a hand-drawn legend (one row per two entries). */
function panel(
  title: string,
  w: number,
  labels: string[],
  colors: string[],
  options: Plot.PlotOptions,
): string {
  const rows = Math.ceil(labels.length / 2);
  const legendHeight = rows * 18 + 6;
  const figure = Plot.plot({
    document: plotDocument(),
    width: w,
    height: panelHeight - legendHeight,
    marginLeft: 64,
    marginRight: 56,
    ...options,
  });
  for (const style of Array.from(figure.querySelectorAll("style"))) style.remove();
  figure.setAttribute("font-family", fontFamily);
  figure.setAttribute("y", String(24 + legendHeight));
  const text = (x: number, y: number, body: string, extra: string) =>
    `<text x="${x}" y="${y}" font-family="${fontFamily}" ${extra}>${escapeXml(body)}</text>`;
  const legend = labels.map((label, i) => {
    const x = 64 + (i % 2) * (w / 2 - 20);
    const y = 34 + Math.floor(i / 2) * 18;
    return `<line x1="${x}" x2="${x + 22}" y1="${y - 4}" y2="${y - 4}" stroke="${colors[i]}" stroke-width="3"/>${text(x + 28, y, label, 'font-size="12"')}`;
  });
  const head = text(w / 2, 15, title, 'text-anchor="middle" font-size="14" font-weight="bold"');
  return `${head}${legend.join("")}${figure.outerHTML}`;
}
