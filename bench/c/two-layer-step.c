/*
 * C reference for the per-sample SGD step of the two-layer ReLU network on the XOR Gaussian mixture
 * (gmmTwoLayerModel().sgdStep in src/models/gmm-two-layer/model.ts; bench/kernels.ts): one uniform picks
 * the component, N normals (the same ziggurat as the TypeScript), the K pre-activations (dot8, the
 * summation order of src/kernels), the error e = sigmoid(z) - y and the K row updates.
 *
 * Usage: two-layer-step TABLES K N snr ridge steps rounds s0 s1 s2 s3
 * Prints {"steps": {"wall", "cpu"}, "checksum"}: the best steps/s over `rounds` rounds of `steps` steps.
 */
#include "common.h"

/* XOR components of src/models/gmm-two-layer/geometry.ts: label, mean along mu = e_0 and nu = e_1. */
static const double comp_y[4] = {1, 1, 0, 0}, comp_mu[4] = {1, -1, 0, 0}, comp_nu[4] = {0, 0, 1, -1};

typedef struct {
  long K, N;
  double noise, ridge, lr;
  double *x, *X, *h; /* x = [v (K), W (K x N)] */
  uint32_t s[4];
} net_t;

static void sgd_step(net_t *m) {
  const long K = m->K, N = m->N;
  const int c = (int)(uniform53(m->s) * 4);
  fill_normal(m->s, m->X, N);
  for (long j = 0; j < N; j++) m->X[j] *= m->noise;
  m->X[0] += comp_mu[c];
  m->X[1] += comp_nu[c];
  double z = 0;
  for (long i = 0; i < K; i++) {
    const double a = dot8(m->x + K + i * N, m->X, N);
    m->h[i] = a;
    if (a > 0) z += m->x[i] * a;
  }
  const double e = 1 / (1 + exp(-z)) - comp_y[c], shrink = 1 - m->lr * m->ridge;
  for (long i = 0; i < K; i++) {
    const double ci = m->h[i] >= 0 ? m->lr * e * m->x[i] : 0;
    m->x[i] = shrink * m->x[i] - m->lr * e * fmax(m->h[i], 0);
    double *restrict W = m->x + K + i * N;
    for (long j = 0; j < N; j++) W[j] = shrink * W[j] - ci * m->X[j];
  }
}

static void run_steps(void *ctx, long n) {
  for (long l = 0; l < n; l++) sgd_step(ctx);
}

int main(int argc, char **argv) {
  if (argc != 12 || zig_load(argv[1]) != 0) {
    fprintf(stderr, "usage: %s TABLES K N snr ridge steps rounds s0 s1 s2 s3\n", argv[0]);
    return 2;
  }
  net_t m = {atol(argv[2]), atol(argv[3]), 1 / sqrt(atof(argv[4])), atof(argv[5]), 0, 0, 0, 0, {0}};
  m.lr = 1.0 / (double)m.N;
  for (int w = 0; w < 4; w++) m.s[w] = (uint32_t)strtoul(argv[8 + w], NULL, 10);
  m.x = malloc((m.K + m.K * m.N) * sizeof(double));
  m.X = malloc(m.N * sizeof(double));
  m.h = malloc(m.K * sizeof(double));
  fill_normal(m.s, m.x, m.K + m.K * m.N);
  for (long j = m.K; j < m.K + m.K * m.N; j++) m.x[j] /= sqrt((double)m.N);
  const rate_t rate = best_rate(run_steps, &m, atol(argv[6]), atoi(argv[7]));
  printf("{\"steps\": {\"wall\": %.6g, \"cpu\": %.6g}, \"checksum\": %.17g}\n", rate.wall, rate.cpu,
         dot8(m.x, m.x, m.K + m.K * m.N));
  return 0;
}
