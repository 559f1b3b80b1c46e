/* C reference of the cubic-map phase scan: for each r of a grid, `transient` iterations of
 * z -> z (1 + r (1 - z^2)) from z0 then `keep` kept iterations accumulating ln|f'(z)| (the Lyapunov
 * exponent), escape at |z| > 1e6. Prints the best scans/s over `rounds` and a checksum (sum of exponents).
 * Usage: cubic-scan <points> <from> <step> <transient> <keep> <rounds> */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static double scan(int points, double from, double step, int transient, int keep) {
  double checksum = 0;
  for (int i = 0; i < points; i++) {
    double r = from + i * step, z = 1e-3, sum = 0;
    int escaped = 0;
    for (int t = 0; t < transient && !escaped; t++) {
      z = z * (1 + r * (1 - z * z));
      if (!(fabs(z) <= 1e6)) escaped = 1;
    }
    for (int t = 0; t < keep && !escaped; t++) {
      double d = fabs(1 + r - 3 * r * z * z);
      sum += log(d > 1e-300 ? d : 1e-300);
      z = z * (1 + r * (1 - z * z));
      if (!(fabs(z) <= 1e6)) escaped = 1;
    }
    checksum += escaped ? 0 : sum / keep;
  }
  return checksum;
}

int main(int argc, char **argv) {
  if (argc < 7) return 2;
  int points = atoi(argv[1]), transient = atoi(argv[4]), keep = atoi(argv[5]), rounds = atoi(argv[6]);
  double from = atof(argv[2]), step = atof(argv[3]), best = 0, checksum = 0;
  for (int k = 0; k < rounds; k++) {
    int n = 0;
    double t0 = now();
    do {
      checksum = scan(points, from, step, transient, keep);
      n++;
    } while (now() - t0 < 0.2);
    double rate = n / (now() - t0);
    if (rate > best) best = rate;
  }
  printf("{\"scansPerSecond\": %.6g, \"checksum\": %.17g}\n", best, checksum);
  return 0;
}
