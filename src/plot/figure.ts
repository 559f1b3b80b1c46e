import type { ExperimentRecord } from "../experiment/record.js";
import { headerBlock, legendBlock } from "./header.js";
import { panelSvg, panelTitleHeight } from "./panel.js";
import { type SourceStyle, sourceStyles } from "./styles.js";

/** Options of {@link recordFigure}. */
export interface FigureOptions {
  /** Statistics to draw, in this order (default: every statistic of any series, see {@link figureStatistics}). */
  statistics?: string[];
  /** Width of the whole figure in pixels (default 960). */
  width?: number;
  /** Height of each panel's chart in pixels, without its title line (default 300). */
  panelHeight?: number;
  /** Title line (default: the spec's `name` or `experiment`). */
  title?: string;
  /** Statistics whose y axis is logarithmic (non-positive values are then not drawn). */
  logY?: string[];
  /** Logarithmic time axis in every panel (t <= 0 is then not drawn). Default false. */
  logX?: boolean;
  /** Number of panel columns (default 2, or 1 when there is a single panel). */
  columns?: number;
}

const margin = 16;
const gap = 24;

/**
 * Draw a record as one standalone SVG: a header (title, key spec values, status when not ok), a shared
 * legend, and one panel per statistic in a grid. Each panel shows the simulation mean with a ±1 standard
 * error band and every theory as its own line, against effective time t. Sources keep one colour and
 * dash pattern across panels. Non-finite values are skipped (gaps), never drawn as NaN.
 *
 * The SVG has `xmlns` and a white background, so it renders the same in a browser and in resvg
 * (see `svgToPng` in `src/node/png.ts`).
 *
 * @example
 * const svg = recordFigure(record, { statistics: ["m", "rPerp2"], logY: ["rPerp2"] });
 * // "<svg xmlns="http://www.w3.org/2000/svg" ...><g class="sgdlab-panel" data-statistic="m">..."
 */
export function recordFigure(record: ExperimentRecord, options: FigureOptions = {}): string {
  const width = options.width ?? 960;
  const statistics = options.statistics ?? figureStatistics(record);
  const columns = Math.max(1, Math.min(options.columns ?? 2, statistics.length));
  const panelWidth = Math.floor((width - 2 * margin - (columns - 1) * gap) / columns);
  const panelHeight = options.panelHeight ?? 300;
  const styles = sourceStyles(record);
  const header = headerBlock(record, options.title, width);
  const legend = legendBlock(shownStyles(record, statistics, styles), simulationRuns(record), width);
  const top = header.height + legend.height + 8;
  const panels = statistics.map((statistic, i) => {
    const x = margin + (i % columns) * (panelWidth + gap);
    const y = top + Math.floor(i / columns) * (panelHeight + panelTitleHeight + gap);
    const axes = { logX: options.logX ?? false, logY: options.logY?.includes(statistic) ?? false };
    const panel = panelSvg({
      statistic,
      series: record.series,
      styles,
      width: panelWidth,
      height: panelHeight,
      axes,
    });
    return `<g transform="translate(${x},${y})">${panel}</g>`;
  });
  const rows = Math.ceil(statistics.length / columns);
  const height = top + rows * (panelHeight + panelTitleHeight + gap) + margin - (rows > 0 ? gap : 0);
  return wrap(width, height, [
    header.svg,
    `<g transform="translate(0,${header.height})">${legend.svg}</g>`,
    ...panels,
  ]);
}

/**
 * The statistics a figure shows by default: every statistic of a simulation series in order of first
 * appearance, then those that only a theory has.
 *
 * @example figureStatistics(record) // ["m", "rPerp2", "q"]
 */
export function figureStatistics(record: Pick<ExperimentRecord, "series">): string[] {
  const simulated = record.series.filter((s) => s.stderr !== undefined || s.source === "simulation");
  const theory = record.series.filter((s) => !simulated.includes(s));
  const names = [...simulated, ...theory].flatMap((s) => Object.keys(s.values));
  return [...new Set(names)];
}

/** The styles of the sources that have at least one of the drawn statistics, for the legend. */
function shownStyles(
  record: ExperimentRecord,
  statistics: readonly string[],
  styles: ReadonlyMap<string, SourceStyle>,
): SourceStyle[] {
  const shown = record.series.filter((s) => statistics.some((name) => s.values[name] !== undefined));
  const sources = new Set(shown.map((s) => s.source));
  return [...styles.values()].filter((style) => sources.has(style.source));
}

/** Source -> number of runs, for every simulation series (0 when the record does not say). */
function simulationRuns(record: ExperimentRecord): Map<string, number> {
  const runs = new Map<string, number>();
  for (const s of record.series) {
    if (s.stderr === undefined && s.source !== "simulation") continue;
    runs.set(s.source, typeof s.runs === "number" ? s.runs : 0);
  }
  return runs;
}

function wrap(width: number, height: number, parts: readonly string[]): string {
  const size = `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`;
  const ns = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
  const background = `<rect width="${width}" height="${height}" fill="white"/>`;
  return `<svg ${ns} ${size} class="sgdlab-figure" color="black">${background}${parts.join("")}</svg>`;
}
