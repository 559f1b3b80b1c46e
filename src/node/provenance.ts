import { execFileSync } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

/** The git commit of the sgdlab checkout (with `-dirty` when modified), or null outside a git tree. */
export function gitCommit(): string | null {
  try {
    const cwd = dirname(fileURLToPath(import.meta.url));
    const run = (args: string[]) =>
      execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const commit = run(["rev-parse", "HEAD"]);
    return run(["status", "--porcelain", "--untracked-files=no"]) ? `${commit}-dirty` : commit;
  } catch {
    return null;
  }
}
