import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { SpecError } from "../../core/errors.js";
import { messages } from "../../core/messages.js";
import { validateSpec, version } from "../../index.js";
import type { CodeVersion } from "../../sweep/key.js";
import { planSweep, type SweepPlan } from "../../sweep/plan.js";
import { parseSweepFile } from "../../sweep/sweep-file.js";
import { gitCommit } from "../provenance.js";
import { readSpecFile } from "../read-spec.js";

/**
 * The version of this code, which every point key includes: the package version and the git commit of the
 * checkout (null outside git). `SGDLAB_COMMIT` overrides the commit, for installs without a git checkout
 * (set the same value on the coordinator and every worker) and for tests that must not see commits made
 * while they run.
 */
export function codeVersion(): CodeVersion {
  return { sgdlab: version, commit: process.env.SGDLAB_COMMIT || gitCommit() };
}

/**
 * Read a sweep file (YAML, or JSON for `.json`) and plan it: every point filled, validated and keyed.
 * A `base` spec file is looked up next to the sweep file first, then in the working directory. Every
 * problem (unreadable or malformed file, bad axis, invalid point) is a {@link SpecError} (exit 2), thrown
 * before anything is written.
 *
 * @example const plan = readSweepFile("examples/sweeps/spiked-phase.yaml")
 */
export function readSweepFile(file: string, code: CodeVersion = codeVersion()): SweepPlan {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new SpecError("sweep file", file, messages.parseFailure(file, (e as Error).message));
  }
  let input: unknown;
  try {
    input = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new SpecError("sweep file", file, messages.parseFailure(file, (e as Error).message.split("\n")[0]));
  }
  return planSweepInput(input, dirname(resolve(file)), code);
}

/** Plan an already parsed sweep (a file's content, or a shipped sweep figure); `dir` resolves `base`. */
export function planSweepInput(input: unknown, dir: string, code: CodeVersion = codeVersion()): SweepPlan {
  const { file, base } = parseSweepFile(input, (path) => {
    const near = resolve(dir, path);
    return readSpecFile(existsSync(near) ? near : resolve(path));
  });
  return planSweep(file, base, validateSpec, code);
}
