import { execFileSync } from "node:child_process";
import { buildC, type CBuild, zigguratTables } from "./c-build.js";
import type { Rate } from "./measure.js";

/** The compiled C reference, or why there is none. */
export type CompiledReference = CBuild;

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
 * Compile bench/c/full-step.c into bench/.build with `flags` (`-O3`, the reference named by the
 * performance target, or `-O3 -march=native`, the best this machine does: AVX-512 and FMA here).
 *
 * @example const ref = compileReference(["-O3"]); if (ref.ok) runReference(ref.binary, args)
 */
export function compileReference(flags: readonly string[]): CompiledReference {
  return buildC("full-step", flags);
}

/** Run the compiled reference and parse its one-line JSON answer. */
export function runReference(path: string, a: ReferenceArgs): ReferenceResult {
  const args = [a.N, a.steps, a.rounds, a.k, a.snr, a.cDelta, a.m0, a.rPerp20, ...a.state].map(String);
  return JSON.parse(execFileSync(path, [zigguratTables(), ...args], { encoding: "utf8" })) as ReferenceResult;
}
