import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The lab in the browser: `npm run build:web` writes a static site to `dist/web/` (relative asset paths,
 * so any static host or `sgdlab serve` can serve it from any folder).
 *
 * linkedom is replaced by a stub: the core only uses it in Node, where there is no global `document`
 * (src/plot/dom.ts); the page draws figures with the real DOM and would otherwise ship ~100 kB for nothing.
 */
export default defineConfig({
  root: here("."),
  base: "./",
  resolve: { alias: { linkedom: here("./src/linkedom-stub.ts") } },
  build: {
    outDir: here("../dist/web"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: "es" },
  server: { fs: { allow: [here("..")] } },
});
