import { parseHTML } from "linkedom";

let cached: Document | undefined;

/**
 * A `Document` for Observable Plot to build SVG elements in.
 *
 * In a browser this is the global `document`; in Node (no global `document`) it is a linkedom document,
 * created once and reused. linkedom is pure JavaScript, so this module stays browser-safe. Plot does not
 * measure text (it estimates widths), so no layout engine or font is needed to build the SVG.
 *
 * @example const svg = Plot.plot({ document: plotDocument(), marks: [Plot.lineY([1, 2, 3])] }).outerHTML;
 */
export function plotDocument(): Document {
  const global = (globalThis as { document?: Document }).document;
  if (global !== undefined) return global;
  if (cached === undefined) {
    cached = parseHTML("<!doctype html><html><head></head><body></body></html>").document as Document;
  }
  return cached;
}
