/**
 * Everything the page takes from the sgdlab core, in one place: the same code as the CLI, no copies.
 * Figures are drawn by the catalogue's `renderFigure` in the page's own DOM (src/plot/dom.ts picks the
 * global `document`).

 */
export {
  type ExperimentRecord,
  experimentNames,
  experiments,
  figures,
  type RunExecutor,
  type RunResult,
  renderFigure,
  runExperiment,
  SpecError,
  validateSpec,
  verdictLabel,
  version,
} from "../../src/index.js";
