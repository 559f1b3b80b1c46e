/**
 * Committee machine speed (issue 15): the ODE with I4 terms (erf, p = 8, k = 4) in Euler steps per CPU
 * second against the same right-hand side in C (compiled here with cc -O3) and the peers' Cython
 * (about 1e4 steps/s, issue 15), the full simulator at p = 8, k = 4, d = 1000 against C (the same
 * ziggurat normals, bench/c/common.h) and numpy (one OpenBLAS thread), and the dimension-free simulator at
 * d = 10^3, 10^6, 10^9 (flat in d).
 *
 * Standalone: `npx tsx bench/committee.ts`; in `npm run bench` as `committeeSection(o.timing)` (wired into
 * bench/run.ts by the lead).
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Rng } from "../src/core/rng.js";
import { CommitteeDimensionFree } from "../src/models/committee/dimension-free.js";
import { erfIntegrals } from "../src/models/committee/erf-integrals.js";
import { committeeLayout, packedIndex } from "../src/models/committee/layout.js";
import { committeeOde } from "../src/models/committee/limits.js";
import { committeeModel } from "../src/models/committee/model.js";
import { committeeSetup } from "../src/models/committee/setup.js";
import { committeeSpec } from "../src/models/committee/spec.js";
import { buildC, zigguratTables } from "./c-build.js";
import { bestRate, type Timing } from "./measure.js";
import { numpyEnv } from "./numpy-reference.js";
import { num, type Row, type Section, verdict } from "./report.js";

const p = 8;
const k = 4;

/** Euler steps per CPU second of the erf ODE with I4 and J2 terms, mean readouts, η = 0.5. */
function odeRate(timing: Timing) {
  const lay = committeeLayout(p, k, false);
  const P = new Float64Array(k * k);
  for (let n = 0; n < k; n++) P[n * k + n] = 1;
  const y = new Float64Array(lay.size);
  for (let i = 0; i < p; i++) y[packedIndex(p, i, i)] = 0.25;
  for (let j = 0; j < p * k; j++) y[lay.m + j] = 0.01 * Math.sin(j + 1);
  const ode = committeeOde(
    {
      integrals: erfIntegrals,
      p,
      k,
      eta: 0.5,
      noise: 0.01,
      A: new Float64Array(k).fill(1 / k),
      v: new Float64Array(p).fill(1 / p),
      P,
      trainReadout: false,
      quadratic: true,
      noiseTerm: true,
    },
    y,
  );
  const dy = new Float64Array(lay.size);
  return bestRate((n) => {
    for (let s = 0; s < n; s++) {
      ode.rhs(0, y, dy);
      for (let i = 0; i < y.length; i++) y[i] += 1e-4 * dy[i];
    }
  }, timing);
}

/** The same Euler steps in C: the I3 row and I4 row sums of src/models/committee/erf-integrals.ts. */
const odeC = String.raw`
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#define P 8
#define K 4
#define N (P + K)
static double C[N * N], u[N], rows[P * N], al[N], be[N], rs[N];
static double i4sum(int a, int b) {
  double c11 = 1 + C[a * N + a], c22 = 1 + C[b * N + b], c12 = C[a * N + b], l4 = c11 * c22 - c12 * c12;
  for (int c = 0; c < N; c++) {
    al[c] = C[a * N + c]; be[c] = C[b * N + c];
    rs[c] = 1 / sqrt(l4 * (1 + C[c * N + c]) - be[c] * be[c] * c11 - al[c] * al[c] * c22 + 2 * c12 * al[c] * be[c]);
  }
  double s = 0;
  for (int c = 0; c < N; c++) {
    double t = 0;
    for (int e = c; e < N; e++) {
      double l0 = l4 * C[c * N + e] - c11 * be[c] * be[e] - c22 * al[c] * al[e] + c12 * (al[c] * be[e] + al[e] * be[c]);
      t += (e == c ? 0.5 : 1) * u[e] * asin(l0 * rs[c] * rs[e]);
    }
    s += 2 * u[c] * t;
  }
  return 4 / (M_PI * M_PI) * s / sqrt(l4);
}
static void i3row(int a, double *out) {
  double c11 = 1 + C[a * N + a], sa = 0;
  for (int c = 0; c < N; c++) rs[c] = u[c] / sqrt(c11 * (1 + C[c * N + c]) - C[a * N + c] * C[a * N + c]);
  for (int c = 0; c < N; c++) sa += rs[c] * C[a * N + c];
  for (int b = 0; b < N; b++) {
    double sb = 0;
    for (int c = 0; c < N; c++) sb += rs[c] * C[b * N + c];
    out[b] = 2 / M_PI * (sb - C[a * N + b] * sa / c11);
  }
}
int main(int argc, char **argv) {
  long steps = atol(argv[1]);
  double eta = 0.5, noise = 0.01, h = 1e-4;
  for (int a = 0; a < N; a++) for (int b = 0; b < N; b++) C[a * N + b] = a == b ? (a < P ? 0.25 : 1) : 0;
  for (int i = 0; i < P; i++) for (int n = 0; n < K; n++) C[i * N + P + n] = C[(P + n) * N + i] = 0.01 * sin(i * K + n + 1);
  for (int a = 0; a < N; a++) u[a] = a < P ? 1.0 / P : -1.0 / K;
  double dQ[P * P], dM[P * K];
  clock_t t0 = clock();
  for (long s = 0; s < steps; s++) {
    for (int i = 0; i < P; i++) i3row(i, rows + i * N);
    for (int i = 0; i < P; i++) for (int j = i; j < P; j++) {
      double w = eta * eta * u[i] * u[j], c12 = C[i * N + j];
      double j2 = 2 / M_PI / sqrt((1 + C[i * N + i]) * (1 + C[j * N + j]) - c12 * c12);
      dQ[i * P + j] = -eta * (u[i] * rows[i * N + j] + u[j] * rows[j * N + i]) + w * (i4sum(i, j) + noise * j2);
    }
    for (int i = 0; i < P; i++) for (int n = 0; n < K; n++) dM[i * K + n] = -eta * u[i] * rows[i * N + P + n];
    for (int i = 0; i < P; i++) {
      for (int j = i; j < P; j++) C[i * N + j] = C[j * N + i] = C[i * N + j] + h * dQ[i * P + j];
      for (int n = 0; n < K; n++) C[i * N + P + n] = C[(P + n) * N + i] = C[i * N + P + n] + h * dM[i * K + n];
    }
  }
  double sec = (double)(clock() - t0) / CLOCKS_PER_SEC;
  printf("%.6e %.17g\n", steps / sec, C[0]);
  return 0;
}
`;

function cOdeRate(): { rate: number | null; note: string } {
  const build = buildC("committee-ode", ["-O3"], odeC);
  if (!build.ok) return { rate: null, note: build.reason };
  const out = execFileSync(build.binary, ["20000"], { encoding: "utf8" });
  return { rate: Number(out.split(" ")[0]), note: `C ${build.flags}` };
}

/** The full step in C (bench/c/common.h: the same ziggurat normals), p = 8, k = 4, erf, mean readouts. */
const fullC = String.raw`
#include "../c/common.h"
#define SQRT2 1.4142135623730951
#define SQRT_2_OVER_PI 0.7978845608028654
#define P 8
#define K 4
typedef struct { long d; double *W, *T, *x, lam[P], v[P], A[K], eta; uint32_t s[4]; } net_t;
static void run_steps(void *ctx, long n) {
  net_t *m = ctx;
  const long d = m->d;
  const double isd = 1 / sqrt((double)d);
  for (long l = 0; l < n; l++) {
    fill_normal(m->s, m->x, d);
    double e = -0.1 * normal(m->s);
    for (int i = 0; i < P; i++) { m->lam[i] = dot8(m->W + i * d, m->x, d) * isd; e += m->v[i] * erf(m->lam[i] / SQRT2); }
    for (int r = 0; r < K; r++) e -= m->A[r] * erf(dot8(m->T + r * d, m->x, d) * isd / SQRT2);
    for (int i = 0; i < P; i++) {
      const double f = m->eta * isd * m->v[i] * SQRT_2_OVER_PI * exp(-0.5 * m->lam[i] * m->lam[i]) * e;
      double *restrict w = m->W + i * d;
      for (long j = 0; j < d; j++) w[j] -= f * m->x[j];
    }
  }
}
int main(int argc, char **argv) {
  if (argc != 5 || zig_load(argv[1]) != 0) return 2;
  net_t m = {atol(argv[2])};
  m.eta = 0.5;
  m.s[0] = 1; m.s[1] = 2; m.s[2] = 3; m.s[3] = 4;
  m.W = malloc(P * m.d * sizeof(double)); m.T = malloc(K * m.d * sizeof(double)); m.x = malloc(m.d * sizeof(double));
  fill_normal(m.s, m.W, P * m.d); fill_normal(m.s, m.T, K * m.d);
  for (long j = 0; j < P * m.d; j++) m.W[j] *= 0.5;
  for (int i = 0; i < P; i++) m.v[i] = 1.0 / P;
  for (int r = 0; r < K; r++) m.A[r] = 1.0 / K;
  const rate_t rate = best_rate(run_steps, &m, atol(argv[3]), atoi(argv[4]));
  printf("%.6e %.17g\n", rate.cpu, m.W[0]);
  return 0;
}
`;

/** The same step as a numpy user writes it (OpenBLAS pinned to one thread), steps per CPU second. */
const fullNumpy = String.raw`
import sys, time, json
import numpy as np
from math import erf, sqrt, exp, pi
p, k, d = 8, 4, int(sys.argv[1])
rng = np.random.default_rng(1)
W = 0.5 * rng.standard_normal((p, d)); T = rng.standard_normal((k, d))
v = np.full(p, 1 / p); A = np.full(k, 1 / k); eta = 0.5; isd = 1 / np.sqrt(d)
verf = np.vectorize(erf)
def step():
    global W
    x = rng.standard_normal(d)
    lam = W @ x * isd; nu = T @ x * isd
    e = v @ verf(lam / sqrt(2)) - A @ verf(nu / sqrt(2)) - 0.1 * rng.standard_normal()
    c = v * np.sqrt(2 / pi) * np.exp(-0.5 * lam * lam) * e
    W -= (eta * isd) * np.outer(c, x)
for _ in range(200): step()
t0 = time.process_time(); n = 0
while time.process_time() - t0 < float(sys.argv[2]):
    for _ in range(100): step()
    n += 100
print(json.dumps({"stepsPerSecond": n / (time.process_time() - t0)}))
`;

function cFullRate(d: number): { rate: number | null; note: string } {
  const build = buildC("committee-full", ["-O3"], fullC);
  if (!build.ok) return { rate: null, note: build.reason };
  const out = execFileSync(build.binary, [zigguratTables(), String(d), "20000", "3"], { encoding: "utf8" });
  return { rate: Number(out.split(" ")[0]), note: `C ${build.flags}` };
}

function numpyFullRate(d: number): { rate: number | null; note: string } {
  try {
    const out = execFileSync("python3", ["-c", fullNumpy, String(d), "1"], {
      encoding: "utf8",
      env: numpyEnv("1"),
    });
    return { rate: (JSON.parse(out) as { stepsPerSecond: number }).stepsPerSecond, note: "numpy (1 thread)" };
  } catch (e) {
    return { rate: null, note: `numpy: ${(e as Error).message.split("\n")[0]}` };
  }
}

function spec(d: number, simulation: string) {
  return committeeSpec.parse({
    model: { name: "committee", d, student: { width: p }, teacher: { width: k }, noise: 0.01 },
    optimizer: { lr: 0.5 },
    simulation,
  });
}

/** Steps per CPU second of the full simulator (d normals, p + k dot products, p axpys per step). */
function fullRate(d: number, timing: Timing) {
  const setup = committeeSetup(spec(d, "full"));
  const rng = Rng.fromSeed(1);
  const teacher = new Float64Array(k * d);
  rng.fillNormal(teacher);
  const model = committeeModel(setup, teacher);
  const x = model.parameters;
  rng.fillNormal(x, 0, p * d);
  for (let j = 0; j < p * d; j++) x[j] *= 0.5;
  x.fill(1 / p, p * d);
  return bestRate((n) => model.sgdSteps!(x, () => 0.5, rng, 0, n), timing);
}

/** Steps per CPU second of the dimension-free simulator at dimension d. */
function dimensionFreeRate(d: number, timing: Timing) {
  const setup = committeeSetup(spec(d, "dimension-free"));
  const n = p + k;
  const G = new Float64Array((n * (n + 1)) / 2);
  for (let a = 0; a < n; a++) G[packedIndex(n, a, a)] = a < p ? 0.25 : 1;
  const sim = new CommitteeDimensionFree(setup, G);
  const rng = Rng.fromSeed(2);
  return bestRate((m) => {
    for (let s = 0; s < m; s++) sim.advance(rng);
  }, timing);
}

/**
 * The committee section: ODE (target >= 1e5 Euler steps/s, the peers' Cython about 1e4), full simulator,
 * dimension-free at three dimensions.
 *
 * @example committeeSection({ roundSeconds: 0.25, rounds: 3 }).results.odeEulerStepsPerSecond
 */
export function committeeSection(timing: Timing): Section {
  const ode = odeRate(timing);
  const c = cOdeRate();
  const full = fullRate(1000, timing);
  const cFull = cFullRate(1000);
  const npFull = numpyFullRate(1000);
  const ratio = (r: number | null) => (r ? (full.cpu / r).toFixed(2) : "n/a");
  const rows: Row[] = [
    {
      label: "ODE, erf, I4 + J2 terms, p = 8, k = 4: Euler steps",
      value: `${num(ode.cpu)}/s`,
      note: `target >= 1e5 (${verdict(ode.cpu, 1e5, true)}); peers' Cython ~1e4; ${c.note}: ${num(c.rate)}/s (JS/C ${c.rate ? (ode.cpu / c.rate).toFixed(2) : "n/a"})`,
    },
    {
      label: "full simulator, p = 8, k = 4, d = 1000",
      value: `${num(full.cpu)}/s`,
      note: `${cFull.note}: ${num(cFull.rate)}/s (JS/C ${ratio(cFull.rate)}); ${npFull.note}: ${num(npFull.rate)}/s (JS/numpy ${ratio(npFull.rate)})`,
    },
  ];
  const results: Section["results"] = {
    odeEulerStepsPerSecond: ode.cpu,
    odeCStepsPerSecond: c.rate,
    fullD1000: full.cpu,
  };
  let base = 0;
  for (const d of [1e3, 1e6, 1e9]) {
    const r = dimensionFreeRate(d, timing);
    base ||= r.cpu;
    rows.push({
      label: `dimension-free, p = 8, k = 4, d = ${d.toExponential(0)}`,
      value: `${num(r.cpu)}/s`,
      note: `${(r.cpu / base).toFixed(2)}x the rate at d = 1e3 (flat in d)`,
    });
    results[`dimensionFreeD${d.toExponential(0)}`] = r.cpu;
  }
  return {
    id: "committee",
    title: "Committee machine: ODE, full and dimension-free simulators (per CPU second)",
    rows,
    results,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = committeeSection({ roundSeconds: 0.5, rounds: 3 });
  process.stdout.write(
    `${s.title}\n${s.rows.map((r) => `  ${r.label}: ${r.value}  (${r.note})`).join("\n")}\n`,
  );
}
