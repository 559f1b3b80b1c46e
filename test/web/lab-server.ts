import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { type LabServer, serveLab } from "../../src/node/serve.js";

/** The repository root. */
export const root = new URL("../..", import.meta.url).pathname;

/**
 * Build the web app from the current sources into a temporary folder (so a test never sees a stale
 * dist/web) and serve it with `serveLab` on 127.0.0.1 and a free port, over the store `db`.
 *
 * @example const lab = await builtLab("/tmp/none.duckdb"); ...; await lab.close();
 */
export async function builtLab(db: string): Promise<LabServer & { folder: string }> {
  const folder = mkdtempSync(join(tmpdir(), "sgdlab-web-"));
  await build({
    configFile: join(root, "web/vite.config.ts"),
    logLevel: "error",
    build: { outDir: folder, emptyOutDir: true },
  });
  const lab = await serveLab({ root: folder, db, port: 0, host: "127.0.0.1" });
  return {
    ...lab,
    folder,
    close: async () => {
      await lab.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
