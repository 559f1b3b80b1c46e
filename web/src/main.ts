import "./zod-config.js";
import { cataloguePage } from "./catalogue-page.js";
import { experiments } from "./core.js";
import { experimentPage } from "./experiment-page.js";
import { webMessages } from "./messages.js";
import { specFromFragment } from "./permalink.js";
import { recordsPage } from "./records-page.js";
import { el } from "./schema-form.js";
import { scripting } from "./scripting.js";

/**
 * The router, on the URL fragment: `#spec=…` / `#z=…` (a permalink) opens the experiment page of that
 * spec, `#/records` the records page, anything else the catalogue.
 */
async function route(): Promise<void> {
  const root = document.getElementById("app") as HTMLElement;
  const hash = location.hash;
  if (hash === "#/records") return recordsPage(root);
  let spec: unknown;
  try {
    spec = await specFromFragment(hash);
  } catch (e) {
    cataloguePage(root);
    const error = el("p", {
      className: "error",
      role: "alert",
      textContent: webMessages.badPermalink((e as Error).message),
    });
    error.dataset.testid = "error";
    root.prepend(error);
    return;
  }
  const name = (spec as { model?: { name?: unknown } } | undefined)?.model?.name;
  if (spec !== null && typeof spec === "object" && typeof name === "string" && experiments[name])
    return experimentPage(root, spec as Record<string, unknown>);
  cataloguePage(root);
}

window.sgdlab = scripting;
// The experiment page rewrites its own fragment with history.replaceState, which fires no hashchange:
// only a navigation (a link, the back button, a pasted permalink) routes again.
window.addEventListener("hashchange", () => void route());
void route();
