#!/usr/bin/env node
/**
 * Checks the layering of `src/` (docs/DESIGN "Layers"): every relative import must point down, and no
 * import circle may exist anywhere. Prints the upward imports and the circles it finds and exits 1 if
 * there is any.
 *
 * Layers, top to bottom (a file may import its own layer's folder or any layer below; `src/index.ts`, the
 * browser-safe public surface, sits on the catalogue and under the Node-only `src/node/`):
 *   node > index.ts > catalogue > models > sweep > plot > experiment > simulate > kernels > optimizers
 *   > theory > core
 * A model may use another model's folder (large-step GD reduces to the cubic map): such sideways imports
 * are listed, not refused; a circle between models is refused like any other.
 *
 * @example node scripts/check-layers.mjs        # "layers: 0 upward imports, 0 circles (229 files)"
 * @example node scripts/check-layers.mjs --json # the same as JSON, for test/layers.test.ts
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const defaultSrc = join(root, "src");

/** Layer names from the bottom (rank 0) up. */
export const layerOrder = [
  "core",
  "theory",
  "optimizers",
  "kernels",
  "simulate",
  "experiment",
  "plot",
  "sweep",
  "models",
  "catalogue",
  "index.ts",
  "node",
];

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return /\.ts$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The relative import targets of a TypeScript file, resolved to `.ts` paths under src/. */
function importsOf(file) {
  const text = readFileSync(file, "utf8");
  const re =
    /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g;
  const out = [];
  for (const match of text.matchAll(re)) {
    const target = resolve(dirname(file), (match[1] ?? match[2]).replace(/\.js$/, ".ts"));
    if (existsSync(target)) out.push(target);
    else if (existsSync(join(target.replace(/\.ts$/, ""), "index.ts")))
      out.push(join(target.replace(/\.ts$/, ""), "index.ts"));
  }
  return out;
}

/** `{ layer, model }` of a path under src/: the top folder (or "index.ts") and, in models/, the model. */
function placeOf(src, file) {
  const parts = relative(src, file).split(/[\\/]/);
  return { layer: parts[0], model: parts[0] === "models" && parts.length > 2 ? parts[1] : undefined };
}

/** Why `from -> to` runs up, or undefined when it points down or stays in its layer. */
function violation(src, from, to) {
  const a = placeOf(src, from);
  const b = placeOf(src, to);
  if (a.layer === b.layer) return undefined;
  const ra = layerOrder.indexOf(a.layer);
  const rb = layerOrder.indexOf(b.layer);
  if (ra < 0 || rb < 0) return `unknown layer (${ra < 0 ? a.layer : b.layer})`;
  return rb > ra ? `${a.layer} -> ${b.layer}` : undefined;
}

/** Every elementary cycle is not needed: one representative cycle per strongly connected component. */
function circles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) !== idx.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

/** True when `from` (in one model's folder) imports another model's folder. */
function sideways(src, from, to) {
  const a = placeOf(src, from);
  const b = placeOf(src, to);
  return a.model !== undefined && b.model !== undefined && a.model !== b.model;
}

/**
 * The layer report of the source tree `src` (default: this repository's `src/`), paths relative to it:
 * `{ files, upward: [{ from, to, why }], sideways: [{ from, to }], circles: [[file, ...]] }`.
 */
export function checkLayers(src = defaultSrc) {
  const files = listFiles(src);
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const upward = [];
  const across = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const why = violation(src, from, to);
      const edge = { from: relative(src, from), to: relative(src, to) };
      if (why !== undefined) upward.push({ ...edge, why });
      if (sideways(src, from, to)) across.push(edge);
    }
  }
  const cycles = circles(graph).map((c) => c.map((f) => relative(src, f)));
  return { files: files.length, upward, sideways: across, circles: cycles };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = checkLayers();
  if (process.argv.includes("--json")) console.log(JSON.stringify(report, null, 2));
  else {
    for (const u of report.upward) console.log(`upward (${u.why}): ${u.from} -> ${u.to}`);
    for (const c of report.circles) console.log(`circle: ${c.join(" <-> ")}`);
    for (const e of report.sideways) console.log(`sideways (allowed): ${e.from} -> ${e.to}`);
    console.log(
      `layers: ${report.upward.length} upward imports, ${report.circles.length} circles (${report.files} files)`,
    );
  }
  process.exitCode = report.upward.length + report.circles.length > 0 ? 1 : 0;
}
