/**
 * Regenerates the figures of docs/models/cubic-map.md: `npx tsx docs/models/cubic-map/make-figures.ts`.
 * Each comes from a real run (the reproduce entries, a phase diagram, and a step-size scan of real GD on
 * Gaussian data drawn as a phase table over lr).
 */
import { writeFileSync } from "node:fs";
import { figures, renderFigure, runExperiment } from "../../../src/catalogue/index.js";
import type { ExperimentRecord } from "../../../src/experiment/record.js";
import { cubicPhases } from "../../../src/models/cubic-map/phase.js";
import { cubicFigure } from "../../../src/models/cubic-map/render.js";
import { svgToPng } from "../../../src/node/png.js";

const dir = new URL(".", import.meta.url).pathname;
const save = (name: string, svg: string) => writeFileSync(`${dir}${name}.png`, svgToPng(svg));

save("chaos-phases", renderFigure(await runExperiment(figures["chaos-phases"].panels[0].spec)));
const chaotic = figures["chaos-gd"].panels.find((p) => p.label === "chaotic");
if (chaotic) save("chaos-gd-chaotic", renderFigure(await runExperiment(chaotic.spec)));
const diagram = {
  title: "Cubic map: phase over (r, z0)",
  model: { name: "cubic-map" },
  analysis: "phase-diagram",
  r: { from: 0.01, to: 2.5, step: 0.01 },
  z0: { from: 0.01, to: 2, step: 0.01 },
};
save("phase-diagram", renderFigure(await runExperiment(diagram)));

const lrs = Array.from({ length: 40 }, (_, i) => 1 + i);
const phase: string[] = [];
const lyapunov: number[] = [];
for (const lr of lrs) {
  const rec = await runExperiment({
    model: { name: "phase-retrieval", d: 100, n: 40, data: "gaussian", labels: 1 },
    optimizer: { name: "gd", lr },
    steps: 1000,
    points: 3,
  });
  phase.push(cubicPhases[rec.scalars.observedPhase]);
  lyapunov.push(rec.status === "ok" ? rec.scalars.lyapunov : 0);
}
const scan = {
  sgdlab: "docs",
  provenance: { commit: null, node: "", platform: "", startedAt: "" },
  spec: {
    title: "Real GD, phase retrieval, Gaussian data (d = 100, n = 40, y = 1, 1000 steps): phase over lr",
    model: { name: "phase-retrieval" },
    analysis: "phases",
    r: { from: 1, to: 40 },
  },
  status: "ok",
  messages: [],
  series: [],
  scalars: {},
  tables: { phases: { r: lrs, phase, period: lrs.map(() => 0), lyapunov } },
  distributions: {},
  agreement: {},
  timing: {},
} as ExperimentRecord;
save("gaussian-scan", cubicFigure(scan, { xLabel: "lr (GD learning rate)" }));
