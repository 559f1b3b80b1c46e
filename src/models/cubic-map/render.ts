import type { ExperimentRecord, Table } from "../../experiment/record.js";
import { headerBlock } from "../../plot/header.js";
import {
  type Boundary,
  boundaryMarks,
  chart,
  densityMarks,
  ergodicMarks,
  lyapunovMarks,
  lyapunovScale,
  type MapPanel,
  orbitMarks,
  phaseColors,
  phaseDiagramMarks,
  phaseLegend,
  phaseStripMarks,
} from "./map-panels.js";

const width = 960;
const margin = 16;

/**
 * The figure of a cubic-map record, by analysis: `phases` (phase strip and Lyapunov exponent over r),
 * `orbit-diagram` (orbit diagram over the Lyapunov exponent), `phase-diagram` ((r, z0) cells), `lyapunov`
 * and `ergodic-average` (Birkhoff mean of s = z^2 against its closed form). Phase boundaries found by the
 * boundary finders are dashed vertical rules; every phase keeps its colour across figures. `xLabel`
 * relabels the parameter axis (e.g. a learning-rate scan of real GD drawn as a `phases` table).
 *
 * @example cubicFigure(await runExperiment({ model: { name: "cubic-map" }, analysis: "orbit-diagram" }))
 */
export function cubicFigure(record: ExperimentRecord, options: { xLabel?: string } = {}): string {
  const analysis = String(record.spec.analysis ?? "phases");
  const frame: Frame = {
    record,
    w: width - 2 * margin,
    bounds: boundaries(record),
    x: {
      label: options.xLabel ?? "r (normalised step size)",
      labelAnchor: "center",
      labelArrow: "none",
      domain: rDomain(record),
    },
  };
  return stack(record, (panelsByAnalysis[analysis] ?? ergodicPanels)(frame));
}

/** What every panel of one figure shares: the record, the inner width, the boundaries, the r axis. */
interface Frame {
  record: ExperimentRecord;
  w: number;
  bounds: Boundary[];
  x: { label: string; labelAnchor: "center"; labelArrow: "none"; domain: [number, number] | undefined };
}

/** A Lyapunov-exponent panel of `table` (boundaries as unlabelled rules when `rules`). */
function lyapunovPanel(f: Frame, table: Table | undefined, height: number, rules: boolean): MapPanel {
  return chart("Lyapunov exponent", f.w, height, {
    x: f.x,
    y: lyapunovScale(table),
    marks: [...lyapunovMarks(table), ...(rules ? boundaryMarks(f.bounds, false) : [])],
  });
}

/** `phases`: the phase strip over r, then the Lyapunov exponent. */
function phasesPanels(f: Frame): MapPanel[] {
  const table = f.record.tables.phases;
  const strip = chart("phase", f.w, 110, {
    x: f.x,
    y: { axis: null },
    marks: [...phaseStripMarks(table), ...boundaryMarks(f.bounds, true)],
    marginTop: 36,
  });
  return [strip, lyapunovPanel(f, table, 300, true)];
}

/** `orbit-diagram`: the orbit diagram over r, then the Lyapunov exponent. */
function orbitPanels(f: Frame): MapPanel[] {
  const orbit = chart("orbit diagram", f.w, 420, {
    x: f.x,
    y: { label: "z", grid: true },
    marks: [...orbitMarks(f.record.tables.orbit), ...boundaryMarks(f.bounds, true)],
    marginTop: 36,
  });
  return [orbit, lyapunovPanel(f, f.record.tables.lyapunov, 240, true)];
}

/** `phase-diagram`: the phase of each (r, z0) cell. */
function phaseDiagramPanels(f: Frame): MapPanel[] {
  const marks = phaseDiagramMarks(f.record.tables.phaseDiagram);
  return [chart("phase diagram", f.w, 480, { x: f.x, y: { label: "z0 (initial condition)" }, marks })];
}

/** `ergodic-average`: the Birkhoff mean of s = z^2 against its closed form, and an invariant density. */
function ergodicPanels(f: Frame): MapPanel[] {
  const mean = chart("ergodic mean of s = z^2", f.w, 300, {
    x: f.x,
    y: { label: "Birkhoff mean of s", grid: true },
    marks: ergodicMarks(f.record.tables.ergodic),
  });
  const density = densityPanel(f.record, f.w);
  return density ? [mean, density] : [mean];
}

/** The panels of each analysis (others: `ergodicPanels`). */
const panelsByAnalysis: Record<string, (f: Frame) => MapPanel[]> = {
  phases: phasesPanels,
  "orbit-diagram": orbitPanels,
  "phase-diagram": phaseDiagramPanels,
  lyapunov: (f) => [lyapunovPanel(f, f.record.tables.lyapunov, 340, false)],
  "ergodic-average": ergodicPanels,
};

/** The boundary scalars of a record as labelled rules (`boundary.chaos` -> "chaos"). */
function boundaries(record: ExperimentRecord): Boundary[] {
  return Object.entries(record.scalars ?? {})
    .filter(([k, v]) => k.startsWith("boundary.") && Number.isFinite(v))
    .map(([k, value]) => ({ name: k.slice("boundary.".length), value }));
}

function stack(record: ExperimentRecord, panels: MapPanel[]): string {
  const header = headerBlock(record, undefined, width);
  const present = new Set(Object.values(record.tables).flatMap((t) => (t.phase ?? []).map(String)));
  const phases = Object.keys(phaseColors).filter((p) => present.has(p));
  const key = phaseLegend(phases, width);
  let y = header.height + key.height + 8;
  const parts = [header.svg, `<g transform="translate(0,${header.height})">${key.svg}</g>`];
  for (const p of panels) {
    parts.push(`<g transform="translate(${margin},${y})">${p.svg}</g>`);
    y += p.height + 16;
  }
  const height = y + margin;
  const ns = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
  const size = `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`;
  return `<svg ${ns} ${size} class="sgdlab-figure" color="black"><rect width="${width}" height="${height}" fill="white"/>${parts.join("")}</svg>`;
}

/** The invariant density of s at the first r that has a closed form (else the first r), as a panel. */
function densityPanel(record: ExperimentRecord, w: number): MapPanel | undefined {
  const entries = Object.entries(record.distributions ?? {});
  const chosen = entries.find(([, d]) => d.theory !== undefined) ?? entries[0];
  if (chosen === undefined) return undefined;
  const [name, d] = chosen;
  const y = { label: "density", grid: true };
  const x = { label: "s = z^2", labelAnchor: "center" as const, labelArrow: "none" as const };
  return chart(`invariant density of s (${name})`, w, 260, { x, y, marks: densityMarks(d) });
}

/** The r range of the spec (so that divergent r, where nothing is drawn, still show). */
function rDomain(record: ExperimentRecord): [number, number] | undefined {
  const r = record.spec.r as { from?: number; to?: number } | number[] | number | undefined;
  if (Array.isArray(r) && r.length > 1) return [Math.min(...r), Math.max(...r)];
  if (r !== null && typeof r === "object" && !Array.isArray(r) && r.from !== undefined && r.to !== undefined)
    return [r.from, r.to];
  return undefined;
}
