import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExperimentRecord, experimentNames, SpecError, validateSpec } from "../../src/index.js";
import { specFromFragment } from "../../web/src/permalink.js";
import { parseSpecText } from "../../web/src/spec-editor.js";
import { chromiumMissing, type LaunchedBrowser, launchChromium } from "./browser.js";
import { builtLab, root } from "./lab-server.js";
import { downloadText, figureHtml, finalStatus, open, slide } from "./page-helpers.js";
import { storeWithRunAndSweep } from "./store-fixture.js";

const missing = chromiumMissing();
if (missing && process.env.CI) throw new Error(`browser tests must run in CI: ${missing}`);
if (missing) console.warn(`test/web skipped: ${missing}`);

/** Screenshots for docs/web/ are written only on request (they are committed; tests leave git clean). */
const shots = process.env.SGDLAB_SCREENSHOTS === "1" ? join(root, "docs/web") : undefined;
async function shoot(page: Page, name: string, fullPage = false) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
}

const example = (file: string) =>
  parseSpecText(readFileSync(join(root, "examples", file), "utf8")) as Record<string, unknown>;
/** `#spec=` built here, independently of the page's encoder: the documented, always-accepted form. */
const plainLink = (spec: unknown) =>
  `#spec=${Buffer.from(JSON.stringify(spec), "utf8").toString("base64url")}`;

/** The record `sgdlab run --json` prints for an example, from the TypeScript sources, on 2 workers. */
async function cliRecord(file: string): Promise<ExperimentRecord> {
  const args = [
    "--import",
    import.meta.resolve("tsx"),
    join(root, "cli/main.ts"),
    "run",
    join(root, "examples", file),
  ];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...args, "--json", "--quiet", "--no-store", "--workers", "2"],
    {
      maxBuffer: 64 << 20,
    },
  );
  return JSON.parse(stdout) as ExperimentRecord;
}

/** The page's scripting hook (web/src/scripting.ts). */
type Scripted = { sgdlab: { runExperiment(spec: unknown): Promise<unknown> } };

/** What a record must reproduce: all of it but timing and provenance. */
const comparedKeys = [
  "spec",
  "status",
  "messages",
  "series",
  "scalars",
  "tables",
  "distributions",
  "agreement",
] as const;

/**
 * Where the page's record differs from the CLI's: a list of paths (empty when none).
 *
 * Exact (every number, bit for bit): spec, status, messages, tables, distributions, every time grid
 * (steps x dt: IEEE +, *, / only) and the simulation series, values and standard errors. The random
 * streams are integer arithmetic plus the deterministic fdlibm ports of src/core/libm.ts (never the
 * engine's Math.exp/log/pow), and the simulators use only +, -, *, /, sqrt and that `pow`, so a
 * simulation is the same number in Node and in Chromium (issue 12, acceptance 2).
 *
 * Bounded: the theory series, agreement numbers and scalars. The theory code (ODE step control, closed
 * forms, the agreement tolerance's normal CDF) calls Math.exp/log/pow/..., which Node 20's V8 (fdlibm)
 * and Chromium 156's V8 (another libm) round 1 ulp apart on 5-10% of arguments. Both are faithfully
 * rounded, so a call differs by <= 2 ulp = 4.4e-16 relative; a theory value comes out of at most a few
 * thousand such calls chained through contracting maps (ODE steps), so it differs by at most
 * ~2000 x 4.4e-16 ~ 1e-12 x S, S the statistic's largest magnitude in the series (values at the
 * rounding floor, e.g. a gradient flow decayed to 1e-13, carry the absolute error of that scale).
 * Agreement gaps and tolerances (<= 4 stderr + c / N) are differences of exact simulation values and such
 * theory values: within 1e-11 x S of the simulation's scale S. Scalars: 1e-12 relative. A flipped branch
 * would differ by O(stderr) and is caught.
 */
function sameAsCli(a: ExperimentRecord, b: ExperimentRecord): string[] {
  const bad: string[] = [];
  const near = (path: string, x: number, y: number, bound: number) => {
    if (!(Math.abs(x - y) <= bound)) bad.push(`${path}: ${x} vs ${y}`);
  };
  const exact = (path: string, xs: readonly number[], ys: readonly number[] | undefined) => {
    const j = xs.findIndex((x, i) => !Object.is(x, ys?.[i]));
    if (j >= 0 || xs.length !== ys?.length) bad.push(`${path}[${j}]: ${xs[j]} vs ${ys?.[j]} (exact)`);
  };
  for (const key of ["spec", "status", "messages", "tables", "distributions"] as const)
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) bad.push(key);
  const scales: Record<string, number> = {};
  for (const [i, s] of a.series.entries()) {
    const t = b.series[i];
    if (!t || s.source !== t.source || s.t.length !== t.t.length) {
      bad.push(`series[${i}] shape`);
      continue;
    }
    exact(`series[${i}].t`, s.t, t.t);
    for (const [stat, values] of Object.entries(s.values)) {
      if (s.source === "simulation") {
        scales[stat] = Math.max(...values.map(Math.abs));
        exact(`simulation.values.${stat}`, values, t.values[stat]);
        exact(`simulation.stderr.${stat}`, s.stderr?.[stat] ?? [], t.stderr?.[stat] ?? []);
        continue;
      }
      const scale = Math.max(...values.map(Math.abs), ...t.values[stat].map(Math.abs));
      for (const [j, x] of values.entries())
        near(`${s.source}.values.${stat}[${j}]`, x, t.values[stat][j], 1e-12 * scale);
    }
  }
  for (const [name, x] of Object.entries(a.scalars))
    near(`scalars.${name}`, x, b.scalars[name], 1e-12 * Math.abs(x));
  for (const [stat, byTheory] of Object.entries(a.agreement))
    for (const [theory, e] of Object.entries(byTheory)) {
      const f = b.agreement[stat]?.[theory];
      if (!f || e.pass !== f.pass || e.at !== f.at) bad.push(`agreement.${stat}.${theory}`);
      for (const k of ["maxAbs", "tolerance", "final"] as const)
        near(`agreement.${stat}.${theory}.${k}`, e[k], f?.[k] ?? Number.NaN, 1e-11 * scales[stat]);
    }
  return bad;
}

/** The example each experiment is run with from the page: its quickest (others: its first by name). */
const quickest: Record<string, string> = {
  "cubic-map": "cubic-ergodic-average.json",
  "diagonal-linear-network": "balance-stationary.json",
  glm: "glm-logistic.json",
  "gmm-two-layer": "gmm-xor-width.json",
  "spiked-tensor": "spiked-tensor-k3.json",
};

describe.skipIf(missing !== undefined)("the lab in the browser (Debian chromium)", () => {
  let lab: Awaited<ReturnType<typeof builtLab>>;
  let chromium: LaunchedBrowser;
  let page: Page;
  let cli: Promise<ExperimentRecord>;
  let stored: Awaited<ReturnType<typeof storeWithRunAndSweep>>;
  const dir = mkdtempSync(join(tmpdir(), "sgdlab-pages-"));

  beforeAll(async () => {
    cli = cliRecord("spiked-matrix.json");
    cli.catch(() => undefined);
    stored = await storeWithRunAndSweep(join(dir, "runs.duckdb"));
    lab = await builtLab(join(dir, "runs.duckdb"));
    chromium = await launchChromium();
    page = await chromium.context.newPage();
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows the catalogue: one card per experiment, with examples", async () => {
    await open(page, lab.url);
    await page.locator("[data-testid=experiment-card]").first().waitFor();
    const names = await page
      .locator("[data-testid=experiment-card]")
      .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.experiment));
    expect(names).toEqual(experimentNames());
    await shoot(page, "catalogue");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "catalogue-phone");
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("runs examples/spiked-matrix.json from its permalink: status ok, the CLI's simulation series exactly", async () => {
    await open(page, lab.url + plainLink(example("spiked-matrix.json")));
    await figureHtml(page);
    await shoot(page, "experiment-theory");
    await page.click("[data-testid=run]");
    // The plot fills in while the runs finish: a preview with the simulation of the first runs.
    await page.waitForFunction(
      () => {
        const figure = document.querySelector('[data-testid=figure][data-kind="preview"]');
        return (
          figure?.innerHTML.includes("simulation (mean") &&
          document.querySelector("[data-testid=status]")?.textContent === "running"
        );
      },
      null,
      { timeout: 60_000, polling: 50 },
    );
    expect(await finalStatus(page, 90_000)).toBe("ok");
    await shoot(page, "experiment-run", true);
    const record = JSON.parse(await downloadText(page, "download-record")) as ExperimentRecord;
    expect(record.provenance.platform).toBe("browser");
    // Against `sgdlab run` in Node: the simulation series number for number, the theory up to the libms.
    const reference = await cli;
    expect(record.series.some((x) => x.source === "simulation")).toBe(true);
    expect(sameAsCli(record, reference)).toEqual([]);
    // The records page shows a downloaded record with its figure.
    await open(page, `${lab.url}#/records`);
    await page.setInputFiles("[data-testid=record-file]", {
      name: "record.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(record)),
    });
    await figureHtml(page);
    await shoot(page, "records");
  });

  it("reproduces, on its workers, the record the core computes in the page's thread, number for number", async () => {
    // Run i is stream i of the seed whatever worker ran it, and results are combined in run order: in one
    // engine the record is exactly the in-thread one (7 runs on the page's workers: uneven shares).
    const spec = {
      ...example("spiked-matrix.json"),
      model: { name: "spiked-tensor", k: 2, N: 400, snr: 1.2 },
      runs: 7,
      horizon: 4,
    };
    await open(page, lab.url + plainLink(spec));
    await figureHtml(page);
    await page.click("[data-testid=run]");
    expect(await finalStatus(page)).toBe("ok");
    const record = JSON.parse(await downloadText(page, "download-record")) as ExperimentRecord;
    const inThread = (await page.evaluate(
      (s) =>
        (window as unknown as Scripted).sgdlab.runExperiment(s).then((r) => JSON.parse(JSON.stringify(r))),
      record.spec,
    )) as ExperimentRecord;
    for (const key of comparedKeys) expect(record[key], key).toEqual(inThread[key]);
  });

  it("browses the store through serve: a run's record and a sweep's heatmap", async () => {
    await open(page, `${lab.url}#/records`);
    await page.locator("[data-testid=runs]").waitFor();
    await page.locator(`[data-testid=runs] button:text-is("${stored.runId}")`).click();
    await page.locator('[data-testid=figure][data-kind="record"] > svg').waitFor();
    await page.locator(`[data-testid=sweeps] button:text-is("${stored.sweep.id}")`).click();
    await page.locator('[data-testid=figure][data-kind="sweep"] > svg').waitFor();
    // One heatmap cell per point of the 2 x 2 sweep.
    expect(await page.locator('[data-testid=figure][data-kind="sweep"] svg').first().innerHTML()).toContain(
      "ode.m.final",
    );
    await shoot(page, "records-sweep", true);
  });

  it("round-trips a permalink: #spec= in, the page's own fragment out, the same spec again", async () => {
    const spec = { ...example("spiked-equator.yaml"), seed: 11, runs: 5 };
    await open(page, lab.url + plainLink(spec));
    await figureHtml(page);
    const editor = async () => parseSpecText(await page.locator("[data-testid=spec-editor]").inputValue());
    expect(await editor()).toEqual(spec);
    await page.waitForFunction(() => location.hash.startsWith("#z=") || location.hash.startsWith("#spec="));
    const written = await page.evaluate(() => location.hash);
    expect(await specFromFragment(written)).toEqual(spec);
    await open(page, lab.url + written);
    await figureHtml(page);
    expect(await editor()).toEqual(spec);
    await page.fill("#f-runs", "3");
    // The page may rewrite the fragment more than once (re-encoding the same spec on load, then the edit):
    // what the user must end up with is a link to the edited spec.
    await expect
      .poll(async () => specFromFragment(await page.evaluate(() => location.hash)), { timeout: 20_000 })
      .toEqual({ ...spec, runs: 3 });
  });

  it("takes YAML in the raw editor: the form and the live theory follow", async () => {
    await open(page, lab.url + plainLink(example("spiked-tensor-k3.json")));
    await figureHtml(page);
    await page.selectOption("#spec-format", "yaml");
    const yaml = await page.locator("[data-testid=spec-editor]").inputValue();
    expect(yaml).toContain("name: spiked-tensor");
    await page.fill("[data-testid=spec-editor]", yaml.replace("snr: 4", "snr: 6"));
    await page.locator("#f-model-snr").or(page.locator("#f-model-snr")).first().waitFor();
    await page.waitForFunction(
      () => (document.getElementById("f-model-snr") as HTMLInputElement | null)?.value === "6",
    );
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=figure]")?.innerHTML.includes("snr=6"),
    );
  });

  it("shows the CLI's message naming an invalid field, and runs nothing", async () => {
    const spec = { ...example("spiked-matrix.json"), model: { name: "spiked-tensor", k: 2, N: 1, snr: 1.2 } };
    const expected = (() => {
      try {
        validateSpec(spec);
      } catch (e) {
        if (e instanceof SpecError) return e.message;
      }
      throw new Error("the spec should be invalid");
    })();
    expect(expected).toContain("model.N");
    await open(page, lab.url + plainLink(spec));
    await page.locator("[data-testid=error]").filter({ hasText: "model.N" }).waitFor();
    expect(await page.locator("[data-testid=error]").textContent()).toBe(expected);
    expect(await page.locator("[data-testid=status]").textContent()).toBe("invalid");
    expect(await page.locator('.field[data-field="model.N"]').getAttribute("class")).toContain("invalid");
    await page.click("[data-testid=run]");
    expect(await page.locator("[data-testid=status]").textContent()).toBe("invalid");
    // No theory preview for an invalid spec and no run: not a single worker was started.
    expect(page.workers()).toHaveLength(0);
    await shoot(page, "invalid");
  });

  it("cancels a run: the workers are terminated and the status says cancelled", async () => {
    // 100 runs of 40 000 steps at N = 2000 (8e10 operations, under the work limit): minutes on the page's
    // workers, so it is surely cancelled mid-run.
    const spec = { ...example("spiked-matrix.json"), runs: 100 };
    await open(page, lab.url + plainLink(spec));
    await figureHtml(page);
    // The live-theory worker starts once the first curve is drawn (poll, bounded: 100 × 100 ms).
    for (let i = 0; i < 100 && page.workers().length === 0; i++) await page.waitForTimeout(100);
    const idle = page.workers().length;
    expect(idle).toBe(1);
    await page.click("[data-testid=run]");
    // The pool's workers start (poll, bounded: 100 × 100 ms), then get a moment into their first runs.
    for (let i = 0; i < 100 && page.workers().length <= idle; i++) await page.waitForTimeout(100);
    expect(page.workers().length).toBeGreaterThan(idle);
    await page.waitForTimeout(500);
    expect(await page.locator("[data-testid=status]").textContent()).toBe("running");
    await page.click("[data-testid=cancel]");
    expect(await finalStatus(page, 10_000)).toBe("cancelled");
    // Worker "close" events arrive shortly after terminate(): poll, bounded (100 × 100 ms).
    for (let i = 0; i < 100 && page.workers().length > idle; i++) await page.waitForTimeout(100);
    expect(page.workers()).toHaveLength(idle);
  });

  it("recomputes the theory when a slider moves", async () => {
    await open(page, lab.url + plainLink(example("spiked-matrix.json")));
    const before = await figureHtml(page);
    const scalars = async () => page.locator(".scalars").textContent();
    const mStarBefore = await scalars();
    await slide(page, "slider-model.snr", 2);
    await page.waitForFunction(
      (old) => document.querySelector("[data-testid=figure]")?.innerHTML !== old,
      before,
    );
    expect(await page.locator("[data-testid=figure]").innerHTML()).toContain("snr=2");
    // The ODE fixed points (scalars mStar, ...) depend on snr (science/01 §1).
    expect(await scalars()).not.toBe(mStarBefore);
    expect(
      (
        parseSpecText(await page.locator("[data-testid=spec-editor]").inputValue()) as {
          model: { snr: number };
        }
      ).model.snr,
    ).toBe(2);
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "experiment-phone");
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  for (const name of experimentNames()) {
    it(`runs ${name} from the page with its example and shows its figure`, async () => {
      const files = readdirExamples().filter((f) => (example(f).model as { name: string }).name === name);
      expect(files.length, `${name} needs an example in examples/`).toBeGreaterThan(0);
      await open(page, lab.url + plainLink(example(quickest[name] ?? files[0])));
      await page.locator("[data-testid=run]").waitFor();
      await page.click("[data-testid=run]");
      expect(await finalStatus(page, 60_000)).toBe("ok");
      await page.locator('[data-testid=figure][data-kind="record"] > svg').waitFor();
    });
  }
});

function readdirExamples(): string[] {
  return readdirSync(join(root, "examples"))
    .filter((f) => /\.(json|yaml)$/.test(f))
    .sort();
}
