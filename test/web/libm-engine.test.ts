import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissing, type LaunchedBrowser, launchChromium } from "./browser.js";
import { root } from "./lab-server.js";
import { probe } from "./libm-probe.js";

const missing = chromiumMissing();
if (missing && process.env.CI) throw new Error(`browser tests must run in CI: ${missing}`);
if (missing) console.warn(`test/web/libm-engine skipped: ${missing}`);

// The non-negotiable "same seed, same numbers, whatever the place", checked at its root: the libm ports
// and the random streams hash the same in Chromium as in Node, bit for bit, while the engines' own
// Math.exp/log/log1p/pow round some of the same arguments differently (counted, for information;
// Chromium 156 against Node 20, 10^5 arguments each: exp 9578, log 112, log1p 93, pow 9664).
describe.skipIf(missing !== undefined)("libm and the Rng in Chromium (Debian chromium)", () => {
  let chromium: LaunchedBrowser;
  let bundle: string;

  beforeAll(async () => {
    const entry = 'import { probe } from "./test/web/libm-probe.ts"; globalThis.libmProbe = probe;';
    const out = await build({
      stdin: { contents: entry, resolveDir: root, loader: "ts" },
      bundle: true,
      format: "iife",
      write: false,
      logLevel: "silent",
    });
    bundle = out.outputFiles[0].text;
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it("the ports and the streams are bit for bit the same as in Node", async () => {
    const page = await chromium.context.newPage();
    await page.setContent("<!doctype html><title>libm</title>");
    await page.addScriptTag({ content: bundle });
    const inBrowser = (await page.evaluate(() =>
      (globalThis as unknown as { libmProbe: typeof probe }).libmProbe(),
    )) as Record<string, string | number>;
    const inNode = probe();
    const counts = (r: Record<string, string | number>) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => k.includes("differs")));
    console.log("Math.* vs the ports, Node:", counts(inNode), "Chromium:", counts(inBrowser));
    const hashesOf = (r: Record<string, string | number>) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !k.includes("differs")));
    expect(hashesOf(inBrowser)).toEqual(hashesOf(inNode));
    await page.close();
  });
});
