import { experimentNames, experiments, figures } from "./core.js";
import { exampleSpecs } from "./examples.js";
import { specPermalink } from "./permalink.js";
import { el } from "./schema-form.js";

/** The paper figure ids whose panels use an experiment (what `sgdlab reproduce <id>` runs). */
function figureIds(experiment: string): string[] {
  return Object.entries(figures)
    .filter(([, f]) =>
      f.panels.some((p) => (p.spec.model as { name?: unknown } | undefined)?.name === experiment),
    )
    .map(([id]) => id);
}

/**
 * The catalogue: every experiment with its description, its example specs (each a permalink that opens
 * the experiment page) and the ids of the paper figures it reproduces.
 */
export function cataloguePage(root: HTMLElement): void {
  const cards = experimentNames().map((name) => {
    const examples = exampleSpecs(name);
    const links = el("ul", { className: "examples" });
    for (const ex of examples) {
      const a = el("a", { href: specPermalink(ex.spec), textContent: ex.file });
      if (typeof ex.spec.title === "string") a.title = ex.spec.title;
      links.append(el("li", {}, a));
    }
    if (examples.length === 0)
      links.append(
        el("li", {}, el("a", { href: specPermalink({ model: { name } }), textContent: "defaults" })),
      );
    const ids = figureIds(name);
    const card = el(
      "article",
      { className: "card" },
      el(
        "h2",
        {},
        el("a", { href: specPermalink(examples[0]?.spec ?? { model: { name } }), textContent: name }),
      ),
      el("p", { textContent: experiments[name].description }),
      el("h3", { textContent: "Examples" }),
      links,
    );
    if (ids.length > 0)
      card.append(el("p", { className: "figure-ids", textContent: `Paper figures: ${ids.join(", ")}` }));
    card.dataset.experiment = name;
    card.dataset.testid = "experiment-card";
    return card;
  });
  root.replaceChildren(
    el("h1", { textContent: "Catalogue" }),
    el("p", {
      textContent:
        "Every experiment of sgdlab. Open an example, move a slider to watch the theory move, press Run to simulate the ensemble in this page's workers.",
    }),
    el("div", { className: "cards" }, ...cards),
  );
}
