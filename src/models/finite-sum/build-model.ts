import { type QuadraticFiniteSum, quadraticFiniteSum } from "./finite-sum.js";
import { leastSquares } from "./least-squares.js";
import type { FlowsSpec } from "./spec.js";

/**
 * The finite sum and start of a spec's model: random curvature and least squares are quadratic finite
 * sums too, so every analysis serves all three models.
 *
 * @example buildModel({ name: "random-curvature", sigma: 0.5, x0: 1 }).fs.count // 2
 */
export function buildModel(model: FlowsSpec["model"]): { fs: QuadraticFiniteSum; x0: number[] } {
  switch (model.name) {
    case "random-curvature":
      return {
        fs: quadraticFiniteSum([[[1 - model.sigma]], [[1 + model.sigma]]], [[0], [0]]),
        x0: [model.x0],
      };
    case "quadratic-finite-sum":
      return { fs: quadraticFiniteSum(model.A, model.b), x0: model.x0 };
    case "least-squares":
      return { fs: leastSquares(model.d, model.n, model.seed, model.noise), x0: new Array(model.d).fill(0) };
  }
}
