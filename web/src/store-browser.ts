import { webMessages } from "./messages.js";
import { el } from "./schema-form.js";

/** One run as `/api/runs` lists it (src/node/serve/read-store.ts). */
interface RunRow {
  id: string;
  experiment: string;
  status: string;
  startedAt: string;
  analysis: string | null;
  title: string | null;
}

/** One sweep as `/api/sweeps` lists it. */
interface SweepRow {
  id: string;
  name: string;
  points: number;
  updatedAt: string;
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok || !response.headers.get("content-type")?.includes("json"))
    throw new Error(String(response.status));
  return (await response.json()) as T;
}

/** A table whose first column opens `open(id)`. */
function table(
  caption: string,
  columns: string[],
  rows: { id: string; cells: string[] }[],
  open: (id: string) => void,
) {
  const head = el("tr");
  for (const h of columns) head.append(el("th", { scope: "col", textContent: h }));
  const body = el("tbody");
  for (const row of rows) {
    const button = el("button", { type: "button", textContent: row.id, className: "link" });
    button.addEventListener("click", () => open(row.id));
    const tr = el("tr", {}, el("td", {}, button));
    tr.append(...row.cells.map((c) => el("td", { textContent: c })));
    body.append(tr);
  }
  return el(
    "table",
    { className: "runs" },
    el("caption", { textContent: caption }),
    el("thead", {}, head),
    body,
  );
}

/**
 * The run store through `sgdlab serve`'s read-only API: the runs of `/api/runs` (each opens
 * `/api/runs/:id`, a record) and the sweeps of `/api/sweeps` (each opens `/api/sweeps/:id`, whose
 * heatmap the page draws). Without the server (a static host) it says how to get one.
 */
export async function storeBrowser(root: HTMLElement, show: (value: unknown) => void): Promise<void> {
  let runs: RunRow[];
  let sweeps: SweepRow[];
  try {
    [runs, sweeps] = await Promise.all([
      getJson<{ runs: RunRow[] }>("api/runs").then((r) => r.runs),
      getJson<{ sweeps: SweepRow[] }>("api/sweeps").then((r) => r.sweeps),
    ]);
  } catch {
    root.replaceChildren(el("p", { className: "note", textContent: webMessages.noStore }));
    return;
  }
  const open = (path: string) => (id: string) => void getJson(`${path}/${encodeURIComponent(id)}`).then(show);
  const runRows = runs.map((r) => ({
    id: r.id,
    cells: [r.experiment, [r.analysis, r.title].filter(Boolean).join(" · "), r.status, r.startedAt],
  }));
  const runTable = table(
    `Runs in the store (${runs.length})`,
    ["run", "experiment", "label", "status", "started"],
    runRows,
    open("api/runs"),
  );
  runTable.dataset.testid = "runs";
  const parts = [runTable];
  if (sweeps.length > 0) {
    const sweepRows = sweeps.map((s) => ({ id: s.id, cells: [s.name, String(s.points), s.updatedAt] }));
    const sweepTable = table(
      `Sweeps (${sweeps.length})`,
      ["sweep", "name", "points", "updated"],
      sweepRows,
      open("api/sweeps"),
    );
    sweepTable.dataset.testid = "sweeps";
    parts.push(sweepTable);
  }
  root.replaceChildren(...parts);
}
