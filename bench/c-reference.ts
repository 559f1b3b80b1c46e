import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ZIG_F, ZIG_K, ZIG_W } from "../src/core/ziggurat.js";
import type { Rate } from "./measure.js";

const source = fileURLToPath(new URL("./c/full-step.c", import.meta.url));
const buildDir = fileURLToPath(new URL("./.build/", import.meta.url));
const binary = `${buildDir}full-step`;
const tables = `${buildDir}ziggurat-tables.txt`;

/** The compiled C reference, or why there is none. */
export type CompiledReference = { ok: true; binary: string; flags: string } | { ok: false; reason: string };

/** Parameters of one C reference run (the same step as the JS benchmark). */
export interface ReferenceArgs {
  N: number;
  /** Steps per timed round (also fills of N normals per round). */
  steps: number;
  rounds: number;
  k: number;
  snr: number;
  cDelta: number;
  m0: number;
  rPerp20: number;
  /** xoshiro128** state words (unsigned), from `Rng.state().s`. */
  state: readonly number[];
}

/** What the C program prints. */
export interface ReferenceResult {
  /** First normal drawn from `state`: must equal the JS one exactly. */
  firstNormal: number;
  /** `m` and `|x|^2` after the start and 10 steps: equal to the JS ones up to rounding (FMA contraction). */
  checkM: number;
  checkR2: number;
  /** Best steps/s of the fused step. */
  steps: Rate;
  /** Best normals/s of fillNormal into a buffer of N. */
  normals: Rate;
  checksum: number;
}

/**
 * Compile bench/c/full-step.c into bench/.build with `cc -O3`, the reference named by the performance
 * target; `SGDLAB_BENCH_CFLAGS="-O3 -march=native"` gives a stricter one (AVX on this machine).
 *
 * @example const ref = compileReference(); if (ref.ok) runReference(ref.binary, args)
 */
export function compileReference(): CompiledReference {
  mkdirSync(buildDir, { recursive: true });
  let reason = "";
  const custom = process.env.SGDLAB_BENCH_CFLAGS?.split(/\s+/).filter(Boolean);
  for (const flags of custom ? [custom] : [["-O3"]]) {
    try {
      execFileSync("cc", [...flags, "-o", binary, source, "-lm"], { stdio: ["ignore", "ignore", "pipe"] });
      return { ok: true, binary, flags: flags.join(" ") };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return { ok: false, reason: "cc not found" };
      reason = (e as Error).message.split("\n")[0];
    }
  }
  return { ok: false, reason: `cc failed: ${reason}` };
}

/**
 * Write the ziggurat tables of src/core/ziggurat.ts for the C program: ZIG_F, ZIG_K, ZIG_W, one number per
 * line in shortest round-trip form, so C reads back the very same doubles.
 */
function writeTables(): void {
  writeFileSync(tables, `${[...ZIG_F, ...ZIG_K, ...ZIG_W].join("\n")}\n`);
}

/** Run the compiled reference and parse its one-line JSON answer. */
export function runReference(path: string, a: ReferenceArgs): ReferenceResult {
  writeTables();
  const args = [tables, a.N, a.steps, a.rounds, a.k, a.snr, a.cDelta, a.m0, a.rPerp20, ...a.state].map(
    String,
  );
  return JSON.parse(execFileSync(path, args, { encoding: "utf8" })) as ReferenceResult;
}
