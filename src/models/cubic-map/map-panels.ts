import * as Plot from "@observablehq/plot";
import type { Distribution, Table } from "../../experiment/record.js";
import { plotDocument } from "../../plot/dom.js";
import { escapeXml } from "../../plot/escape.js";
import { fontFamily } from "../../plot/styles.js";

/** Colour of each phase of large-step GD (science/04 §2), the same in every map figure. */
export const phaseColors: Record<string, string> = {
  monotonic: "#4e79a7",
  catapult: "#59a14f",
  periodic: "#f28e2b",
  chaotic: "#e15759",
  divergent: "#9d9d9d",
};

/** A titled chart, ready to be stacked into a figure. */
export interface MapPanel {
  title: string;
  svg: string;
  height: number;
}

/** A boundary drawn as a vertical rule with a short label (scalar `boundary.<name>` -> value). */
export interface Boundary {
  name: string;
  value: number;
}

const titleHeight = 22;

/** A Plot chart as an SVG fragment with the figure font, under a bold title line. */
export function chart(title: string, width: number, height: number, options: Plot.PlotOptions): MapPanel {
  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height,
    marginLeft: 64,
    marginRight: 40,
    marginTop: 18,
    marginBottom: 42,
    ...options,
  });
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
  svg.setAttribute("font-family", fontFamily);
  svg.setAttribute("font-size", "12");
  svg.setAttribute("y", String(titleHeight));
  const head = `<text x="${width / 2}" y="15" text-anchor="middle" font-family="${fontFamily}" font-size="15" font-weight="bold">${escapeXml(title)}</text>`;
  return { title, svg: `<g class="sgdlab-panel">${head}${svg.outerHTML}</g>`, height: height + titleHeight };
}

/** The rows of a column table as objects (only the named columns). */
export function rows(table: Table | undefined, names: readonly string[]): Record<string, number | string>[] {
  if (table === undefined) return [];
  const length = table[names[0]]?.length ?? 0;
  return Array.from({ length }, (_, i) => Object.fromEntries(names.map((n) => [n, table[n]?.[i]])));
}

/** Vertical rules at the boundaries inside the drawn r range, labelled at the top on two staggered rows. */
export function boundaryMarks(boundaries: readonly Boundary[], labels: boolean): Plot.Markish[] {
  const marks: Plot.Markish[] = [
    Plot.ruleX(boundaries, { x: "value", stroke: "#555", strokeDasharray: "3 3", strokeWidth: 1 }),
  ];
  if (!labels) return marks;
  const sorted = [...boundaries].sort((a, b) => a.value - b.value);
  for (const row of [0, 1]) {
    const data = sorted.filter((_, i) => i % 2 === row);
    marks.push(
      Plot.text(data, {
        x: "value",
        text: "name",
        frameAnchor: "top",
        dy: row === 0 ? -8 : -20,
        fontSize: 10,
        fill: "#333",
      }),
    );
  }
  return marks;
}

/** Lowest Lyapunov exponent drawn (superstable points go to -inf). */
const lyapunovFloor = -3;

/**
 * The y scale of a Lyapunov panel: from the smallest exponent, but not below -3 (a superstable point has
 * exponent -inf, stored as about -691), to the largest; clipped marks.
 */
export function lyapunovScale(table: Table | undefined): {
  domain: [number, number];
  label: string;
  grid: true;
} {
  const values = rows(table, ["lyapunov", "phase"])
    .filter((d) => d.phase !== "divergent")
    .map((d) => Number(d.lyapunov));
  const lo = Math.max(Math.min(0, ...values), lyapunovFloor);
  const hi = Math.max(0.1, ...values);
  return { domain: [lo, hi], label: "lambda (Lyapunov exponent)", grid: true };
}

/** The phase legend as an SVG row of coloured squares with the phase names. */
export function phaseLegend(phases: readonly string[], width: number): { svg: string; height: number } {
  let x = 16;
  const items = phases.map((phase) => {
    const item = `<rect x="${x}" y="4" width="12" height="12" fill="${phaseColors[phase] ?? "#000"}"/><text x="${x + 17}" y="14" font-family="${fontFamily}" font-size="12">${escapeXml(phase)}</text>`;
    x += 34 + phase.length * 7;
    return item;
  });
  return { svg: `<g class="sgdlab-legend">${items.join("")}</g>`, height: x > width ? 40 : 24 };
}

/** Orbit (bifurcation) diagram: every kept iterate z at its r, as small translucent dots. */
export function orbitMarks(table: Table | undefined): Plot.Markish[] {
  return [
    Plot.dot(rows(table, ["r", "z"]), {
      x: "r",
      y: "z",
      r: 0.6,
      fill: "#1a1a1a",
      fillOpacity: 0.35,
      stroke: null,
    }),
  ];
}

/** Lyapunov exponent against r, coloured by phase, with the zero line; divergent rows are left out. */
export function lyapunovMarks(table: Table | undefined): Plot.Markish[] {
  const data = rows(table, ["r", "lyapunov", "phase"]).filter((d) => d.phase !== "divergent");
  const dots = data.filter((d) => Number(d.lyapunov) >= lyapunovFloor);
  return [
    Plot.ruleY([0], { stroke: "#888" }),
    Plot.line(data, { x: "r", y: "lyapunov", stroke: "#1a1a1a", strokeWidth: 0.8, clip: true }),
    Plot.dot(dots, {
      x: "r",
      y: "lyapunov",
      r: 1.6,
      fill: (d: { phase: string }) => phaseColors[d.phase],
      stroke: null,
    }),
  ];
}

/** A strip of cells, one per r, coloured by phase. */
export function phaseStripMarks(table: Table | undefined): Plot.Markish[] {
  const data = rows(table, ["r", "phase"]);
  const step = data.length > 1 ? Math.abs(Number(data[1].r) - Number(data[0].r)) : 0.01;
  return [
    Plot.rectY(data, {
      x1: (d: { r: number }) => d.r - step / 2,
      x2: (d: { r: number }) => d.r + step / 2,
      y1: 0,
      y2: 1,
      fill: (d: { phase: string }) => phaseColors[d.phase],
    }),
  ];
}

/** Phase diagram over (r, z0): one rectangle per cell, coloured by phase. */
export function phaseDiagramMarks(table: Table | undefined): Plot.Markish[] {
  const data = rows(table, ["r", "z0", "phase"]);
  const rs = [...new Set(data.map((d) => Number(d.r)))];
  const zs = [...new Set(data.map((d) => Number(d.z0)))];
  const dr = rs.length > 1 ? Math.abs(rs[1] - rs[0]) : 0.01;
  const dz = zs.length > 1 ? Math.abs(zs[1] - zs[0]) : 0.01;
  return [
    Plot.rect(data, {
      x1: (d: { r: number }) => d.r - dr / 2,
      x2: (d: { r: number }) => d.r + dr / 2,
      y1: (d: { z0: number }) => d.z0 - dz / 2,
      y2: (d: { z0: number }) => d.z0 + dz / 2,
      fill: (d: { phase: string }) => phaseColors[d.phase],
    }),
  ];
}

/** Birkhoff means of s per r (coloured by phase) with ±2 standard-error bars; divergent rows left out. */
export function ergodicMarks(table: Table | undefined): Plot.Markish[] {
  const data = rows(table, ["r", "mean", "stderr", "phase"]).filter((d) => typeof d.mean === "number");
  return [
    Plot.ruleY([1], { stroke: "#888", strokeDasharray: "3 3" }),
    Plot.ruleX(data, {
      x: "r",
      y1: (d: { mean: number; stderr: number }) => d.mean - 2 * d.stderr,
      y2: (d: { mean: number; stderr: number }) => d.mean + 2 * d.stderr,
      stroke: "#555",
    }),
    Plot.dot(data, {
      x: "r",
      y: "mean",
      r: 3,
      fill: (d: { phase: string }) => phaseColors[d.phase],
      stroke: null,
    }),
  ];
}

/** A histogram (steps) of a simulated density and, where known, the theory on the same bins (blue). */
export function densityMarks(d: Distribution): Plot.Markish[] {
  const bars = d.simulation.map((v, i) => ({
    x1: d.edges[i],
    x2: d.edges[i + 1],
    y: v,
    theory: d.theory?.[i],
  }));
  const marks: Plot.Markish[] = [Plot.rectY(bars, { x1: "x1", x2: "x2", y: "y", fill: "#bbb" })];
  if (d.theory !== undefined)
    marks.push(
      Plot.line(bars, {
        x: (b: { x1: number; x2: number }) => (b.x1 + b.x2) / 2,
        y: "theory",
        stroke: "#1f5fbf",
        strokeWidth: 2,
      }),
    );
  return marks;
}
