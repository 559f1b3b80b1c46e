import type { Map1D, MapND } from "../../../src/theory/maps/types.js";

/** The logistic map `x -> r x (1 - x)`: closed forms for its fixed point, 2-cycle, windows and r = 4. */
export const logistic: Map1D = {
  step: (x, r) => r * x * (1 - x),
  derivative: (x, r) => r * (1 - 2 * x),
};

/** `x -> diag(a) x` scaled by the parameter: exponents `ln|p a_i|` exactly. */
export function diagonalMap(a: readonly number[]): MapND {
  const n = a.length;
  return {
    dim: n,
    step(x, p, out) {
      for (let i = 0; i < n; i++) out[i] = p * a[i] * x[i];
    },
    jacobian(_x, p, out) {
      out.fill(0);
      for (let i = 0; i < n; i++) out[i * n + i] = p * a[i];
    },
  };
}

/** The Hénon map `(x, y) -> (1 - p x^2 + y, b x)`, b = 0.3: `det J = -b`, so `lambda_1 + lambda_2 = ln b`. */
export const henon: MapND = {
  dim: 2,
  step(x, p, out) {
    out[0] = 1 - p * x[0] * x[0] + x[1];
    out[1] = 0.3 * x[0];
  },
  jacobian(x, p, out) {
    out[0] = -2 * p * x[0];
    out[1] = 1;
    out[2] = 0.3;
    out[3] = 0;
  },
};
