import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's chromium (`.ci/run` installs it); Playwright never downloads a browser here. */
export const chromiumPath = process.env.SGDLAB_CHROMIUM ?? "/usr/bin/chromium";

/**
 * Launch flags: headless, no sandbox (containers), no GPU, and nothing that phones home (QUIC,
 * background networking, component updates, sync), so the only traffic is to 127.0.0.1.
 */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Whether the browser is there; when it is not, tests fail under CI and skip (saying why) otherwise. */
export function chromiumMissing(): string | undefined {
  return existsSync(chromiumPath)
    ? undefined
    : `chromium not found at ${chromiumPath} (apt-get install chromium)`;
}

/** A launched browser (its one context, on a fresh profile folder), and how to close both. */
export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launch Debian's chromium through playwright-core with {@link chromiumArgs} and a fresh
 * `--user-data-dir` (Playwright passes it for the persistent context; the folder is removed on close).
 *
 * @example const { context, close } = await launchChromium(); const page = await context.newPage(); ...; await close();
 */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "sgdlab-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
