import { experimentNames, runExperiment, validateSpec, version } from "./core.js";
import { specFromFragment, specPermalink } from "./permalink.js";

/**
 * `window.sgdlab`: the core for people (and tests) who script the page from the console, e.g. to
 * compare the page's record with one computed in this thread:
 *
 * @example await sgdlab.runExperiment(sgdlab.validateSpec(spec).spec) // the record, in the page's thread
 */
export const scripting = {
  version,
  experimentNames,
  validateSpec,
  /** The record of a spec computed in this thread (no workers): what the page's workers must reproduce. */
  runExperiment: (spec: unknown) => runExperiment(spec),
  specPermalink,
  specFromFragment,
};

declare global {
  interface Window {
    sgdlab: typeof scripting;
  }
}
