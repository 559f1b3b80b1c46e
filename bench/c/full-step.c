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
#include "common.h"

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

/* What is timed: `n` SGD steps, or `n` fills of z with N normals. */
typedef struct { const model_t *md; double *x, lr; uint32_t *s; int fill; } work_t;

/* Perform `n` units of the work. */
static void run_work(void *ctx, long n) {
  const work_t *w = ctx;
  if (w->fill)
    for (long l = 0; l < n; l++) fill_normal(w->s, w->md->z, w->md->n);
  else
    sgd_steps(w->md, w->x, w->lr, w->s, n);
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
  const rate_t step_rate = best_rate(run_work, &w, steps, rounds);
  w.fill = 1;
  const rate_t fill_rate = best_rate(run_work, &w, steps, rounds);
  const double checksum = dot(x, x, n) + md.z[n / 2];
  printf("{\"firstNormal\": %.17g, \"checkM\": %.17g, \"checkR2\": %.17g, ", first, check_m, check_r2);
  printf("\"steps\": {\"wall\": %.6g, \"cpu\": %.6g}, ", step_rate.wall, step_rate.cpu);
  printf("\"normals\": {\"wall\": %.6g, \"cpu\": %.6g}, ", fill_rate.wall * (double)n, fill_rate.cpu * (double)n);
  printf("\"checksum\": %.17g}\n", checksum);
  free(x), free(md.v), free(md.z);
  return 0;
}
