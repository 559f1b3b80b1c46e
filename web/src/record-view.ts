import { type ExperimentRecord, renderFigure, verdictLabel } from "./core.js";
import { download, recordJson, svgToPng } from "./downloads.js";
import { webMessages } from "./messages.js";
import { el } from "./schema-form.js";

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(5));

/**
 * A record on the page: its figure (the catalogue's `renderFigure`, the one `--out` writes), the
 * agreement verdicts worded as in the CLI summary, its messages and scalars, and downloads of
 * record.json, SVG and PNG. `kind` marks a live-theory preview, which offers no downloads.
 */
export function recordView(record: ExperimentRecord, kind: "record" | "preview" = "record"): HTMLElement {
  const figure = el("figure", { className: "figure" });
  figure.dataset.testid = "figure";
  figure.dataset.kind = kind;
  let svg: string | undefined;
  try {
    svg = renderFigure(record);
    figure.innerHTML = svg;
  } catch (e) {
    // A renderer that cannot draw this record: say so where the figure would be, keep the rest.
    figure.append(
      el("figcaption", { className: "error", textContent: webMessages.figureFailed((e as Error).message) }),
    );
  }
  const parts: HTMLElement[] = [figure];
  if (kind === "record") parts.push(downloads(record, svg));
  parts.push(verdicts(record), messageList(record), scalarList(record));
  return el("div", { className: "record" }, ...parts);
}

function downloads(record: ExperimentRecord, svg: string | undefined): HTMLElement {
  const button = (label: string, testid: string, act: () => void | Promise<void>) => {
    const b = el("button", { type: "button", textContent: label });
    b.dataset.testid = testid;
    b.addEventListener("click", () => void act());
    return b;
  };
  const row = el(
    "div",
    { className: "downloads" },
    button("record.json", "download-record", () =>
      download("record.json", new Blob([`${recordJson(record)}\n`], { type: "application/json" })),
    ),
  );
  if (svg === undefined) return row;
  row.append(
    button("figure.svg", "download-svg", () =>
      download("figure.svg", new Blob([svg], { type: "image/svg+xml" })),
    ),
    button("figure.png", "download-png", async () => download("figure.png", await svgToPng(svg))),
  );
  return row;
}

/**
 * One row per statistic and theory: the verdict ("agrees", "underpowered" or "DISAGREES"), the largest
 * gap, where, its tolerance, the smallest gap the check detects and the scale that is judged against.
 */
function verdicts(record: ExperimentRecord): HTMLElement {
  const rows = Object.entries(record.agreement).flatMap(([stat, byTheory]) =>
    Object.entries(byTheory).map(([theory, a]) => {
      const row = el("tr", { className: a.pass ? "pass" : "fail" });
      const cells = [
        stat,
        theory,
        verdictLabel(a),
        fmt(a.maxAbs),
        fmt(a.at),
        fmt(a.tolerance),
        a.detectable === undefined ? "—" : fmt(a.detectable),
        a.scale === undefined ? "—" : fmt(a.scale),
        fmt(a.final),
      ];
      row.append(...cells.map((c) => el("td", { textContent: c })));
      return row;
    }),
  );
  if (rows.length === 0) return el("div");
  const head = el("tr");
  for (const h of [
    "statistic",
    "theory",
    "verdict",
    "max gap",
    "at t",
    "tolerance",
    "detectable",
    "scale",
    "gap at end",
  ])
    head.append(el("th", { scope: "col", textContent: h }));
  const table = el(
    "table",
    { className: "verdicts" },
    el("caption", { textContent: "Simulation against theory" }),
  );
  table.append(el("thead", {}, head), el("tbody", {}, ...rows));
  table.dataset.testid = "verdicts";
  return table;
}

function messageList(record: ExperimentRecord): HTMLElement {
  const list = el("ul", { className: "messages" });
  list.dataset.testid = "messages";
  for (const m of record.messages) list.append(el("li", { textContent: m }));
  return list;
}

function scalarList(record: ExperimentRecord): HTMLElement {
  const entries = Object.entries(record.scalars);
  if (entries.length === 0) return el("div");
  const list = el("dl", { className: "scalars" });
  for (const [k, v] of entries)
    list.append(el("dt", { textContent: k }), el("dd", { textContent: String(Number(v.toPrecision(10))) }));
  return list;
}
