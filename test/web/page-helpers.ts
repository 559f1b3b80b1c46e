import type { Page } from "playwright-core";

/** The status hook's text once a run has ended: neither "ready" nor "running" (bounded by `timeout` ms). */
export async function finalStatus(page: Page, timeout = 60_000): Promise<string> {
  await page.waitForFunction(
    () => {
      const text = document.querySelector("[data-testid=status]")?.textContent ?? "";
      return !["", "ready", "running"].includes(text);
    },
    null,
    { timeout },
  );
  return (await page.locator("[data-testid=status]").textContent()) ?? "";
}

/** Open a fresh load of `url` (via about:blank, so no state of the previous page survives). */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto("about:blank");
  await page.goto(url);
}

/** The innerHTML of the figure (`data-testid="figure"`) once one is on the page. */
export async function figureHtml(page: Page, timeout = 30_000): Promise<string> {
  await page.locator("[data-testid=figure] > svg").first().waitFor({ timeout });
  return page.locator("[data-testid=figure]").first().innerHTML();
}

/** Set a range input's value and fire its `input` event, as dragging it does. */
export async function slide(page: Page, testid: string, value: number): Promise<void> {
  await page.locator(`[data-testid="${testid}"]`).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

/** Download what a click on `testid` offers, as text. */
export async function downloadText(page: Page, testid: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`[data-testid=${testid}]`),
  ]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
