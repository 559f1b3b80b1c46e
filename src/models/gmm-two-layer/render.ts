import * as Plot from "@observablehq/plot";
import type { ExperimentRecord } from "../../experiment/record.js";
import { plotDocument } from "../../plot/dom.js";
import { escapeXml } from "../../plot/escape.js";
import { recordFigure } from "../../plot/figure.js";
import { headerBlock } from "../../plot/header.js";
import { fontFamily } from "../../plot/styles.js";
import type { GmmTask } from "./geometry.js";
import { successProbability } from "./limits.js";

const width = 960;
const margin = 16;

/**
 * The figure of a `gmm-two-layer` record. A run: the time-series panels of {@link recordFigure} for the
 * test loss and accuracy and, for the first two hidden units, `v_i`, `mMu_i`, `mNu_i` (XOR) and
 * `RPerp_i_i` (the tracked run next to the ODEs). A width sweep: the success fraction against K with
 * ±1 binomial standard error bars, and `P_K` (science/01 §3). The diffusive analysis: one panel per
 * `NDev2_*` statistic, simulation against the diffusive law.
 *
 * @example gmmFigure(await runExperiment(spec)) // "<svg ...>"
 */
export function gmmFigure(record: ExperimentRecord): string {
  if (record.spec.analysis === "width-sweep") return widthSweepFigure(record);
  if (record.spec.analysis === "diffusive") return recordFigure(record, { panelHeight: 240 });
  const present = new Set(record.series.flatMap((s) => Object.keys(s.values)));
  const wanted = ["loss", "accuracy"];
  for (const stat of ["v", "mMu", "mNu", "RPerp"])
    for (const i of [1, 2]) wanted.push(stat === "RPerp" ? `RPerp_${i}_${i}` : `${stat}_${i}`);
  return recordFigure(record, { statistics: wanted.filter((s) => present.has(s)), panelHeight: 220 });
}

function widthSweepFigure(record: ExperimentRecord): string {
  const t = record.tables.widthSweep ?? {};
  const rows = (t.K ?? []).map((K, i) => ({
    K: Number(K),
    f: Number(t.successFraction[i]),
    lo: Number(t.successFraction[i]) - Number(t.stderr[i]),
    hi: Number(t.successFraction[i]) + Number(t.stderr[i]),
  }));
  const kMax = Math.max(1, ...rows.map((r) => r.K));
  const theory = Array.from({ length: kMax }, (_, j) => {
    const K = j + 1;
    const task = (record.spec.model as { task?: GmmTask }).task ?? "xor";
    return { K, P: successProbability(task, K) };
  });
  const w = width - 2 * margin;
  const svg = Plot.plot({
    document: plotDocument(),
    width: w,
    height: 380,
    marginLeft: 64,
    marginBottom: 42,
    x: { label: "K (hidden units)", labelAnchor: "center", labelArrow: "none", ticks: kMax, tickFormat: "d" },
    y: { label: "P(optimal classifier)", domain: [0, 1], grid: true },
    marks: [
      Plot.line(theory, { x: "K", y: "P", stroke: "#1f5fbf", strokeWidth: 1.75 }),
      Plot.dot(theory, { x: "K", y: "P", stroke: "#1f5fbf", r: 3 }),
      Plot.ruleX(rows, { x: "K", y1: "lo", y2: "hi", stroke: "#1a1a1a" }),
      Plot.dot(rows, { x: "K", y: "f", fill: "#1a1a1a", r: 3.5 }),
    ],
  });
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
  svg.setAttribute("font-family", fontFamily);
  const header = headerBlock(record, undefined, width);
  const key = `<text x="${margin}" y="14" font-family="${fontFamily}" font-size="12">${escapeXml(
    "● simulation: success fraction ± 1 binomial s.e.   ○— theory: P_K (each unit in one of the categories uniformly)",
  )}</text>`;
  const top = header.height + 24;
  const height = top + 380 + margin;
  const ns = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
  const size = `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`;
  return `<svg ${ns} ${size} class="sgdlab-figure" color="black"><rect width="${width}" height="${height}" fill="white"/>${header.svg}<g transform="translate(0,${header.height})">${key}</g><g transform="translate(${margin},${top})">${svg.outerHTML}</g></svg>`;
}
