import { execFileSync } from "node:child_process";
import { Rng } from "../src/core/rng.js";
import { dlnChain } from "../src/models/diagonal-linear-network/chain.js";
import { dataMoments } from "../src/models/diagonal-linear-network/moments.js";
import { buildC, cFlagSets } from "./c-build.js";
import { bestRate, type Timing } from "./measure.js";
import { num, type Row, type Section } from "./report.js";

/**
 * The same chain in C: depth-D, width-1 diagonal network, x ~ U[-sqrt3, sqrt3], y = x + eps, batch 1,
 * xoshiro128** uniforms and Marsaglia-polar normals (JS uses a ziggurat), product-of-others gradient.
 * Usage: balance-chain <depth> <lr> <rounds>; prints the best chain-steps/s and a checksum.
 */
const cSource = String.raw`#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static uint32_t s[4] = {0x9e3779b9u, 0x243f6a88u, 0xb7e15162u, 0x12345678u};
static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
static inline uint32_t next(void) {
  uint32_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 9;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11);
  return r;
}
static inline double unif(void) { return ((next() >> 5) * 67108864.0 + (next() >> 6)) / 9007199254740992.0; }
static double spare; static int has = 0;
static inline double normal(void) {
  if (has) { has = 0; return spare; }
  double u, v, q;
  do { u = 2 * unif() - 1; v = 2 * unif() - 1; q = u * u + v * v; } while (q >= 1 || q == 0);
  double f = sqrt(-2 * log(q) / q); spare = v * f; has = 1; return u * f;
}
static double now(void) { struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts); return ts.tv_sec + 1e-9 * ts.tv_nsec; }
int main(int argc, char **argv) {
  if (argc < 4) return 2;
  int D = atoi(argv[1]), rounds = atoi(argv[3]), F = D + 1;
  double lr = atof(argv[2]), best = 0, p[65], others[65], checksum = 0;
  for (int k = 0; k < F; k++) p[k] = 1;
  for (int r = 0; r < rounds; r++) {
    long n = 0; double t0 = now();
    do {
      for (int it = 0; it < 100000; it++) {
        double v = 1; for (int k = 0; k < F; k++) v *= p[k];
        double x = (2 * unif() - 1) * 1.7320508075688772, y = x + normal();
        double g = 2 * x * (v * x - y);
        for (int k = 0; k < F; k++) { double q = 1; for (int j = 0; j < F; j++) if (j != k) q *= p[j]; others[k] = q; }
        for (int k = 0; k < F; k++) p[k] -= lr * g * others[k];
      }
      n += 100000;
    } while (now() - t0 < 0.25);
    double rate = n / (now() - t0); if (rate > best) best = rate;
  }
  for (int k = 0; k < F; k++) checksum += p[k];
  printf("{\"stepsPerSecond\": %.6g, \"checksum\": %.17g}\n", best, checksum);
  return 0;
}
`;

/** Best chain-steps/s of the C chain at one depth for each build (-O3, native), or why there is none. */
function cRates(depth: number, lr: number): { name: string; rate: number | null; note: string }[] {
  return cFlagSets.map(({ name, flags }) => {
    const build = buildC("balance-chain", flags, cSource);
    if (!build.ok) return { name, rate: null, note: `no ${name} reference: ${build.reason}` };
    const out = execFileSync(build.binary, [String(depth), String(lr), "3"], { encoding: "utf8" });
    return { name, rate: (JSON.parse(out) as { stepsPerSecond: number }).stepsPerSecond, note: name };
  });
}

/** Best chain-steps/s of the JS chain (the stepper the experiment runs) at one depth. */
function jsRate(depth: number, lr: number, timing: Timing): number {
  const data = { x: "uniform" as const, slope: 1, noise: 1 };
  const chain = dlnChain(
    {
      depth,
      width: 1,
      gaussian: false,
      slope: 1,
      noise: 1,
      lr,
      batch: 1,
      ridge: 0,
      mode: "sgd",
      moments: dataMoments(data),
      noiseSd: 0,
    },
    new Float64Array(depth + 1).fill(1),
  );
  const rng = Rng.fromSeed(1);
  return bestRate((n) => chain.advanceMany?.(rng, 0, n), timing).cpu;
}

/**
 * Diagonal linear networks (issue 4): SGD chain throughput in chain-steps/s (one sample per step,
 * uniform features, lr 0.01) at depth 1 and depth 2, next to the same chain in C built twice (`cc -O3` and
 * `cc -O3 -march=native`).
 *
 * @example await balanceSection({ roundSeconds: 0.25, rounds: 3 })
 */
export async function balanceSection(timing: Timing): Promise<Section> {
  const rows: Row[] = [];
  const results: Section["results"] = {};
  for (const depth of [1, 2]) {
    const js = jsRate(depth, 0.01, timing);
    const cs = cRates(depth, 0.01);
    rows.push({
      label: `DLN SGD chain, depth ${depth}, batch 1`,
      value: `${num(js)} steps/s`,
      note: cs
        .map((c) => (c.rate ? `${c.note} ${num(c.rate)} steps/s, JS/C ${num(js / c.rate)}` : c.note))
        .join("; "),
    });
    results[`chainStepsPerSecond.depth${depth}`] = js;
    for (const c of cs)
      results[`${c.name === "C -O3" ? "c" : "cNative"}ChainStepsPerSecond.depth${depth}`] = c.rate;
  }
  return { id: "balance", title: "Diagonal linear networks: SGD chains", rows, results };
}
