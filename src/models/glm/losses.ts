import type { DmftLoss } from "../../theory/dmft/problem.js";

/** The losses of the glm experiment (public names). */
export const glmLossNames = ["square", "logistic", "hinge"] as const;
export type GlmLossName = (typeof glmLossNames)[number];

/** `(H - y)^2/2`. */
const square: DmftLoss = {
  name: "square",
  value: (H, y) => 0.5 * (H - y) ** 2,
  d1: (H, y) => H - y,
  d2: () => 1,
};

/** `log(1 + e^{-yH})`, computed without overflow; `loss' = -y sigmoid(-yH)`, `loss'' = y^2 s(1-s)`. */
const logistic: DmftLoss = {
  name: "logistic",
  value: (H, y) => {
    const z = -y * H;
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  },
  d1: (H, y) => -y * sigmoid(-y * H),
  d2: (H, y) => {
    const s = sigmoid(y * H);
    return y * y * s * (1 - s);
  },
};

/** Width of the quadratic smoothing of the hinge's kink (the DMFT responses need a second derivative). */
export const hingeSmoothing = 0.1;

/**
 * Smoothed hinge: `max(0, 1 - yH)` with the kink at `yH = 1` replaced by a quadratic on
 * `[1 - eps, 1]` (`eps = hingeSmoothing`): `(1 - yH)^2/(2 eps)` there, `1 - yH - eps/2` below. For y = ±1.
 */
const hinge: DmftLoss = {
  name: "hinge",
  value: (H, y) => {
    const u = 1 - y * H;
    if (u <= 0) return 0;
    return u < hingeSmoothing ? (u * u) / (2 * hingeSmoothing) : u - hingeSmoothing / 2;
  },
  d1: (H, y) => {
    const u = 1 - y * H;
    if (u <= 0) return 0;
    return u < hingeSmoothing ? (-y * u) / hingeSmoothing : -y;
  },
  d2: (H, y) => {
    const u = 1 - y * H;
    return u > 0 && u < hingeSmoothing ? (y * y) / hingeSmoothing : 0;
  },
};

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** The loss named in a glm spec. */
export const glmLosses: Record<GlmLossName, DmftLoss> = { square, logistic, hinge };
