/*
 * C reference for the full spiked-tensor SGD step of sgdlab (bench/full-simulator.ts).
 *
 * A faithful port of src/core/ziggurat.ts (xoshiro128**, 256-layer ziggurat with two 32-bit draws per
 * normal, the same tables, the same wedge and tail) and of the fused `sgdStep` of
 * src/models/spiked-tensor/model.ts (fillNormal into z, one update pass x = A x + B v + C z that also
 * accumulates <x, v> and |x|^2 for the next step).
 * The tables are read from a file written by the TypeScript (bench/c-reference.ts), so that, given the
 * same xoshiro state words, this program draws the same normals as the TypeScript, bit for bit.
 *
 * Usage: full-step TABLES N steps rounds k snr cDelta m0 rPerp20 s0 s1 s2 s3
 *   TABLES: text file of ZIG_F (257 numbers), ZIG_K (256) and ZIG_W (256) from src/core/ziggurat.ts.
 * Prints one JSON object: stream check values, the best steps/s and normals/s over `rounds` rounds
 * of `steps` steps (or fills of N normals), by wall-clock and by CPU time, and a checksum so the
 * compiler cannot drop work.
 */
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
static double normal(uint32_t *s) {
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

/* Step coefficients [A, B, C] of src/models/spiked-tensor/step.ts. */
static void step_coefficients(int k, double snr, double lr, double m, double r2, double zeta, double *out) {
  const double r = sqrt(r2);
  const double rkm2 = k == 2 ? 1 : pow(r, k - 2);
  const double rkm1 = rkm2 * r;
  out[0] = 1 - 2 * k * lr * rkm1 * rkm1 + 2 * lr * sqrt((double)k * (k - 1)) * rkm2 * zeta;
  out[1] = 2 * k * snr * lr * (k == 2 ? m : pow(m, k - 1));
  out[2] = 2 * lr * sqrt((double)k) * rkm1;
}

/* The model: order k, snr, dimension N, the spike v and the noise buffer z. */
typedef struct {
  int k;
  double snr;
  long n;
  double *v, *z;
} model_t;

/*
 * `count` fused SGD steps as in spikedTensorModel().sgdSteps: <x, v> and |x|^2 once, then per step
 * fillNormal into z and one update pass that also accumulates <x, v> and |x|^2 for the next step.
 */
static void sgd_steps(const model_t *md, double *restrict x, double lr, uint32_t *s, long count) {
  const long n = md->n;
  const double *restrict v = md->v, *restrict z = md->z;
  double m = 0, r2 = 0, coef[3];
  for (long i = 0; i < n; i++) {
    m += x[i] * v[i];
    r2 += x[i] * x[i];
  }
  for (long l = 0; l < count; l++) {
    fill_normal(s, md->z, n);
    step_coefficients(md->k, md->snr, lr, m, r2, normal(s), coef);
    const double a = coef[0], b = coef[1], c = coef[2];
    m = 0;
    r2 = 0;
    for (long i = 0; i < n; i++) {
      const double xi = a * x[i] + b * v[i] + c * z[i];
      x[i] = xi;
      m += xi * v[i];
      r2 += xi * xi;
    }
  }
}

/* <a, b>, summed in index order as in src/core/vector.ts. */
static double dot(const double *a, const double *b, long n) {
  double s = 0;
  for (long i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/* Start as simulate-run.ts: v uniform unit, x = m0 v + sqrt(rPerp20) u with u a unit vector orthogonal to v. */
static void init_start(model_t *md, double *x, double m0, double rperp20, uint32_t *s) {
  const long n = md->n;
  fill_normal(s, md->v, n);
  const double sv = 1 / sqrt(dot(md->v, md->v, n));
  for (long i = 0; i < n; i++) md->v[i] *= sv;
  fill_normal(s, x, n);
  const double xv = -dot(x, md->v, n);
  for (long i = 0; i < n; i++) x[i] += xv * md->v[i];
  const double sx = 1 / sqrt(dot(x, x, n));
  for (long i = 0; i < n; i++) x[i] *= sx;
  const double r = sqrt(rperp20);
  for (long i = 0; i < n; i++) x[i] = m0 * md->v[i] + r * x[i];
}

/* Seconds on `clock` (CLOCK_MONOTONIC: wall; CLOCK_PROCESS_CPUTIME_ID: CPU time of this process). */
static double seconds(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* A rate by wall-clock and by CPU time, as bestRate in bench/measure.ts. */
typedef struct { double wall, cpu; } rate_t;

/* What is timed: `n` SGD steps, or `n` fills of z with N normals. */
typedef struct { const model_t *md; double *x, lr; uint32_t *s; int fill; } work_t;

/* Perform `n` units of the work. */
static void run_work(const work_t *w, long n) {
  if (w->fill)
    for (long l = 0; l < n; l++) fill_normal(w->s, w->md->z, w->md->n);
  else
    sgd_steps(w->md, w->x, w->lr, w->s, n);
}

/* Best rate over `rounds` rounds of `n` units each, after a warm-up of a tenth of a round. */
static rate_t best_rate(const work_t *w, long n, int rounds) {
  run_work(w, n / 10 + 1);
  rate_t best = {0, 0};
  for (int r = 0; r < rounds; r++) {
    const double t0 = seconds(CLOCK_MONOTONIC), c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
    run_work(w, n);
    const double wall = (double)n / (seconds(CLOCK_MONOTONIC) - t0);
    const double cpu = (double)n / (seconds(CLOCK_PROCESS_CPUTIME_ID) - c0);
    if (wall > best.wall) best.wall = wall;
    if (cpu > best.cpu) best.cpu = cpu;
  }
  return best;
}

int main(int argc, char **argv) {
  if (argc != 14 || zig_load(argv[1]) != 0) {
    fprintf(stderr, "usage: %s TABLES N steps rounds k snr cDelta m0 rPerp20 s0 s1 s2 s3\n", argv[0]);
    return 2; /* wrong arguments, or the tables file is missing or short */
  }
  const long n = atol(argv[2]), steps = atol(argv[3]);
  const int rounds = atoi(argv[4]);
  model_t md = {atoi(argv[5]), atof(argv[6]), n, malloc(n * sizeof(double)), malloc(n * sizeof(double))};
  const double lr = atof(argv[7]) / (double)n;
  uint32_t s[4];
  for (int w = 0; w < 4; w++) s[w] = (uint32_t)strtoul(argv[10 + w], NULL, 10);
  double *x = malloc(n * sizeof(double));
  /* Stream check: the first normal and the state after 10 steps, to compare with the TS. */
  const double first = normal(s);
  init_start(&md, x, atof(argv[8]), atof(argv[9]), s);
  sgd_steps(&md, x, lr, s, 10);
  const double check_m = dot(x, md.v, n), check_r2 = dot(x, x, n);
  work_t w = {&md, x, lr, s, 0};
  const rate_t step_rate = best_rate(&w, steps, rounds);
  w.fill = 1;
  const rate_t fill_rate = best_rate(&w, steps, rounds);
  const double checksum = dot(x, x, n) + md.z[n / 2];
  printf("{\"firstNormal\": %.17g, \"checkM\": %.17g, \"checkR2\": %.17g, ", first, check_m, check_r2);
  printf("\"steps\": {\"wall\": %.6g, \"cpu\": %.6g}, ", step_rate.wall, step_rate.cpu);
  printf("\"normals\": {\"wall\": %.6g, \"cpu\": %.6g}, ", fill_rate.wall * (double)n, fill_rate.cpu * (double)n);
  printf("\"checksum\": %.17g}\n", checksum);
  free(x), free(md.v), free(md.z);
  return 0;
}
