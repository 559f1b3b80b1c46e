import type { Experiment } from "../experiment/experiment.js";
import type { FigureEntry } from "../experiment/figure-entry.js";
import type { FigureRenderer, ModelPackage } from "../experiment/model-package.js";

/** The catalogue's three tables, merged from every model package. */
export interface Catalogue {
  experiments: Record<string, Experiment<never>>;
  figures: Record<string, FigureEntry>;
  renderers: Record<string, FigureRenderer>;
}

/** Adds `entries` to `table`; a key that two models claim is a programming error, reported at load. */
function addAll<T>(table: Record<string, T>, entries: [string, T][], what: string): void {
  for (const [key, value] of entries) {
    if (key in table) throw new Error(`two models register the ${what} "${key}"`);
    table[key] = value;
  }
}

/**
 * Merges model packages into one catalogue: experiments by `experiment.name`, figures by id, renderers by
 * experiment name. Only collects: nothing model-specific lives here.
 *
 * @example collectCatalogue([{ experiments: [e] }]).experiments[e.name] === e // true
 */
export function collectCatalogue(packages: readonly ModelPackage[]): Catalogue {
  const catalogue: Catalogue = { experiments: {}, figures: {}, renderers: {} };
  for (const p of packages) {
    addAll(
      catalogue.experiments,
      p.experiments.map((e) => [e.name, e]),
      "experiment",
    );
    addAll(catalogue.figures, Object.entries(p.figures ?? {}), "figure");
    addAll(catalogue.renderers, Object.entries(p.renderers ?? {}), "renderer");
  }
  return catalogue;
}
