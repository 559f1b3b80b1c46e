/**
 * The lab in the browser, measured in Debian's chromium through Playwright (issue 12):
 *
 * - first theory curve on screen after navigation to the permalink of examples/spiked-matrix.json
 *   (target < 500 ms; the page's own `data-first-figure-ms`, from navigation start);
 * - simulation steps/s of that spec on the page's Web Workers (one per `navigator.hardwareConcurrency`)
 *   against `sgdlab run --workers W` in Node, same spec, same W (target >= 0.8×);
 * - the built bundle's gzip size.
 *
 * `npx tsx bench/web.ts [--quick] [--json]` runs it alone; `webSection` is the section for bench/run.ts.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import type { ExperimentRecord } from "../src/index.js";
import { chromiumMissing, launchChromium } from "../test/web/browser.js";
import { builtLab, root } from "../test/web/lab-server.js";
import { downloadText, finalStatus, open } from "../test/web/page-helpers.js";
import { specPermalink } from "../web/src/permalink.js";
import { type BenchOptions, parseOptions } from "./options.js";
import { formatTable, noteSection, num, type Row, type Section, verdict } from "./report.js";

const compiledCli = join(root, "dist/cli/main.js");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** The spiked-matrix acceptance spec; `--quick` simulates a fifth of its horizon. */
function benchSpec(quick: boolean): Record<string, unknown> {
  const spec = JSON.parse(readFileSync(join(root, "examples/spiked-matrix.json"), "utf8"));
  return quick ? { ...spec, horizon: 2, points: 11 } : spec;
}

/** SGD steps of a spiked-tensor spec: runs × horizon × N / cDelta (t = steps × cDelta / N). */
function steps(spec: Record<string, unknown>): number {
  const { N } = spec.model as { N: number };
  const { cDelta } = spec.optimizer as { cDelta: number };
  return (spec.runs as number) * Math.round(((spec.horizon as number) * N) / cDelta);
}

async function firstCurveMs(page: Page, url: string): Promise<number> {
  await open(page, url);
  await page.locator("[data-testid=figure] > svg").waitFor({ timeout: 30_000 });
  return Number(await page.evaluate(() => document.documentElement.dataset.firstFigureMs));
}

async function pageSimulationSeconds(page: Page, url: string): Promise<number> {
  await open(page, url);
  await page.locator("[data-testid=figure] > svg").waitFor({ timeout: 30_000 });
  await page.click("[data-testid=run]");
  const status = await finalStatus(page, 600_000);
  if (status !== "ok") throw new Error(`the page's run ended ${status}`);
  const record = JSON.parse(await downloadText(page, "download-record")) as ExperimentRecord;
  return record.timing.simulationSeconds;
}

async function nodeSimulationSeconds(
  spec: Record<string, unknown>,
  workers: number,
  dir: string,
): Promise<number> {
  const file = join(dir, "bench-spec.json");
  writeFileSync(file, JSON.stringify(spec));
  // The compiled CLI, as users run it (from the sources, tsx would compile the worker threads' code too).
  const args = existsSync(compiledCli)
    ? [compiledCli, "run", file]
    : ["--import", import.meta.resolve("tsx"), join(root, "cli/main.ts"), "run", file];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...args, "--json", "--quiet", "--no-store", "--workers", String(workers)],
    { maxBuffer: 64 << 20 },
  );
  return (JSON.parse(stdout) as ExperimentRecord).timing.simulationSeconds;
}

/** Gzip sizes (level 9, as a static host serves them) of the page's files and of the worker's. */
function bundleSizes(folder: string): { page: number; worker: number; raw: number } {
  const files = readdirSync(join(folder, "assets")).map((f) => join("assets", f));
  const gz = (f: string) => gzipSync(readFileSync(join(folder, f)), { level: 9 }).length;
  const worker = files.filter((f) => f.includes("worker"));
  const page = ["index.html", ...files.filter((f) => !f.includes("worker"))];
  const raw = [...page, ...worker].reduce((s, f) => s + statSync(join(folder, f)).size, 0);
  return { page: page.reduce((s, f) => s + gz(f), 0), worker: worker.reduce((s, f) => s + gz(f), 0), raw };
}

/** Section 11: the lab in the browser (skipped when chromium is missing). */
export async function webSection(options: BenchOptions): Promise<Section> {
  const id = "web";
  const title = "11. The lab in the browser (Debian chromium, Playwright)";
  const missing = chromiumMissing();
  if (missing) return noteSection(id, title, `skipped: ${missing}`);
  const lab = await builtLab(join(root, ".sgdlab/none-bench.duckdb"));
  const chromium = await launchChromium();
  try {
    const page = await chromium.context.newPage();
    const spec = benchSpec(options.quick);
    const url = lab.url + specPermalink(spec);
    const loads = Array.from({ length: options.quick ? 3 : 7 });
    const first: number[] = [];
    for (const _ of loads) first.push(await firstCurveMs(page, url));
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    const inPage: number[] = [];
    const inNode: number[] = [];
    for (let r = 0; r < options.rounds; r++) {
      inPage.push(await pageSimulationSeconds(page, url));
      inNode.push(await nodeSimulationSeconds(spec, workers, lab.folder));
    }
    const n = steps(spec);
    const [pageRate, nodeRate] = [n / Math.min(...inPage), n / Math.min(...inNode)];
    const sizes = bundleSizes(lab.folder);
    const rows: Row[] = [
      {
        label: "first theory curve after navigation",
        value: `${num(median(first.slice(1)))} ms`,
        note: `median of ${first.length - 1} warm loads (cold ${num(first[0])} ms); target < 500 ms: ${verdict(median(first.slice(1)), 500, false)}`,
      },
      {
        label: `page, ${workers} Web Workers`,
        value: `${num(pageRate)} steps/s`,
        note: `best of ${inPage.length}`,
      },
      {
        label: `sgdlab run --workers ${workers}${existsSync(compiledCli) ? "" : " (tsx)"}`,
        value: `${num(nodeRate)} steps/s`,
        note: `ratio page/node ${num(pageRate / nodeRate)}; target >= 0.8: ${verdict(pageRate / nodeRate, 0.8, true)}`,
      },
      {
        label: "bundle, gzip -9",
        value: `${num(sizes.page / 1024)} kB`,
        note: `page (html, js, css); worker ${num(sizes.worker / 1024)} kB; ${num(sizes.raw / 1024)} kB uncompressed`,
      },
    ];
    return {
      id,
      title,
      rows,
      results: {
        firstCurveMs: median(first.slice(1)),
        firstCurveColdMs: first[0],
        workers,
        pageStepsPerSecond: pageRate,
        nodeStepsPerSecond: nodeRate,
        ratio: pageRate / nodeRate,
        pageGzipBytes: sizes.page,
        workerGzipBytes: sizes.worker,
      },
    };
  } finally {
    await chromium.close();
    await lab.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = parseOptions(process.argv.slice(2));
  const section = await webSection(options);
  console.log(options.json ? JSON.stringify(section.results, null, 2) : formatTable([], [section]));
}
