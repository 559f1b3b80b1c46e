import * as Plot from "@observablehq/plot";
import { plotDocument } from "../plot/dom.js";
import { escapeXml, formatNumber } from "../plot/escape.js";
import { fontFamily } from "../plot/styles.js";
import type { Axis } from "./axes.js";
import { pointSummary, type SweepDocument } from "./document.js";
import type { SweepOverlay } from "./overlay.js";
import type { SweepPlan } from "./plan.js";
import { pointValue } from "./values.js";

/** Marker of a point whose status is not ok, drawn over its cell or at its x. */
const statusSymbols: Record<string, string> = { diverged: "times", failed: "triangle", missing: "circle" };

/** One drawn point: its axis coordinates, its value and its status. */
interface Cell {
  x: number;
  y: number;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  value: number | string | null;
  stderr: number | null;
  status: string;
}

/**
 * The figure of a sweep as one standalone SVG: a heatmap for two axes (`figure.color` per cell, cells
 * spanning the midpoints between axis values), a line with ±1 standard-error bars for one axis
 * (`figure.y` against `figure.x`), with the theoretical `overlays` drawn on top and points whose status
 * is not ok marked (× diverged, ▲ failed). Categorical values (status, agreement verdicts) get a
 * categorical colour scale.
 *
 * @example writeFileSync("sweep.svg", sweepFigure(plan, doc, [{ label: "lambdaC", points }]))
 */
export function sweepFigure(
  plan: SweepPlan,
  doc: SweepDocument,
  overlays: readonly SweepOverlay[] = [],
): string {
  const { figure } = plan;
  const axis = (path: string) => plan.axes.find((a) => a.path === path) as Axis;
  const x = axis(figure.x);
  const heat = figure.color !== undefined;
  const y = heat ? axis(figure.y as string) : undefined;
  const valueName = (figure.color ?? figure.y) as string;
  const log = figure.logColor === true;
  const cells = doc.points
    .map((p) => cellOf(p, x, y, valueName, figure.error))
    .map((c) => (log && !(typeof c.value === "number" && c.value > 0) ? { ...c, value: null } : c));
  const numeric = cells.some((c) => typeof c.value === "number");
  const marks = heat ? heatMarks(cells, numeric) : lineMarks(cells, numeric);
  const title = plan.title ?? plan.name;
  const chart = Plot.plot({
    document: plotDocument(),
    width: 720,
    height: 480,
    marginLeft: 70,
    marginBottom: 48,
    marginTop: 36,
    x: { label: x.path, type: scaleType(x), labelAnchor: "center", labelArrow: "none", grid: !heat },
    y: {
      label: heat ? (y as Axis).path : valueName,
      labelAnchor: "center",
      labelArrow: "none",
      grid: !heat,
      ...(heat ? { type: scaleType(y as Axis) } : numeric ? {} : { type: "point" as const }),
    },
    color: numeric
      ? { type: log ? "log" : "linear", scheme: "viridis", label: valueName }
      : { type: "categorical" },
    marks: [...marks, ...overlayMarks(overlays), Plot.frame({ strokeOpacity: 0.3 })],
  });
  // A line's y axis names its value; only colours need a legend.
  return standalone(chart, heat || !numeric ? legendSvg(chart, numeric, valueName) : "", title);
}

/** The colour legend as SVG: a gradient bar with its end values for numbers, swatches for categories. */
function legendSvg(chart: ReturnType<typeof Plot.plot>, numeric: boolean, name: string): string {
  const color = chart.scale("color");
  if (!color) return "";
  const caption = `<text x="${numeric ? 252 : 0}" y="${numeric ? 14 : -4}" font-weight="bold">${escapeXml(name)}</text>`;
  const domain = (color.domain ?? []) as (number | string)[];
  if (numeric) {
    const [lo, hi] = [Number(domain[0]), Number(domain.at(-1))];
    const at = (s: number) => (color.type === "log" ? lo * (hi / lo) ** s : lo + (hi - lo) * s);
    const stops = Array.from({ length: 11 }, (_, i) => {
      const c = color.apply?.(at(i / 10)) as string;
      return `<stop offset="${i * 10}%" stop-color="${escapeXml(String(c))}"/>`;
    });
    const gradient = `<defs><linearGradient id="sgdlab-sweep-ramp">${stops.join("")}</linearGradient></defs>`;
    const bar = `<rect x="0" y="4" width="240" height="12" fill="url(#sgdlab-sweep-ramp)"/>`;
    const ends = `<text x="0" y="30">${formatNumber(lo)}</text><text x="240" y="30" text-anchor="end">${formatNumber(hi)}</text>`;
    return `${gradient}${bar}${ends}${caption}`;
  }
  const range = (color.range ?? []) as string[];
  return `${caption}${domain
    .map((d, i) => {
      const x = 90 * i;
      return `<rect x="${x}" y="4" width="12" height="12" fill="${escapeXml(String(range[i % range.length]))}"/><text x="${x + 16}" y="14">${escapeXml(String(d))}</text>`;
    })
    .join("")}`;
}

function scaleType(axis: Axis): "linear" | "log" | "point" {
  if (!axis.values.every((v) => typeof v === "number")) return "point";
  const v = axis.values as number[];
  const ratios = v.slice(1).map((b, i) => b / v[i]);
  const geometric = v.length > 2 && v[0] > 0 && ratios.every((r) => Math.abs(r / ratios[0] - 1) < 1e-6);
  return geometric ? "log" : "linear";
}

/** The position of a point on an axis (its index for non-numeric values) and its cell edges. */
function span(axis: Axis, value: unknown): [number, number, number] {
  const numeric = axis.values.every((v) => typeof v === "number");
  const v = numeric ? (axis.values as number[]) : axis.values.map((_, i) => i);
  const i = axis.values.indexOf(value);
  const log = scaleType(axis) === "log";
  const mid = (a: number, b: number) => (log ? Math.sqrt(a * b) : (a + b) / 2);
  const lo = i > 0 ? mid(v[i - 1], v[i]) : v.length > 1 ? v[i] - (mid(v[i], v[i + 1]) - v[i]) : v[i] - 0.5;
  const hi = i < v.length - 1 ? mid(v[i], v[i + 1]) : v.length > 1 ? v[i] + (v[i] - lo) : v[i] + 0.5;
  return [v[i], log && lo <= 0 ? v[i] / 2 : lo, hi];
}

function cellOf(
  p: SweepDocument["points"][number],
  x: Axis,
  y: Axis | undefined,
  name: string,
  error?: string,
): Cell {
  const [cx, x1, x2] = span(x, p.params[x.path]);
  const [cy, y1, y2] = y ? span(y, p.params[y.path]) : [0, 0, 0];
  const v = pointValue(pointSummary(p), name);
  const value = v.kind === "missing" ? null : v.value;
  const e = error === undefined ? undefined : pointValue(pointSummary(p), error);
  const stderr = e?.kind === "number" ? e.value : v.kind === "number" ? v.stderr : null;
  return {
    x: cx,
    y: cy,
    x1,
    x2,
    y1,
    y2,
    value,
    stderr,
    status: p.status,
  };
}

function heatMarks(cells: Cell[], numeric: boolean): Plot.Markish[] {
  const drawn = cells.filter((c) => c.value !== null);
  const marked = cells.filter((c) => c.status !== "ok");
  return [
    Plot.rect(drawn, { x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: "value", inset: 0 }),
    Plot.dot(marked, {
      x: "x",
      y: "y",
      symbol: (c: Cell) => statusSymbols[c.status] ?? "diamond",
      stroke: numeric ? "white" : "black",
      r: 4,
    }),
  ];
}

function lineMarks(cells: Cell[], numeric: boolean): Plot.Markish[] {
  const drawn = cells.filter((c) => c.value !== null);
  if (!numeric) return [Plot.dot(drawn, { x: "x", y: "value", fill: "value", r: 5 })];
  const bars = drawn.filter((c) => c.stderr !== null);
  const lo = (c: Cell) => (c.value as number) - (c.stderr as number);
  const hi = (c: Cell) => (c.value as number) + (c.stderr as number);
  return [
    Plot.line(drawn, { x: "x", y: "value", stroke: "#1a1a1a" }),
    Plot.ruleX(bars, { x: "x", y1: lo, y2: hi, stroke: "#1a1a1a" }),
    Plot.dot(drawn, { x: "x", y: "value", fill: "#1a1a1a", r: 3 }),
    Plot.dot(
      cells.filter((c) => c.status !== "ok" && c.value !== null),
      {
        x: "x",
        y: "value",
        symbol: (c: Cell) => statusSymbols[c.status] ?? "diamond",
        stroke: "#b3261e",
        r: 6,
      },
    ),
  ];
}

function overlayMarks(overlays: readonly SweepOverlay[]): Plot.Markish[] {
  const style = { stroke: "#e15759", strokeWidth: 2, strokeDasharray: "6 3" };
  const label = (text: string) => ({ text: () => text, fill: "#e15759", fontWeight: "bold" as const });
  return overlays.flatMap((o): Plot.Markish[] => {
    if ("points" in o) {
      const last = o.points.at(-1);
      const text = last
        ? [Plot.text([last], { x: "x", y: "y", dy: -8, textAnchor: "end" as const, ...label(o.label) })]
        : [];
      return [Plot.line(o.points, { x: "x", y: "y", ...style }), ...text];
    }
    if ("x" in o)
      return [
        Plot.ruleX([o.x], style),
        Plot.text([o.x], { x: (v: number) => v, frameAnchor: "top", dy: 10, ...label(o.label) }),
      ];
    return [
      Plot.ruleY([o.y], style),
      Plot.text([o.y], { y: (v: number) => v, frameAnchor: "right", dy: -8, ...label(o.label) }),
    ];
  });
}

/** Title, legend and chart in one SVG with a white background (renders the same in resvg and browsers). */
function standalone(chart: Element, legend: string, title: string): string {
  for (const style of Array.from(chart.querySelectorAll("style"))) style.remove();
  chart.setAttribute("font-family", fontFamily);
  const [width, height] = [720, 480 + 90];
  const head = `<text x="16" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`;
  const key = `<g transform="translate(70,36)" font-size="11">${legend}</g>`;
  const body = `<g transform="translate(0,86)">${chart.outerHTML}</g>`;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${fontFamily}" font-size="12">`;
  return `${open}<rect width="100%" height="100%" fill="white"/>${head}${key}${body}</svg>`;
}
