import type { Timing } from "./measure.js";

/** Command-line options of `npm run bench`. */
export interface BenchOptions {
  /** `--quick`: shorter rounds and smaller ensembles (a smoke run, a few seconds per section). */
  quick: boolean;
  /** `--json`: print the results as one JSON document on stdout instead of the table. */
  json: boolean;
  /** Timing of the tight-loop benchmarks (sections 1 and 2). */
  timing: Timing;
  /** Rounds of the slower, whole-run benchmarks (sections 3 and 4). */
  rounds: number;
}

const usage = "usage: npm run bench [-- --quick] [-- --json]";

/**
 * Parse `--quick` and `--json`; throws on anything else, with the usage line.
 *
 * @example parseOptions(["--quick"]).timing.roundSeconds // 0.25
 */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const unknown = argv.filter((a) => a !== "--quick" && a !== "--json");
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(" ")}\n${usage}`);
  const quick = argv.includes("--quick");
  return {
    quick,
    json: argv.includes("--json"),
    timing: quick ? { roundSeconds: 0.25, rounds: 2 } : { roundSeconds: 0.8, rounds: 3 },
    rounds: quick ? 1 : 3,
  };
}
