import type { ExperimentRecord } from "./core.js";
import { webMessages } from "./messages.js";
import { recordView } from "./record-view.js";
import { el } from "./schema-form.js";
import { storeBrowser } from "./store-browser.js";
import { isSweepDocument, sweepView } from "./sweep-view.js";

/** Parsed record.json as a record (missing optional parts empty); throws when it is none. */
function asRecord(value: unknown): ExperimentRecord {
  const record = value as Partial<ExperimentRecord>;
  if (
    !record ||
    typeof record !== "object" ||
    !record.spec ||
    !record.status ||
    !Array.isArray(record.series)
  )
    throw new Error("expected an object with spec, status and series");
  return {
    messages: [],
    scalars: {},
    tables: {},
    distributions: {},
    agreement: {},
    timing: {},
    ...record,
  } as ExperimentRecord;
}

/**
 * The records page: open a record.json or a sweep.json (file picker or drag and drop) to see its figure
 * (a sweep's heatmap), verdicts and downloads, or browse the run store's runs and sweeps when the page
 * is served by `sgdlab serve`.
 */
export function recordsPage(root: HTMLElement): void {
  const shown = el("section", { className: "output", ariaLabel: "Record" });
  const error = el("p", { className: "error", role: "alert" });
  error.dataset.testid = "error";
  const show = (value: unknown) => {
    error.textContent = "";
    shown.replaceChildren(isSweepDocument(value) ? sweepView(value) : recordView(asRecord(value)));
  };
  const open = async (file: File) => {
    try {
      show(JSON.parse(await file.text()));
    } catch (e) {
      error.textContent = webMessages.recordUnreadable(file.name, (e as Error).message);
    }
  };
  const picker = el("input", { type: "file", id: "record-file", accept: ".json,application/json" });
  picker.dataset.testid = "record-file";
  picker.addEventListener("change", () => picker.files?.[0] && void open(picker.files[0]));
  const drop = el("div", { className: "drop", tabIndex: 0 }, "Drop a record.json or sweep.json here, or ");
  drop.append(el("label", { htmlFor: "record-file", textContent: "choose a file" }), " ", picker);
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const file = e.dataTransfer?.files[0];
    if (file) void open(file);
  });
  const store = el("section", { className: "store", ariaLabel: "Run store" });
  root.replaceChildren(el("h1", { textContent: "Records" }), drop, error, store, shown);
  void storeBrowser(store, show);
}
