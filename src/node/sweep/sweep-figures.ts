import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as models from "../../catalogue/models.js";
import type { ModelPackage, SweepFigureEntry } from "../../experiment/model-package.js";
import { figureIds } from "../../index.js";
import { combineFigures } from "../../plot/combine.js";
import type { SweepDocument } from "../../sweep/document.js";
import { sweepFigure } from "../../sweep/figure.js";
import { svgToPng } from "../png.js";
import type { SweepEngine } from "./engine.js";
import { writeSweepOutputs } from "./outputs.js";
import { sweepOverlaysOf } from "./overlays.js";
import { planSweepInput } from "./read-sweep.js";
import { runSweep } from "./run-sweep.js";

/** The phase diagrams of every model package (`sweepFigures`), by figure id; an id claimed twice throws. */
export function sweepFigures(): Record<string, SweepFigureEntry> {
  const all: Record<string, SweepFigureEntry> = {};
  const taken = new Set(figureIds());
  for (const entry of Object.values(models) as ModelPackage[]) {
    for (const [id, figure] of Object.entries(entry.sweepFigures ?? {})) {
      if (taken.has(id)) throw new Error(`two models register the figure "${id}"`);
      taken.add(id);
      all[id] = figure;
    }
  }
  return all;
}

/**
 * Compute a phase diagram: each panel's sweep on `engine` (stored like any sweep, so a second reproduce
 * is served from the store), its outputs in `dir/<panel name>/`, and all panels' figures side by side in
 * `dir/figure.svg` and `dir/figure.png`. Returns the panels' documents.
 *
 * @example await reproduceSweepFigure(sweepFigures()["bgj-phase"], "out/bgj-phase", { db, engine })
 */
export async function reproduceSweepFigure(
  figure: SweepFigureEntry,
  dir: string,
  options: { db: string; engine: SweepEngine; signal?: AbortSignal },
): Promise<{ docs: SweepDocument[]; written: string[] }> {
  const docs: SweepDocument[] = [];
  const svgs: string[] = [];
  const written: string[] = [];
  for (const panel of figure.panels) {
    const plan = planSweepInput(panel, process.cwd());
    const doc = await runSweep(plan, options);
    docs.push(doc);
    svgs.push(sweepFigure(plan, doc, sweepOverlaysOf(plan)));
    written.push(...(await writeSweepOutputs(join(dir, plan.name), plan, doc)));
  }
  const svg = combineFigures(svgs);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "figure.svg"), svg);
  writeFileSync(join(dir, "figure.png"), svgToPng(svg));
  written.push(join(dir, "figure.svg"), join(dir, "figure.png"));
  return { docs, written };
}
