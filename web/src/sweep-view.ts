import { type SweepDocument, type SweepPlan, sweepFigure } from "../../src/sweep/index.js";
import { download } from "./downloads.js";
import { el } from "./schema-form.js";

/** Whether parsed JSON is a sweep document (`sgdlab sweep --json`, or `/api/sweeps/:id`). */
export function isSweepDocument(value: unknown): value is SweepDocument {
  const v = value as Partial<SweepDocument> | null;
  return (
    v !== null &&
    typeof v === "object" &&
    Array.isArray(v.axes) &&
    Array.isArray(v.points) &&
    v.figure !== undefined
  );
}

/**
 * The figure part of a sweep's plan, as its document carries it (name, title, axes, figure): all that
 * `sweepFigure` reads; the points' specs are not needed to draw the document's points.
 */
function planOf(doc: SweepDocument): SweepPlan {
  const { id, name, title, axes, figure, code } = doc;
  return { id, name, ...(title === undefined ? {} : { title }), axes, figure, code, points: [] };
}

/**
 * A sweep on the page: its heatmap (two axes) or line (one axis), drawn by the same `sweepFigure` as
 * `sgdlab sweep --out`, the point counts and a download of the SVG. Theory overlays are drawn by the
 * CLI only (they are computed in Node, src/node/sweep/overlays.ts).
 */
export function sweepView(doc: SweepDocument): HTMLElement {
  const svg = sweepFigure(planOf(doc), doc);
  const figure = el("figure", { className: "figure" });
  figure.dataset.testid = "figure";
  figure.dataset.kind = "sweep";
  figure.innerHTML = svg;
  const save = el("button", { type: "button", textContent: "sweep.svg" });
  save.dataset.testid = "download-svg";
  save.addEventListener("click", () => download("sweep.svg", new Blob([svg], { type: "image/svg+xml" })));
  const { points, run, cached, failed } = doc.counts;
  const counts = el("p", {
    className: "note",
    textContent: `${points} points: ${run} computed, ${cached} from the store, ${failed} failed`,
  });
  return el("div", { className: "record" }, figure, el("div", { className: "downloads" }, save), counts);
}
