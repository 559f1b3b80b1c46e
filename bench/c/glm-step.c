/*
 * C reference for one mini-batch SGD step of the logistic GLM (glmStepper in
 * src/models/glm/simulate-run.ts; bench/kernels.ts): a uniform per sample selects it with probability b,
 * H_r = <X_r, w>/sqrt(d) on the selected rows (dot8, the summation order of src/kernels), the logistic
 * coefficients -y_r sigmoid(-y_r H_r)/b, g = X_B^T coef/sqrt(d) and the ridge + heavy-ball update.
 *
 * Usage: glm-step TABLES n d b lr ridge steps rounds s0 s1 s2 s3
 * Prints {"steps": {"wall", "cpu"}, "checksum"}: the best steps/s over `rounds` rounds of `steps` steps.
 */
#include "common.h"

typedef struct {
  long n, d;
  double b, lr, ridge, beta, inv;
  double *X, *y, *w, *prev, *g, *coef;
  long *rows;
  uint32_t s[4];
} glm_t;

static double sigmoid(double t) { return t >= 0 ? 1 / (1 + exp(-t)) : exp(t) / (1 + exp(t)); }

static void sgd_step(glm_t *m) {
  const long d = m->d;
  long B = 0;
  for (long r = 0; r < m->n; r++)
    if (uniform53(m->s) < m->b) m->rows[B++] = r;
  for (long k = 0; k < B; k++) {
    const long r = m->rows[k];
    const double H = dot8(m->X + r * d, m->w, d) * m->inv;
    m->coef[k] = -m->y[r] * sigmoid(-m->y[r] * H) / m->b;
  }
  double *restrict g = m->g;
  for (long k = 0; k < d; k++) g[k] = 0;
  for (long k = 0; k < B; k++) {
    const double c = m->coef[k] * m->inv;
    const double *restrict x = m->X + m->rows[k] * d;
    for (long j = 0; j < d; j++) g[j] += c * x[j];
  }
  for (long k = 0; k < d; k++) {
    const double wk = m->w[k];
    m->w[k] = wk - m->lr * (m->ridge * wk + g[k]) + m->beta * (wk - m->prev[k]);
    m->prev[k] = wk;
  }
}

static void run_steps(void *ctx, long n) {
  for (long l = 0; l < n; l++) sgd_step(ctx);
}

int main(int argc, char **argv) {
  if (argc != 13 || zig_load(argv[1]) != 0) {
    fprintf(stderr, "usage: %s TABLES n d b lr ridge steps rounds s0 s1 s2 s3\n", argv[0]);
    return 2;
  }
  glm_t m = {0};
  m.n = atol(argv[2]), m.d = atol(argv[3]), m.b = atof(argv[4]), m.lr = atof(argv[5]), m.ridge = atof(argv[6]);
  m.inv = 1 / sqrt((double)m.d);
  for (int w = 0; w < 4; w++) m.s[w] = (uint32_t)strtoul(argv[9 + w], NULL, 10);
  m.X = malloc(m.n * m.d * sizeof(double));
  m.y = malloc(m.n * sizeof(double));
  m.w = calloc(m.d, sizeof(double));
  m.prev = calloc(m.d, sizeof(double));
  m.g = malloc(m.d * sizeof(double));
  m.coef = malloc(m.n * sizeof(double));
  m.rows = malloc(m.n * sizeof(long));
  fill_normal(m.s, m.X, m.n * m.d);
  fill_normal(m.s, m.w, m.d);
  for (long r = 0; r < m.n; r++) m.y[r] = dot8(m.X + r * m.d, m.w, m.d) >= 0 ? 1 : -1; /* teacher = w0 */
  fill_normal(m.s, m.w, m.d);
  const rate_t rate = best_rate(run_steps, &m, atol(argv[7]), atoi(argv[8]));
  printf("{\"steps\": {\"wall\": %.6g, \"cpu\": %.6g}, \"checksum\": %.17g}\n", rate.wall, rate.cpu,
         dot8(m.w, m.w, m.d));
  return 0;
}
