/**
 * SDE engine speed: steps/s of the stochastic modified flow (SMF) by Euler–Maruyama on random least
 * squares, d = 10, M = 50 (a 10 x 50 diffusion: per step 100 per-sample gradient/HVP evaluations and 50
 * normals), against the same algorithm in C built here twice, `cc -O3` and `cc -O3 -march=native`.
 *
 * The C program mirrors the JS path operation for operation (per-sample gradients, shared by the drift
 * and the diffusion columns as in `finiteSumFlow`; HVPs for the lr/2 correction; then x += a h + G dW),
 * but draws its normals with xoshiro128** and Box–Muller instead of the ziggurat: the ratio measures
 * the engine, not the RNG (which is benchmarked in section 1).
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Rng } from "../src/core/rng.js";
import { finiteSumFlow } from "../src/models/finite-sum/flows.js";
import { leastSquares } from "../src/models/finite-sum/least-squares.js";
import { eulerMaruyama, gaussianNoise, sdeStepper } from "../src/theory/sde/index.js";
import { buildC, buildDir, cFlagSets } from "./c-build.js";
import { bestRate, type Timing } from "./measure.js";
import { num, type Section } from "./report.js";

const problem = { d: 10, M: 50, seed: 3, lr: 0.05, h: 0.0125 };

/** The C mirror of the JS step; reads the data a (row-major), y from the file given as first argument. */
const cSource = String.raw`
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#define D 10
#define M 50
static double a[M * D], y[M], x[D], grads[M * D], mean[D], hv[D], drift[D], dW[M];
static uint32_t s[4] = {1, 2, 3, 4};
static uint32_t rotl(uint32_t v, int k) { return (v << k) | (v >> (32 - k)); }
static uint32_t next(void) {
  uint32_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 9;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11);
  return r;
}
static double uniform(void) { return ((next() >> 5) * 67108864.0 + (next() >> 6)) / 9007199254740992.0; }
static void normals(double *out, int n) {
  for (int i = 0; i < n; i += 2) {
    double u = uniform(), v = uniform(), r = sqrt(-2 * log(1 - u));
    out[i] = r * cos(6.283185307179586 * v);
    if (i + 1 < n) out[i + 1] = r * sin(6.283185307179586 * v);
  }
}
static double dot(int i, const double *v) { double t = 0; for (int k = 0; k < D; k++) t += a[i * D + k] * v[k]; return t; }
static void gradients(void) {
  for (int k = 0; k < D; k++) mean[k] = 0;
  for (int i = 0; i < M; i++) {
    double r = dot(i, x) - y[i];
    for (int k = 0; k < D; k++) { grads[i * D + k] = a[i * D + k] * r; mean[k] += grads[i * D + k] / M; }
  }
}
static void step(double lr, double h) {
  gradients();
  for (int k = 0; k < D; k++) { drift[k] = -mean[k]; hv[k] = 0; }
  for (int i = 0; i < M; i++) { double t = dot(i, mean); for (int k = 0; k < D; k++) hv[k] += a[i * D + k] * t / M; }
  for (int k = 0; k < D; k++) drift[k] -= lr / 2 * hv[k];
  double sc = sqrt(lr / M);
  normals(dW, M);
  double sh = sqrt(h);
  for (int i = 0; i < M; i++) dW[i] *= sh;
  for (int k = 0; k < D; k++) x[k] += drift[k] * h;
  /* G dW without forming G, as the JS flow's diffusionTimes: column i is sc (grads_i - mean) */
  for (int i = 0; i < M; i++) for (int k = 0; k < D; k++) x[k] += sc * (grads[i * D + k] - mean[k]) * dW[i];
}
int main(int argc, char **argv) {
  FILE *f = fopen(argv[1], "r");
  for (int i = 0; i < M * D; i++) if (fscanf(f, "%lf", &a[i]) != 1) return 1;
  for (int i = 0; i < M; i++) if (fscanf(f, "%lf", &y[i]) != 1) return 1;
  fclose(f);
  long steps = atol(argv[2]);
  double lr = atof(argv[3]), h = atof(argv[4]);
  clock_t c0 = clock();
  for (long l = 0; l < steps; l++) { step(lr, h); if (l % 4096 == 0) for (int k = 0; k < D; k++) x[k] = 0; }
  double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
  double check = 0; for (int k = 0; k < D; k++) check += x[k] * x[k];
  printf("{\"stepsPerSecond\": %.6g, \"check\": %.6g}\n", steps / secs, check);
  return 0;
}
`;

/** The data a_i, y_i of the benchmarked problem, one number per line (a row-major, then y). */
function dumpData(file: string): void {
  const { a, y } = leastSquares(problem.d, problem.M, problem.seed).data;
  writeFileSync(file, `${[...a, ...y].join("\n")}\n`);
}

/** C steps/s of one build, or why there is none. */
function measureC(
  flags: readonly string[],
  jsRate: number,
  roundSeconds: number,
): { rate: number } | { reason: string } {
  const build = buildC("sde", flags, cSource);
  if (!build.ok) return { reason: build.reason };
  const data = `${buildDir}sde-data.txt`;
  dumpData(data);
  const steps = Math.max(1000, Math.round(jsRate * 4 * roundSeconds));
  const args = [data, steps, problem.lr, problem.h].map(String);
  const out = JSON.parse(execFileSync(build.binary, args, { encoding: "utf8" })) as {
    stepsPerSecond: number;
  };
  return { rate: out.stepsPerSecond };
}

/**
 * SMF Euler–Maruyama steps/s (per CPU second) for d = 10, M = 50, JS against C.
 *
 * @example console.log((await sdeSection({ roundSeconds: 0.5, rounds: 3 })).rows)
 */
export async function sdeSection(timing: Timing): Promise<Section> {
  const fs = leastSquares(problem.d, problem.M, problem.seed);
  const flow = finiteSumFlow(fs, "smf", problem.lr);
  const stats = { names: [], read: () => {} };
  const x0 = new Float64Array(problem.d);
  const rng = Rng.fromSeed(1);
  const js = bestRate((n) => {
    const run = sdeStepper(flow, eulerMaruyama, x0, problem.h, gaussianNoise(flow.noise), stats);
    for (let l = 0; l < n; l++) run.advance(rng, l);
  }, timing);
  const rows = [
    {
      label: "JS SMF Euler–Maruyama",
      value: `${num(js.cpu)}/s`,
      note: `d = 10, M = 50; wall ${num(js.wall)}/s`,
    },
  ];
  const results: Record<string, number | string> = {
    jsStepsPerSecond: js.cpu,
    jsStepsPerWallSecond: js.wall,
  };
  for (const { name, flags } of cFlagSets) {
    const c = measureC(flags, js.cpu, timing.roundSeconds);
    const key = name === "C -O3" ? "" : "Native";
    if ("reason" in c) {
      rows.push({ label: `${name} reference unavailable`, value: "", note: c.reason });
      results[`c${key}Unavailable`] = c.reason;
      continue;
    }
    rows.push({
      label: `${name} SMF Euler–Maruyama`,
      value: `${num(c.rate)}/s`,
      note: `cc ${flags.join(" ")}, CPU time`,
    });
    rows.push({
      label: `ratio JS/${name}`,
      value: (js.cpu / c.rate).toFixed(3),
      note: "same algorithm; C uses Box–Muller normals",
    });
    Object.assign(results, { [`c${key}StepsPerSecond`]: c.rate, [`ratio${key}`]: js.cpu / c.rate });
  }
  return { id: "sde", title: "SDE engine: SMF Euler–Maruyama, d = 10, M = 50 (JS vs C)", rows, results };
}
