import * as Plot from "@observablehq/plot";
import type { ExperimentRecord, Table } from "../../experiment/record.js";
import { plotDocument } from "../../plot/dom.js";
import { escapeXml } from "../../plot/escape.js";
import { recordFigure } from "../../plot/figure.js";
import { headerBlock } from "../../plot/header.js";
import { fontFamily } from "../../plot/styles.js";

const width = 960;
const margin = 16;
const panelHeight = 340;
const simColour = "#1a1a1a";
const theoryColour = "#1f5fbf";
const depthColours = ["#1a1a1a", "#1f5fbf", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#7f8c8d", "#16a085"];
const regimeColours: Record<string, string> = {
  "vanishing-at-0": "#cfe3f7",
  bimodal: "#f9d9a8",
  "divergent-at-0": "#f4b6b6",
  collapsed: "#bdbdbd",
};

/**
 * The figure of a `diagonal-linear-network` record. `stationary`: the histogram of v next to the theory
 * density on the same bins, with the KS distance. `temperature-sweep`: IQR of v against T per depth
 * (dots simulation, lines theory: fluctuation inversion), the near-zero growth rate of ln v (dots ± 1 se,
 * line the discrete prediction, dashed the continuum), and the (T, sigma) regime map when present.
 * `balance` and `memory`: the time-series panels of {@link recordFigure}.
 *
 * @example dlnFigure(await runExperiment(spec)) // "<svg ...>"
 */
export function dlnFigure(record: ExperimentRecord): string {
  const analysis = record.spec.analysis;
  if (analysis === "stationary") return compose(record, [stationaryPanel(record)], stationaryKey(record));
  if (analysis === "temperature-sweep") {
    const panels = [spreadPanel(record), growthPanel(record)];
    if (record.tables.regimes) panels.push(regimePanel(record));
    const key = record.tables.regimes
      ? "dots: SGD chains; lines: stationary law and predictions; grey dashed: Tc | regime map: blue vanishing-at-0, orange bimodal, red divergent-at-0, grey collapsed; Tc solid, Tc/3 dashed, T* dotted, o discrete collapse"
      : "dots: SGD chains; lines: stationary law / predictions; colour: depth D (grey dashed: Tc)";
    return compose(record, panels, key);
  }
  if (analysis === "balance")
    return recordFigure(record, {
      statistics: ["logImbalanceRatio", "imbalanceDrift", "v"],
      columns: 3,
      panelHeight: 260,
    });
  return recordFigure(record, { panelHeight: 260 });
}

function stationaryKey(record: ExperimentRecord): string {
  const s = record.scalars;
  const ks =
    s.ks === undefined
      ? "no theory (not normalisable)"
      : `KS ${s.ks.toFixed(4)} (tolerance ${s.ksTolerance.toFixed(4)})`;
  return `bars: SGD histogram of v; line: stationary law (closed form); ${ks}; T = ${s.T}`;
}

function stationaryPanel(record: ExperimentRecord): SVGElement {
  const d = record.distributions.v;
  const bars = d.simulation.map((y, j) => ({ x1: d.edges[j], x2: d.edges[j + 1], y }));
  const line = (d.theory ?? []).map((y, j) => ({ x: 0.5 * (d.edges[j] + d.edges[j + 1]), y }));
  return plot(width - 2 * margin, "v", "density", [
    Plot.rectY(bars, { x1: "x1", x2: "x2", y: "y", fill: "#bbbbbb", stroke: "white", strokeWidth: 0.5 }),
    Plot.line(line, { x: "x", y: "y", stroke: theoryColour, strokeWidth: 2 }),
  ]);
}

function rows(t: Table): Record<string, number | string>[] {
  const keys = Object.keys(t);
  return (t[keys[0]] ?? []).map((_, i) => Object.fromEntries(keys.map((k) => [k, t[k][i]])));
}

function spreadPanel(record: ExperimentRecord): SVGElement {
  const data = rows(record.tables.sweep).map((r) => ({ ...r, depth: `D = ${r.depth}` }));
  const depths = [...new Set(data.map((r) => r.depth))];
  const color = { domain: depths, range: depthColours.slice(0, depths.length) };
  const ends = depths.map((d) => data.filter((r) => r.depth === d).at(-1));
  return plot(
    (width - 3 * margin) / 2,
    "T = lr / batch",
    "IQR of v",
    [
      Plot.line(data, { x: "T", y: "theoryIqr", stroke: "depth", strokeWidth: 1.75 }),
      Plot.dot(data, { x: "T", y: "simIqr", fill: "depth", r: 3.5 }),
      Plot.text(ends, {
        x: "T",
        y: "theoryIqr",
        text: "depth",
        fill: "depth",
        dx: -8,
        dy: -10,
        textAnchor: "end",
      }),
      Plot.ruleX([record.scalars.Tc], { stroke: "#888", strokeDasharray: "4,3" }),
    ],
    { x: { type: "log" }, color },
  );
}

function growthPanel(record: ExperimentRecord): SVGElement {
  const data = rows(record.tables.growth).map((r) => ({
    ...r,
    lo: Number(r.simRate) - Number(r.simRateStderr),
    hi: Number(r.simRate) + Number(r.simRateStderr),
  }));
  const marks = [
    Plot.ruleY([0], { stroke: "#888" }),
    Plot.line(data, { x: "T", y: "continuumRate", stroke: theoryColour, strokeDasharray: "5,4" }),
    Plot.line(data, { x: "T", y: "predictedRate", stroke: theoryColour, strokeWidth: 1.75 }),
    Plot.ruleX(data, { x: "T", y1: "lo", y2: "hi", stroke: simColour }),
    Plot.dot(data, { x: "T", y: "simRate", fill: simColour, r: 3.5 }),
    Plot.ruleX([record.scalars.Tc], { stroke: "#888", strokeDasharray: "4,3" }),
  ];
  if (record.scalars.TcDiscrete !== undefined)
    marks.push(Plot.ruleX([record.scalars.TcDiscrete], { stroke: "#c0392b" }));
  return plot(
    (width - 3 * margin) / 2,
    "T (depth 1; red: discrete collapse, grey: Tc)",
    "growth rate of ln v near 0",
    marks,
    {
      x: { type: "log" },
    },
  );
}

function regimePanel(record: ExperimentRecord): SVGElement {
  const cells = rows(record.tables.regimes);
  const bounds = rows(record.tables.regimeBoundaries);
  const line = (key: string) =>
    bounds.filter((b) => Number(b[key]) > 0).map((b) => ({ sigma: b.sigma, T: b[key] }));
  const regimes = Object.keys(regimeColours);
  return plot(
    width - 2 * margin,
    "T = lr / batch",
    "sigma (label noise)",
    [
      Plot.dot(cells, { x: "T", y: "sigma", fill: "regime", r: 4.5 }),
      Plot.line(line("Tc"), { x: "T", y: "sigma", stroke: "#333", strokeWidth: 1.5 }),
      Plot.line(line("TcOver3"), { x: "T", y: "sigma", stroke: "#333", strokeDasharray: "4,3" }),
      Plot.line(line("Tstar"), { x: "T", y: "sigma", stroke: "#a0522d", strokeDasharray: "2,2" }),
      Plot.dot(line("TcDiscrete"), { x: "T", y: "sigma", stroke: "#c0392b", r: 5 }),
    ],
    {
      x: { type: "log" },
      color: { domain: regimes, range: regimes.map((r) => regimeColours[r]), legend: true },
    },
  );
}

function plot(
  w: number,
  xLabel: string,
  yLabel: string,
  marks: Plot.Markish[],
  extra: Partial<Plot.PlotOptions> = {},
) {
  const svg = Plot.plot({
    document: plotDocument(),
    width: w,
    height: panelHeight,
    marginLeft: 64,
    marginBottom: 42,
    ...extra,
    x: { label: xLabel, labelAnchor: "center", labelArrow: "none", grid: true, ...(extra.x ?? {}) },
    y: { label: yLabel, labelAnchor: "center", labelArrow: "none", grid: true },
    marks,
  });
  // Plot wraps the chart in an HTML <figure> when it adds swatches; keep the <svg> chart only.
  const chart =
    svg.tagName.toLowerCase() === "svg"
      ? svg
      : Array.from(svg.children).findLast((c) => c.tagName.toLowerCase() === "svg");
  return (chart ?? svg) as unknown as SVGElement;
}

/** Header, a one-line key, then the panels: two per row when narrower than the figure. */
function compose(record: ExperimentRecord, panels: SVGElement[], key: string): string {
  const header = headerBlock(record, record.spec.title as string | undefined, width);
  const lines = key.split(" | ");
  const keyLine = lines
    .map(
      (l, i) =>
        `<text x="${margin}" y="${14 + 16 * i}" font-family="${fontFamily}" font-size="12">${escapeXml(l)}</text>`,
    )
    .join("");
  let y = header.height + 8 + 16 * lines.length;
  let x = margin;
  let rowHeight = 0;
  const placed: string[] = [];
  for (const panel of panels) {
    for (const style of Array.from(panel.querySelectorAll("style"))) style.remove();
    panel.setAttribute("font-family", fontFamily);
    const w = Number(panel.getAttribute("width") ?? width);
    const h = Number(panel.getAttribute("height") ?? panelHeight) || panelHeight;
    if (x + w > width - margin + 1 && x > margin) {
      x = margin;
      y += rowHeight + margin;
      rowHeight = 0;
    }
    placed.push(`<g transform="translate(${x},${y})">${panel.outerHTML}</g>`);
    x += w + margin;
    rowHeight = Math.max(rowHeight, h + 40);
  }
  const height = y + rowHeight + margin;
  const ns = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
  const size = `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`;
  return `<svg ${ns} ${size} class="sgdlab-figure" color="black"><rect width="${width}" height="${height}" fill="white"/>${header.svg}<g transform="translate(0,${header.height})">${keyLine}</g>${placed.join("")}</svg>`;
}
