import { parse as parseYaml, stringify as toYaml } from "yaml";
import { el } from "./schema-form.js";

/** The raw spec text: JSON or YAML, the same two formats `sgdlab run` reads. */
export type SpecFormat = "json" | "yaml";

/**
 * Parse spec text as JSON, or else as YAML (JSON is YAML, so YAML alone would do; JSON first gives
 * JSON's error messages for JSON-looking text). Throws with the parser's message.
 *
 * @example parseSpecText('model: { name: cubic-map }') // { model: { name: "cubic-map" } }
 */
export function parseSpecText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    if (/^\s*[{[]/.test(text)) throw e;
    return parseYaml(text);
  }
}

/** The spec as text in a format. */
export function specText(spec: unknown, format: SpecFormat): string {
  return format === "json" ? `${JSON.stringify(spec, null, 2)}\n` : toYaml(spec);
}

/**
 * A textarea (`data-testid="spec-editor"`) holding the raw spec, with a JSON/YAML switch. Typing
 * reports the parsed spec (or the parse error) after a short pause; {@link SpecEditor.show} replaces
 * the text when the spec changed elsewhere (form, slider, example).
 */
export class SpecEditor {
  readonly element: HTMLElement;
  private readonly area: HTMLTextAreaElement;
  private format: SpecFormat = "json";
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(onSpec: (spec: unknown) => void, onParseError: (message: string) => void) {
    this.area = el("textarea", { id: "spec-text", spellcheck: false, rows: 24 });
    this.area.dataset.testid = "spec-editor";
    const formats = el("select", { id: "spec-format" });
    formats.append(
      el("option", { value: "json", textContent: "JSON" }),
      el("option", { value: "yaml", textContent: "YAML" }),
    );
    formats.addEventListener("change", () => {
      const spec = this.current();
      this.format = formats.value as SpecFormat;
      if (spec !== undefined) this.show(spec);
    });
    this.area.addEventListener("input", () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        try {
          onSpec(parseSpecText(this.area.value));
        } catch (e) {
          onParseError((e as Error).message);
        }
      }, 250);
    });
    const header = el(
      "div",
      { className: "editor-head" },
      el("label", { htmlFor: "spec-text", textContent: "Spec" }),
      " ",
    );
    header.append(
      el("label", { htmlFor: "spec-format", className: "sr-only", textContent: "Format" }),
      formats,
    );
    this.element = el("section", { className: "editor" }, header, this.area);
  }

  /** Show `spec` as text (unless the user is typing in the editor right now). */
  show(spec: unknown): void {
    if (document.activeElement === this.area) return;
    this.area.value = specText(spec, this.format);
  }

  private current(): unknown {
    try {
      return parseSpecText(this.area.value);
    } catch {
      return undefined;
    }
  }
}
