import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types (scripts/check-layers.mjs)
import { checkLayers } from "../scripts/check-layers.mjs";

interface LayerReport {
  files: number;
  upward: { from: string; to: string; why: string }[];
  sideways: { from: string; to: string }[];
  circles: string[][];
}

const check = checkLayers as (src?: string) => LayerReport;

/** A throw-away source tree: path -> file text. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "sgdlab-layers-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("layers (issue 13, acceptance 5)", () => {
  it("src/ has no upward import and no import circle", () => {
    const report = check();
    expect(report.files).toBeGreaterThan(100);
    expect(report.upward).toEqual([]);
    expect(report.circles).toEqual([]);
  });

  it("every model folder has an index.ts and exactly one line in src/catalogue/models.ts", () => {
    const models = readdirSync("src/models", { withFileTypes: true }).filter((d) => d.isDirectory());
    const lines = readFileSync("src/catalogue/models.ts", "utf8")
      .split("\n")
      .filter((l) => l.startsWith("export "));
    expect(models.length).toBeGreaterThan(0);
    for (const { name } of models) {
      expect(existsSync(join("src/models", name, "index.ts")), name).toBe(true);
      const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      expect(lines.filter((l) => l.includes(`"../models/${name}/index.js"`))).toEqual([
        `export { catalogueEntry as ${camel} } from "../models/${name}/index.js";`,
      ]);
    }
    expect(lines.length).toBe(models.length);
  });

  it("the checker sees an upward import, a circle and a sideways model import", () => {
    const root = tree({
      "core/a.ts": 'import { b } from "../models/m/b.js";\nexport const a = b;\n',
      "models/m/b.ts": 'import { c } from "./c.js";\nexport const b = c;\n',
      "models/m/c.ts": 'import type { B } from "./b.js";\nexport const c = 1;\nexport type C = B;\n',
      "models/n/d.ts": 'export { b } from "../m/b.js";\n',
      "simulate/e.ts": 'import { a } from "../core/a.js";\nexport const e = a;\n',
    });
    made.push(root);
    const report = check(root);
    expect(report.upward).toEqual([{ from: "core/a.ts", to: "models/m/b.ts", why: "core -> models" }]);
    expect(report.circles).toEqual([["models/m/b.ts", "models/m/c.ts"]]);
    expect(report.sideways).toEqual([{ from: "models/n/d.ts", to: "models/m/b.ts" }]);
  });
});
