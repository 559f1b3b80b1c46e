import { type ChildProcess, execFile, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { testCode } from "./fixtures.js";

const root = new URL("../..", import.meta.url).pathname;

/** The environment of the CLI children: a fixed commit for the keys (see `codeVersion`), no colours. */
export const cliEnv = () => ({ ...process.env, FORCE_COLOR: "0", SGDLAB_COMMIT: testCode.commit });

/** The CLI from the TypeScript sources (never a stale dist/): node, its arguments. */
export const cliCommand = [
  process.execPath,
  "--import",
  import.meta.resolve("tsx"),
  join(root, "cli/main.ts"),
];

/** Run the CLI to the end in `cwd`. */
export async function sgdlab(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(cliCommand[0], [...cliCommand.slice(1), ...args], {
      cwd,
      env: cliEnv(),
      maxBuffer: 64 * 2 ** 20,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Start the CLI in the background (stdout and stderr collected). */
export function startSgdlab(cwd: string, ...args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(cliCommand[0], [...cliCommand.slice(1), ...args], {
    cwd,
    env: cliEnv(),
  });
  let text = "";
  child.stdout?.on("data", (d) => (text += d));
  child.stderr?.on("data", (d) => (text += d));
  return { child, output: () => text };
}

/** Resolves with the exit code (or the signal's name) of a child. */
export function exited(child: ChildProcess): Promise<number | string> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve(child.exitCode ?? (child.signalCode as string));
    else child.once("exit", (code, signal) => resolve(code ?? (signal as string)));
  });
}

/** Write a file (JSON unless given text) into `dir`; returns its path. */
export function writeInto(dir: string, name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

/** Poll `check` every `everyMs` until it returns true, for at most `seconds`; false on time-out. */
export async function waitFor(check: () => Promise<boolean> | boolean, seconds: number, everyMs = 200) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}
