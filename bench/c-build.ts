import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ZIG_F, ZIG_K, ZIG_W } from "../src/core/ziggurat.js";

const cDir = fileURLToPath(new URL("./c/", import.meta.url));
export const buildDir = fileURLToPath(new URL("./.build/", import.meta.url));

/** The two builds of every C reference: what `cc -O3` gives, and the best this machine does. */
export const cFlagSets = [
  { name: "C -O3", flags: ["-O3"] },
  { name: "C native", flags: ["-O3", "-march=native"] },
] as const;

/** A compiled C reference, or why there is none. */
export type CBuild = { ok: true; binary: string; flags: string } | { ok: false; reason: string };

/**
 * Compile `bench/c/<name>.c` with `flags` into bench/.build (built on the spot, every bench run), or the
 * C `source` text given inline (written to bench/.build/<name>.c first).
 *
 * @example const b = buildC("glm-step", ["-O3"]); if (b.ok) execFileSync(b.binary, args)
 */
export function buildC(name: string, flags: readonly string[], source?: string): CBuild {
  mkdirSync(buildDir, { recursive: true });
  const binary = `${buildDir}${name}${flags.join("").replace(/[^a-z0-9]/gi, "-")}`;
  const file = source === undefined ? `${cDir}${name}.c` : `${buildDir}${name}.c`;
  if (source !== undefined) writeFileSync(file, source);
  try {
    execFileSync("cc", [...flags, "-o", binary, file, "-lm"], { stdio: ["ignore", "ignore", "pipe"] });
    return { ok: true, binary, flags: flags.join(" ") };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { ok: false, reason: "cc not found" };
    return { ok: false, reason: `cc failed: ${(e as Error).message.split("\n")[0]}` };
  }
}

/**
 * Write the ziggurat tables of src/core/ziggurat.ts for the C programs (bench/c/common.h): ZIG_F, ZIG_K,
 * ZIG_W, one number per line in shortest round-trip form, so C reads back the very same doubles.
 */
export function zigguratTables(): string {
  const path = `${buildDir}ziggurat-tables.txt`;
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(path, `${[...ZIG_F, ...ZIG_K, ...ZIG_W].join("\n")}\n`);
  return path;
}
