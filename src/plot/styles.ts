import type { ExperimentRecord } from "../experiment/record.js";

/** Font stack for every text in a figure; DejaVu Sans first, which resvg finds on Debian/Ubuntu images. */
export const fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif";

/** How one source (the simulation or a theory) is drawn, the same in every panel of a figure. */
export interface SourceStyle {
  source: string;
  /** Stroke colour of the line (and fill of the stderr band, if any). */
  color: string;
  /** SVG `stroke-dasharray`; `undefined` for a solid line. */
  dash: string | undefined;
  /** Stroke width in pixels. */
  width: number;
}

/** The fixed styles of the sources every model shares; simulation black, theories in distinct hues. */
const known: Record<string, Omit<SourceStyle, "source">> = {
  simulation: { color: "#1a1a1a", dash: undefined, width: 2 },
  ode: { color: "#1f5fbf", dash: undefined, width: 1.75 },
  "gradient-flow": { color: "#e8730c", dash: "7 4", width: 2 },
  diffusive: { color: "#2a9d3a", dash: "2 3", width: 2.25 },
};

/** Tableau 10 without its blue, orange and green (taken by the known theories above). */
const categorical = ["#e15759", "#af7aa1", "#76b7b2", "#9c755f", "#edc949", "#ff9da7", "#bab0ab"];
const dashes = ["9 3 2 3", "4 2", "12 4", "1 2", undefined];

/**
 * The style of every source of a record, in order of first appearance, simulation sources first.
 *
 * Known sources (`simulation`, `ode`, `gradient-flow`, `diffusive`) always get the same style; any other
 * source gets the next colour of a categorical scheme and the next dash pattern, so that it is told apart
 * in black-and-white print too.
 *
 * @example sourceStyles(record).get("ode") // { source: "ode", color: "#1f5fbf", dash: undefined, width: 1.75 }
 */
export function sourceStyles(record: Pick<ExperimentRecord, "series">): Map<string, SourceStyle> {
  const sources = orderedSources(record);
  const styles = new Map<string, SourceStyle>();
  let other = 0;
  for (const source of sources) {
    const fixed = known[source];
    if (fixed !== undefined) {
      styles.set(source, { source, ...fixed });
      continue;
    }
    const color = categorical[other % categorical.length];
    const dash = dashes[other % dashes.length];
    styles.set(source, { source, color, dash, width: 2 });
    other++;
  }
  return styles;
}

/** Distinct sources of a record: those with a standard error (simulations) first, then the others. */
function orderedSources(record: Pick<ExperimentRecord, "series">): string[] {
  const simulated = record.series.filter((s) => s.stderr !== undefined || s.source === "simulation");
  const rest = record.series.filter((s) => !simulated.includes(s));
  return [...new Set([...simulated, ...rest].map((s) => s.source))];
}
