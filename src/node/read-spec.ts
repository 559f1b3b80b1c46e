import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { SpecError } from "../core/errors.js";
import { messages } from "../core/messages.js";

/**
 * Read a spec file: JSON, or YAML for `.yaml`/`.yml`. Unreadable or malformed files are a
 * {@link SpecError} (exit code 2), with the parser's position in the message.
 *
 * @example readSpecFile("examples/spiked-matrix.json")
 */
export function readSpecFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new SpecError("spec file", file, messages.parseFailure(file, (e as Error).message));
  }
  try {
    return /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new SpecError("spec file", file, messages.parseFailure(file, (e as Error).message.split("\n")[0]));
  }
}
