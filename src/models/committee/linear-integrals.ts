import { type CommitteeIntegrals, withSums } from "./integrals.js";

/**
 * Averages for the linear activation `g(x) = x` (science/06 §4.2): `I2 = C_ab`, `J2 = 1`,
 * `I3 = C_bc`, `I4 = C_ce` (Wick's theorem with g' = 1).
 *
 * @example linearIntegrals.i3(C, n, 0, 1, 2) // C[1 * n + 2]
 */
export const linearIntegrals: CommitteeIntegrals = withSums({
  activation: "linear",
  g: (x) => x,
  dg: () => 1,
  i2: (C, n, a, b) => C[a * n + b],
  j2: () => 1,
  i3: (C, n, _a, b, c) => C[b * n + c],
  i4: (C, n, _a, _b, c, e) => C[c * n + e],
});
