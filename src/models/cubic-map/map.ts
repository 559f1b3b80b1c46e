import type { Map1D } from "../../theory/maps/types.js";

/**
 * The canonical cubic map `f_r(z) = z (1 + r (1 - z^2)) = (1 + r) z - r z^3`: GD with step r on
 * `phi(z) = (z^2 - 1)^2 / 4`, to which GD on quadratic regression with orthonormal data reduces per sample
 * (science/04 §1; Chen et al. 2024, arXiv 2310.01687).
 *
 * @example cubicMap.step(0.5, 1) // 0.875
 */
export const cubicMap: Map1D = {
  step: (z, r) => z * (1 + r * (1 - z * z)),
  derivative: (z, r) => 1 + r - 3 * r * z * z,
};

/**
 * The square map `g_r(s) = s (1 + r (1 - s))^2` of the quadratic network (`s = f / y`), semi-conjugate to the
 * cubic map by `s = z^2` (science/04 §1).
 *
 * @example squareMap.step(0.25, 1) // 0.25 * 1.75^2
 */
export const squareMap: Map1D = {
  step: (s, r) => {
    const q = 1 + r * (1 - s);
    return s * q * q;
  },
  derivative: (s, r) => {
    const q = 1 + r * (1 - s);
    return q * q - 2 * r * s * q;
  },
};

/**
 * The positive critical point of the cubic map, `f_r'(c) = 0`: `c(r) = sqrt((1 + r) / (3 r))`.
 *
 * @example cubicCritical(0.5) // 1
 */
export const cubicCritical = (r: number): number => Math.sqrt((1 + r) / (3 * r));
