/*
 * Shared by the C references of bench/: a faithful port of src/core/ziggurat.ts (xoshiro128**, the
 * 256-layer ziggurat with two 32-bit draws per normal, the same tables, the same wedge and tail) and the
 * timing of a unit of work by wall-clock and CPU time (bestRate in bench/measure.ts).
 * The tables are read from a file written by the TypeScript (bench/c-reference.ts), so that, given the
 * same xoshiro state words, a program draws the same normals as the TypeScript, bit for bit.
 */
#ifndef SGDLAB_BENCH_COMMON_H
#define SGDLAB_BENCH_COMMON_H
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define ZIG_LAYERS 256
static const double ZIG_R = 3.654152885361009;
static const double TWO_32 = 4294967296.0;
static const double TWO_M53 = 1.0 / 9007199254740992.0;

/* Fast-acceptance thresholds, scales and densities at the layer edges: ZIG_K, ZIG_W, ZIG_F. */
static double zig_k[ZIG_LAYERS], zig_w[ZIG_LAYERS], zig_f[ZIG_LAYERS + 1];

/* Read `n` numbers into `out`; returns 0 on success. */
static int read_table(FILE *f, double *out, int n) {
  for (int i = 0; i < n; i++)
    if (fscanf(f, "%lf", &out[i]) != 1) return -1;
  return 0;
}

/* Load the tables written by the TypeScript (shortest round-trip decimals, so the doubles are exact). */
static int zig_load(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  const int bad = read_table(f, zig_f, ZIG_LAYERS + 1) || read_table(f, zig_k, ZIG_LAYERS) ||
                  read_table(f, zig_w, ZIG_LAYERS);
  fclose(f);
  return bad ? -1 : 0;
}

static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

/*
 * One step of xoshiro128** (Blackman & Vigna) on four separate words, returning the scrambled output.
 * fill_normal passes its locals, which then stay in registers.
 */
static inline uint32_t xoshiro_words(uint32_t *s0, uint32_t *s1, uint32_t *s2, uint32_t *s3) {
  const uint32_t result = rotl(*s1 * 5, 7) * 9;
  const uint32_t t = *s1 << 9;
  *s2 ^= *s0;
  *s3 ^= *s1;
  *s1 ^= *s2;
  *s0 ^= *s3;
  *s2 ^= t;
  *s3 = rotl(*s3, 11);
  return result;
}

/* One step of xoshiro128** on a state array. */
static inline uint32_t xoshiro_next(uint32_t *s) { return xoshiro_words(&s[0], &s[1], &s[2], &s[3]); }

/* Uniform on [0, 1) from two draws, 53 bits (uniform53 in ziggurat.ts). */
static double uniform53(uint32_t *s) {
  const uint32_t a = xoshiro_next(s) >> 5;
  return ((double)a * 67108864.0 + (double)(xoshiro_next(s) >> 6)) * TWO_M53;
}

/* Signed integer j uniform on [-2^52, 2^52): (a as int32 >> 11) * 2^32 + b, exactly as in the TS. */
static inline double zig_j(uint32_t a, uint32_t b) { return (double)((int32_t)a >> 11) * TWO_32 + (double)b; }

/* Marsaglia's exact tail beyond r (normalTail). */
static double normal_tail(uint32_t *s) {
  for (;;) {
    const double x = -log(1 - uniform53(s)) / ZIG_R;
    const double y = -log(1 - uniform53(s));
    if (y + y >= x * x) return ZIG_R + x;
  }
}

/* Rest of the ziggurat after a failed fast test: wedge test, tail, or a fresh draw (normalSlow). */
static double normal_slow(uint32_t *s, int i, double j) {
  for (;;) {
    if (i == 0) return j < 0 ? -normal_tail(s) : normal_tail(s);
    const double x = j * zig_w[i];
    if (zig_f[i] + uniform53(s) * (zig_f[i + 1] - zig_f[i]) < exp(-0.5 * x * x)) return x;
    const uint32_t a = xoshiro_next(s);
    j = zig_j(a, xoshiro_next(s));
    i = (int)(a & 255);
    if (fabs(j) < zig_k[i]) return j * zig_w[i];
  }
}

/* One standard normal (normalFrom). */
static inline double normal(uint32_t *s) {
  const uint32_t a = xoshiro_next(s);
  const double j = zig_j(a, xoshiro_next(s));
  const int i = (int)(a & 255);
  if (fabs(j) < zig_k[i]) return j * zig_w[i];
  return normal_slow(s, i, j);
}

/*
 * Fill out[0..n) with normals (fillNormalFrom): the fast loop keeps the state in four locals; a draw that
 * fails the fast test writes the state back, is finished by normal_slow, and the locals are reloaded.
 */
static void fill_normal(uint32_t *st, double *restrict out, long n) {
  uint32_t s0 = st[0], s1 = st[1], s2 = st[2], s3 = st[3];
  for (long k = 0; k < n; k++) {
    const uint32_t a = xoshiro_words(&s0, &s1, &s2, &s3);
    const double j = zig_j(a, xoshiro_words(&s0, &s1, &s2, &s3));
    const int i = (int)(a & 255);
    if (fabs(j) < zig_k[i]) {
      out[k] = j * zig_w[i];
      continue;
    }
    st[0] = s0, st[1] = s1, st[2] = s2, st[3] = s3;
    out[k] = normal_slow(st, i, j);
    s0 = st[0], s1 = st[1], s2 = st[2], s3 = st[3];
  }
  st[0] = s0, st[1] = s1, st[2] = s2, st[3] = s3;
}

/* Seconds on `clock` (CLOCK_MONOTONIC: wall; CLOCK_PROCESS_CPUTIME_ID: CPU time of this process). */
static double seconds(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* A rate by wall-clock and by CPU time, as bestRate in bench/measure.ts. */
typedef struct { double wall, cpu; } rate_t;

/* A unit of work: `run(ctx, n)` performs n units. */
typedef void (*work_fn)(void *ctx, long n);

/* Best rate over `rounds` rounds of `n` units each, after a warm-up of a tenth of a round. */
static rate_t best_rate(work_fn run, void *ctx, long n, int rounds) {
  run(ctx, n / 10 + 1);
  rate_t best = {0, 0};
  for (int r = 0; r < rounds; r++) {
    const double t0 = seconds(CLOCK_MONOTONIC), c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
    run(ctx, n);
    const double wall = (double)n / (seconds(CLOCK_MONOTONIC) - t0);
    const double cpu = (double)n / (seconds(CLOCK_PROCESS_CPUTIME_ID) - c0);
    if (wall > best.wall) best.wall = wall;
    if (cpu > best.cpu) best.cpu = cpu;
  }
  return best;
}

/* Inner product with 8 partial sums, in the order of src/kernels (gcc may vectorise it: no reassociation). */
static inline double dot8(const double *restrict a, const double *restrict b, long n) {
  double s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  long i = 0;
  for (; i + 8 <= n; i += 8)
    for (int j = 0; j < 8; j++) s[j] += a[i + j] * b[i + j];
  double t = ((s[0] + s[2]) + (s[4] + s[6])) + ((s[1] + s[3]) + (s[5] + s[7]));
  for (; i < n; i++) t += a[i] * b[i];
  return t;
}

#endif
