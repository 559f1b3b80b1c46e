/**
 * A form generated from an experiment's JSON Schema (the one `sgdlab schema <model>` prints:
 * `z.toJSONSchema(schema, { io: "input" })`). Objects become fieldsets; numbers, strings, enums and
 * booleans become labelled inputs; lists of enum values become checkbox groups; anything else (unions,
 * matrices) a one-line JSON field. Key numeric fields also get a slider ({@link sliderFields}).
 *
 * The form shows the raw spec (what the user wrote; an empty input means "the default", shown as its
 * placeholder) and reports each edit as `onEdit(path, value)`, `value` undefined for "remove the field".
 * Validation is not done here: the page calls the core's `validateSpec` so messages are the CLI's.
 */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

export type Path = readonly string[];
export type OnEdit = (path: Path, value: unknown) => void;

/** Numeric fields that get a slider next to their number input: the knobs of the phenomena. */
export const sliderFields = new Set(["snr", "cDelta", "lr", "b", "batchFraction", "ridge", "sigma", "alpha"]);

/** Render the form for `schema` with the values of `spec` into `root` (replacing its content). */
export function renderSchemaForm(root: HTMLElement, schema: JsonSchema, spec: unknown, onEdit: OnEdit): void {
  root.replaceChildren(...fields(schema, spec, [], onEdit));
}

function fields(schema: JsonSchema, value: unknown, path: Path, onEdit: OnEdit): HTMLElement[] {
  const object = (value ?? {}) as Record<string, unknown>;
  return Object.entries(schema.properties ?? {})
    .filter(([key]) => key !== "$schema")
    .map(([key, node]) => field(node, object[key], [...path, key], onEdit));
}

function field(node: JsonSchema, value: unknown, path: Path, onEdit: OnEdit): HTMLElement {
  if (node.type === "object" && node.properties && !node.anyOf) {
    const set = el("fieldset", { className: "group" });
    set.append(el("legend", { textContent: path.at(-1) ?? "" }), ...fields(node, value, path, onEdit));
    if (node.description) set.title = node.description;
    return set;
  }
  const row = el("div", { className: "field" });
  const id = `f-${path.join("-")}`;
  const label = el("label", { htmlFor: id, textContent: path.join(".") });
  row.dataset.field = path.join(".");
  row.append(label, control(node, value, path, id, onEdit));
  if (node.description) row.append(el("small", { textContent: node.description }));
  return row;
}

function control(node: JsonSchema, value: unknown, path: Path, id: string, onEdit: OnEdit): HTMLElement {
  if (node.const !== undefined) return readonly(id, node.const);
  if (node.enum) return select(id, node, value, (v) => onEdit(path, v));
  if (node.type === "boolean") {
    const box = el("input", { type: "checkbox", id, checked: value === true });
    box.addEventListener("change", () => onEdit(path, box.checked));
    return box;
  }
  if (node.type === "number" || node.type === "integer") return numberControl(node, value, path, id, onEdit);
  if (node.type === "string") {
    const text = el("input", { type: "text", id, value: typeof value === "string" ? value : "" });
    text.placeholder = typeof node.default === "string" ? node.default : "";
    text.addEventListener("input", () => onEdit(path, text.value === "" ? undefined : text.value));
    return text;
  }
  if (node.type === "array" && node.items?.enum) return checkboxes(id, node.items.enum, value, path, onEdit);
  return jsonControl(node, value, path, id, onEdit);
}

function readonly(id: string, value: unknown): HTMLElement {
  return el("input", { type: "text", id, value: String(value), readOnly: true, className: "const" });
}

function select(id: string, node: JsonSchema, value: unknown, set: (v: unknown) => void): HTMLElement {
  const box = el("select", { id });
  const fallback = node.default === undefined ? "" : ` (default ${String(node.default)})`;
  box.append(el("option", { value: "", textContent: `—${fallback}` }));
  for (const option of node.enum ?? [])
    box.append(el("option", { value: String(option), textContent: String(option) }));
  box.value = value === undefined ? "" : String(value);
  box.addEventListener("change", () =>
    set(box.value === "" ? undefined : node.enum?.find((o) => String(o) === box.value)),
  );
  return box;
}

function checkboxes(id: string, options: unknown[], value: unknown, path: Path, onEdit: OnEdit): HTMLElement {
  const group = el("span", { id, className: "choices" });
  group.setAttribute("role", "group");
  const chosen = new Set(Array.isArray(value) ? value : []);
  for (const option of options) {
    const box = el("input", { type: "checkbox", id: `${id}-${String(option)}`, checked: chosen.has(option) });
    box.addEventListener("change", () => {
      if (box.checked) chosen.add(option);
      else chosen.delete(option);
      onEdit(
        path,
        options.filter((o) => chosen.has(o)),
      );
    });
    group.append(el("label", { className: "choice" }, box, String(option)));
  }
  return group;
}

function numberControl(
  node: JsonSchema,
  value: unknown,
  path: Path,
  id: string,
  onEdit: OnEdit,
): HTMLElement {
  const input = el("input", { type: "number", id, value: typeof value === "number" ? String(value) : "" });
  input.step = node.type === "integer" ? "1" : "any";
  if (node.minimum !== undefined) input.min = String(node.minimum);
  if (node.maximum !== undefined && node.maximum < 1e15) input.max = String(node.maximum);
  if (node.default !== undefined) input.placeholder = String(node.default);
  input.addEventListener("input", () => onEdit(path, input.value === "" ? undefined : Number(input.value)));
  const key = path.at(-1) ?? "";
  if (!sliderFields.has(key)) return input;
  const slider = sliderFor(node, value, id, path.join("."));
  slider.addEventListener("input", () => {
    input.value = slider.value;
    onEdit(path, Number(slider.value));
  });
  input.addEventListener("input", () => {
    if (input.value !== "") slider.value = input.value;
  });
  return el("span", { className: "numeric" }, input, slider);
}

/**
 * A range input over [lower bound, upper]: the schema's bounds where they are finite and modest, else
 * [0, a round number >= 4 × (the value or the default, or 1)], in steps of a power of ten giving
 * 100–1000 positions (so round values such as 2 or 0.5 lie on the grid).
 */
function sliderFor(node: JsonSchema, value: unknown, id: string, dotted: string): HTMLInputElement {
  const current = typeof value === "number" ? value : typeof node.default === "number" ? node.default : 1;
  const min = node.minimum ?? node.exclusiveMinimum ?? Math.min(0, current);
  const max =
    node.maximum !== undefined && node.maximum <= 100
      ? node.maximum
      : roundUp(Math.max(1, 4 * Math.abs(current)));
  const step = 10 ** Math.floor(Math.log10((max - min) / 100));
  const slider = el("input", { type: "range", id: `${id}-slider`, min: String(min), max: String(max) });
  slider.step = String(step);
  slider.value = String(current);
  slider.dataset.testid = `slider-${dotted}`;
  slider.setAttribute("aria-label", `${dotted} slider`);
  return slider;
}

/** The smallest of 1, 2, 5 × a power of ten that is >= x. */
function roundUp(x: number): number {
  const decade = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((f) => f * decade).find((v) => v >= x) ?? 10 * decade;
}

function jsonControl(node: JsonSchema, value: unknown, path: Path, id: string, onEdit: OnEdit): HTMLElement {
  const text = el("input", {
    type: "text",
    id,
    className: "json",
    value: value === undefined ? "" : JSON.stringify(value),
  });
  if (node.default !== undefined) text.placeholder = JSON.stringify(node.default);
  text.addEventListener("change", () => {
    if (text.value.trim() === "") return onEdit(path, undefined);
    try {
      onEdit(path, JSON.parse(text.value));
    } catch {
      onEdit(path, text.value);
    }
  });
  return text;
}

/** `document.createElement` with properties and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}
