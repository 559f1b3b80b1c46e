import * as Plot from "@observablehq/plot";
import type { Series } from "../experiment/record.js";
import { plotDocument } from "./dom.js";
import { escapeXml } from "./escape.js";
import { type AxisTypes, clipBand, type Point, seriesPoints } from "./points.js";
import { fontFamily, type SourceStyle } from "./styles.js";

/** Height of the title line above each panel's plot. */
export const panelTitleHeight = 22;

/** What one panel draws: a statistic of every series that has it, in a box of the given size. */
export interface PanelOptions {
  statistic: string;
  series: readonly Series[];
  styles: ReadonlyMap<string, SourceStyle>;
  width: number;
  height: number;
  axes: AxisTypes;
}

/** Simulations with at most this many record points also get a dot at each point. */
const maxDots = 60;

/**
 * One panel as an SVG fragment: `<g class="sgdlab-panel" data-statistic="...">` with a title line and a
 * Plot chart below it (x = effective time t, y = the statistic), placed at the origin; the caller
 * translates it. Simulation means come with a ±1 standard error band; each theory is its own line.
 *
 * @example panelSvg({ statistic: "m", series: record.series, styles: sourceStyles(record), width: 460,
 *   height: 280, axes: { logX: false, logY: false } })
 */
export function panelSvg(options: PanelOptions): string {
  const { statistic, width, height } = options;
  const chart = Plot.plot({
    document: plotDocument(),
    width,
    height,
    marginLeft: 64,
    marginRight: 18,
    marginTop: 12,
    marginBottom: 44,
    x: {
      label: "t (effective time)",
      labelAnchor: "center",
      labelArrow: "none",
      grid: true,
      ...scale(options.axes.logX),
    },
    y: {
      label: statistic,
      labelAnchor: "center",
      labelArrow: "none",
      grid: true,
      ...scale(options.axes.logY),
    },
    marks: panelMarks(options),
  });
  for (const style of Array.from(chart.querySelectorAll("style"))) style.remove();
  chart.setAttribute("font-family", fontFamily);
  chart.setAttribute("font-size", "12");
  chart.setAttribute("y", String(panelTitleHeight));
  const name = escapeXml(statistic);
  const title = `<text x="${width / 2}" y="15" text-anchor="middle" font-family="${fontFamily}" font-size="15" font-weight="bold">${name}</text>`;
  return `<g class="sgdlab-panel" data-statistic="${name}">${title}${chart.outerHTML}</g>`;
}

/** Scale options: log axes label their ticks as plain numbers (0.2, 0.5, 1, 10), not SI (200m). */
function scale(log: boolean): { type: "log"; tickFormat: string } | { type: "linear"; nice: true } {
  return log ? { type: "log", tickFormat: "~g" } : { type: "linear", nice: true };
}

/** The marks of a panel: bands first, then simulation lines, then theory lines on top. */
function panelMarks(options: PanelOptions): Plot.Markish[] {
  const layers = options.series
    .filter((s) => s.values[options.statistic] !== undefined)
    .map((s) => ({ series: s, points: seriesPoints(s, options.statistic, options.axes) }));
  const floor = options.axes.logY ? lowestValue(layers.map((l) => l.points)) / 2 : Number.NaN;
  const bands: Plot.Markish[] = [];
  const lines: Plot.Markish[] = [];
  for (const { series, points } of layers) {
    const style = options.styles.get(series.source);
    if (style === undefined || points.length === 0) continue;
    if (series.stderr?.[options.statistic] !== undefined) {
      bands.push(bandMark(options.axes.logY ? clipBand(points, floor) : points, style));
    }
    const line = lineMarks(points, style, series.stderr !== undefined);
    if (series.stderr !== undefined) lines.unshift(...line);
    else lines.push(...line);
  }
  if (bands.length + lines.length === 0) return [Plot.frame(), noData()];
  return [...bands, ...lines];
}

function bandMark(points: readonly Point[], style: SourceStyle): Plot.Markish {
  return Plot.areaY(points, { x: "t", y1: "lo", y2: "hi", fill: style.color, fillOpacity: 0.2 });
}

function lineMarks(points: readonly Point[], style: SourceStyle, simulated: boolean): Plot.Markish[] {
  const line = Plot.lineY(points, {
    x: "t",
    y: "y",
    stroke: style.color,
    strokeWidth: style.width,
    strokeDasharray: style.dash,
  });
  if (!simulated || points.length > maxDots) return [line];
  return [line, Plot.dot(points, { x: "t", y: "y", fill: style.color, r: 2.5 })];
}

function noData(): Plot.Markish {
  return Plot.text(["no finite data"], { frameAnchor: "middle", fontSize: 13, fill: "#888" });
}

function lowestValue(layers: readonly Point[][]): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (const points of layers) {
    for (const p of points) if (p.y > 0) lowest = Math.min(lowest, p.lo > 0 ? p.lo : p.y);
  }
  return Number.isFinite(lowest) ? lowest : 1;
}
