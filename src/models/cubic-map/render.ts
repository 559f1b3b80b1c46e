import type { ExperimentRecord } from "../../experiment/record.js";
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
  const w = width - 2 * margin;
  const bounds = boundaries(record);
  const x = {
    label: options.xLabel ?? "r (normalised step size)",
    labelAnchor: "center" as const,
    labelArrow: "none" as const,
    domain: rDomain(record),
  };
  const panels: MapPanel[] = [];
  if (analysis === "phases") {
    panels.push(
      chart("phase", w, 110, {
        x,
        y: { axis: null },
        marks: [...phaseStripMarks(record.tables.phases), ...boundaryMarks(bounds, true)],
        marginTop: 36,
      }),
    );
    panels.push(
      chart("Lyapunov exponent", w, 300, {
        x,
        y: lyapunovScale(record.tables.phases),
        marks: [...lyapunovMarks(record.tables.phases), ...boundaryMarks(bounds, false)],
      }),
    );
  } else if (analysis === "orbit-diagram") {
    panels.push(
      chart("orbit diagram", w, 420, {
        x,
        y: { label: "z", grid: true },
        marks: [...orbitMarks(record.tables.orbit), ...boundaryMarks(bounds, true)],
        marginTop: 36,
      }),
    );
    panels.push(
      chart("Lyapunov exponent", w, 240, {
        x,
        y: lyapunovScale(record.tables.lyapunov),
        marks: [...lyapunovMarks(record.tables.lyapunov), ...boundaryMarks(bounds, false)],
      }),
    );
  } else if (analysis === "phase-diagram") {
    panels.push(
      chart("phase diagram", w, 480, {
        x,
        y: { label: "z0 (initial condition)" },
        marks: phaseDiagramMarks(record.tables.phaseDiagram),
      }),
    );
  } else if (analysis === "lyapunov") {
    panels.push(
      chart("Lyapunov exponent", w, 340, {
        x,
        y: lyapunovScale(record.tables.lyapunov),
        marks: lyapunovMarks(record.tables.lyapunov),
      }),
    );
  } else {
    panels.push(
      chart("ergodic mean of s = z^2", w, 300, {
        x,
        y: { label: "Birkhoff mean of s", grid: true },
        marks: ergodicMarks(record.tables.ergodic),
      }),
    );
    const density = densityPanel(record, w);
    if (density) panels.push(density);
  }
  return stack(record, panels);
}

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
