import { z } from "zod";
import { type ExperimentRecord, experiments, runExperiment, SpecError, validateSpec } from "./core.js";
import { exampleSpecs } from "./examples.js";
import { webMessages } from "./messages.js";
import { withValue } from "./partial.js";
import { shortPermalink } from "./permalink.js";
import { recordView } from "./record-view.js";
import { type Done, RecordWorker } from "./record-worker.js";
import { RunControl } from "./run-control.js";
import { el, type JsonSchema, type Path, renderSchemaForm } from "./schema-form.js";
import { SpecEditor } from "./spec-editor.js";
import { theoryOnly } from "./theory.js";

/** The status hook's words: the record's status, or where the page is. */
export type PageStatus = "ready" | "running" | "invalid" | "cancelled" | "ok" | "diverged" | "failed";

/** A record status as the status hook shows it: ok and diverged as such, every other failure "failed". */
export function statusWord(record: ExperimentRecord): PageStatus {
  return record.status === "ok" || record.status === "diverged" ? record.status : "failed";
}

const runControl = new RunControl();
const previews = new RecordWorker();

/**
 * The experiment page for a raw spec: a form generated from the experiment's JSON Schema, the raw
 * JSON/YAML editor, the live theory (recomputed in a worker on every valid edit), Run / Cancel with
 * progress, and the record (figure, verdicts, downloads). The URL fragment always holds the spec's
 * permalink.
 */
export function experimentPage(root: HTMLElement, initial: Record<string, unknown>): void {
  let spec = initial;
  let running = false;
  let firstPreview = true;
  let linkTimer: ReturnType<typeof setTimeout> | undefined;
  const name = String((spec.model as { name?: unknown } | undefined)?.name ?? "");
  const experiment = experiments[name];
  const schema = z.toJSONSchema(experiment.schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

  const status = el("output", { className: "status" });
  status.dataset.testid = "status";
  status.setAttribute("aria-live", "polite");
  const error = el("p", { className: "error", role: "alert" });
  error.dataset.testid = "error";
  const progress = el("progress", { max: 1, value: 0 });
  progress.setAttribute("aria-label", "runs done");
  const progressText = el("span", { className: "progress-text" });
  progressText.dataset.testid = "progress";
  const runButton = el("button", { type: "button", textContent: "Run", className: "primary" });
  runButton.dataset.testid = "run";
  const cancelButton = el("button", { type: "button", textContent: "Cancel", disabled: true });
  cancelButton.dataset.testid = "cancel";
  const theoryNote = el("p", { className: "note" });
  const output = el("section", { className: "output", ariaLabel: "Figure and record" });
  const form = el("form", { className: "spec-form", ariaLabel: "Spec fields" });
  form.addEventListener("submit", (e) => e.preventDefault());
  const editor = new SpecEditor(
    (parsed) => setSpec(parsed as Record<string, unknown>, "editor"),
    (message) => showInvalid(webMessages.editorParse(message), undefined),
  );

  const setStatus = (word: PageStatus, detail = "") => {
    status.textContent = word;
    status.dataset.detail = detail;
    status.className = `status status-${word}`;
  };
  const showInvalid = (message: string, field: string | undefined) => {
    error.textContent = message;
    setStatus("invalid");
    for (const row of form.querySelectorAll<HTMLElement>(".field"))
      row.classList.toggle("invalid", row.dataset.field === field);
  };

  /** Validate, update the URL, the form (unless it made the edit) and the editor, and the live theory. */
  function setSpec(next: Record<string, unknown>, from: "form" | "editor" | "start") {
    spec = next;
    if (from !== "form") renderSchemaForm(form, schema, spec, onEdit);
    if (from !== "editor") editor.show(spec);
    // Browsers throttle history updates (a slider fires dozens a second): write the link once it rests.
    clearTimeout(linkTimer);
    linkTimer = setTimeout(
      () => void shortPermalink(spec).then((hash) => history.replaceState(null, "", hash)),
      200,
    );
    if (running) return;
    try {
      const valid = validateSpec(spec).spec;
      error.textContent = "";
      for (const row of form.querySelectorAll(".field.invalid")) row.classList.remove("invalid");
      setStatus("ready");
      preview(valid);
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      showInvalid(e.message, e.field);
    }
  }

  function onEdit(path: Path, value: unknown) {
    setSpec(withValue(spec, path, value), "form");
  }

  /**
   * The live theory of a valid spec. The first one is computed in the page's thread (the core is loaded
   * already; a worker would first have to load it too): the first curve appears as soon as possible.
   * Later ones (slider moves) go to the preview worker, started once the first curve is drawn, latest
   * request wins, so the page never stalls.
   */
  function preview(valid: Record<string, unknown>) {
    const theory = theoryOnly(valid);
    theoryNote.textContent = theory ? "" : webMessages.noTheoryPreview;
    if (!theory) return output.replaceChildren();
    const started = performance.now();
    const show: Done = (record, message) => {
      if (running) return;
      if (!record) {
        theoryNote.textContent = webMessages.theoryFailed(message ?? "");
        return;
      }
      output.replaceChildren(recordView(record, "preview"));
      output.dataset.previewMs = String(Math.round(performance.now() - started));
      // Time from navigation to the first curve on screen (bench/web.ts reads it).
      document.documentElement.dataset.firstFigureMs ??= String(Math.round(performance.now()));
    };
    if (firstPreview) {
      firstPreview = false;
      runExperiment(theory)
        .then(
          (record) => show(record, undefined),
          (e: Error) => show(undefined, e.message),
        )
        .finally(() => previews.warm());
    } else previews.request(theory, show);
  }

  async function run() {
    let valid: Record<string, unknown>;
    try {
      valid = validateSpec(spec).spec;
    } catch (e) {
      if (e instanceof SpecError) return showInvalid(e.message, e.field);
      throw e;
    }
    running = true;
    runButton.disabled = true;
    cancelButton.disabled = false;
    error.textContent = "";
    setStatus("running");
    progress.value = 0;
    progressText.textContent = "";
    try {
      const record = await runControl.run(valid, {
        onProgress(done, total, workers) {
          progress.value = done / total;
          progressText.textContent = webMessages.progress(done, total, workers);
        },
        onPartial: (record) => output.replaceChildren(recordView(record, "preview")),
      });
      output.replaceChildren(recordView(record));
      setStatus(statusWord(record), record.status);
    } catch (e) {
      const cancelled = (e as Error).name === "AbortError";
      error.textContent = cancelled ? "" : webMessages.internal((e as Error).message);
      progressText.textContent = cancelled ? webMessages.cancelled : progressText.textContent;
      setStatus(cancelled ? "cancelled" : "failed");
    } finally {
      running = false;
      runButton.disabled = false;
      cancelButton.disabled = true;
    }
  }

  runButton.addEventListener("click", () => void run());
  cancelButton.addEventListener("click", () => runControl.cancel());

  const examples = exampleSpecs(name);
  const picker = el("select", { id: "example" });
  picker.append(el("option", { value: "", textContent: "— load an example —" }));
  for (const ex of examples) picker.append(el("option", { value: ex.file, textContent: ex.file }));
  picker.addEventListener("change", () => {
    const chosen = examples.find((ex) => ex.file === picker.value);
    if (chosen) setSpec(structuredClone(chosen.spec), "start");
  });

  const controls = el(
    "div",
    { className: "controls" },
    runButton,
    cancelButton,
    status,
    progress,
    progressText,
  );
  const head = el(
    "header",
    { className: "page-head" },
    el("h1", { textContent: name }),
    el("p", { textContent: experiment.description }),
    el("p", {}, el("label", { htmlFor: "example", textContent: "Example " }), picker),
  );
  const left = el("div", { className: "left" }, form, editor.element);
  const right = el("div", { className: "right" }, controls, error, theoryNote, output);
  root.replaceChildren(head, el("div", { className: "columns" }, left, right));
  setSpec(spec, "start");
}
