/**
 * Stand-in for linkedom in the browser bundle (see web/vite.config.ts): a browser always has a global
 * `document`, so `plotDocument()` never calls this; if it ever does, it says so instead of drawing nothing.
 */
export function parseHTML(): never {
  throw new Error("linkedom is not bundled in the browser: figures are drawn in the page's own document");
}
