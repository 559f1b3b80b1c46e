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
  /** `--only id,id`: run just these sections (ids as in bench/run.ts); all when absent. */
  only: readonly string[] | null;
}

const usage = "usage: npm run bench [-- --quick] [-- --json] [-- --only id,id]";

/**
 * Parse `--quick`, `--json` and `--only id,id`; throws on anything else, with the usage line.
 *
 * @example parseOptions(["--quick"]).timing.roundSeconds // 0.25
 */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const at = argv.indexOf("--only");
  const only = at >= 0 && at + 1 < argv.length ? argv[at + 1].split(",") : null;
  const rest = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv;
  const unknown = rest.filter((a) => a !== "--quick" && a !== "--json");
  if (at >= 0 && only === null) throw new Error(`--only needs a list of section ids\n${usage}`);
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(" ")}\n${usage}`);
  const quick = argv.includes("--quick");
  return {
    only,
    quick,
    json: argv.includes("--json"),
    timing: quick ? { roundSeconds: 0.25, rounds: 2 } : { roundSeconds: 0.8, rounds: 3 },
    rounds: quick ? 1 : 3,
  };
}
