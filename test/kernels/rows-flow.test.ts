import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/rng.js";
import { useKernelBackend } from "../../src/kernels/index.js";
import { finiteSumFlow } from "../../src/models/finite-sum/flows.js";
import { leastSquares } from "../../src/models/finite-sum/least-squares.js";
import { eulerMaruyama, type StepNoise } from "../../src/theory/sde/index.js";

/**
 * The least-squares flows on the data matrix (kernels) against the generic per-sample callbacks: the same
 * sums in another order, so equal up to rounding. Bound: each side is within gamma_m sum|terms| of the exact
 * value (Higham, Accuracy and Stability, eq. 3.5; gamma_m = m u / (1 - m u), u = 2^-53) with m the number
 * of roundings along the longest chain, here at most 4 (M + d) for the corrected drift (two products of
 * length d and two sums of length M); sum|terms| is bounded by `magnitude`, the same expression with every
 * entry replaced by its absolute value.
 */
describe("least-squares flows from the rows equal the per-sample callbacks up to rounding", () => {
  const [d, M, lr] = [10, 50, 0.05];
  const fs = leastSquares(d, M, 3);
  const generic = { ...fs, data: undefined };
  const u = 2 ** -53;
  const m = 4 * (M + d);
  const gamma = (m * u) / (1 - m * u);

  /** |a| |x| products, the magnitude of every sum in the drift and the diffusion. */
  function magnitude(x: Float64Array): number {
    const { a, y } = fs.data;
    let total = 0;
    for (let i = 0; i < M; i++) {
      let r = Math.abs(y[i]);
      for (let k = 0; k < d; k++) r += Math.abs(a[i * d + k] * x[k]);
      for (let k = 0; k < d; k++) total += Math.abs(a[i * d + k]) * r;
    }
    return (total / M) * (1 + lr * 100); // the correction multiplies by |a|^2 <= 100 (rows of 10 N(0,1))
  }

  it.each(["smf", "sme1", "sme2", "gf"] as const)("%s: drift and diffusion at random points", (kind) => {
    const fast = finiteSumFlow(fs, kind, lr);
    const slow = finiteSumFlow(generic, kind, lr);
    expect(fast.noise).toBe(slow.noise);
    const rng = Rng.fromSeed(8);
    const x = new Float64Array(d);
    for (let trial = 0; trial < 5; trial++) {
      rng.fillNormal(x);
      const tol = 2 * gamma * magnitude(x);
      const [a1, a2] = [new Float64Array(d), new Float64Array(d)];
      fast.drift(0, x, a1);
      slow.drift(0, x, a2);
      for (let k = 0; k < d; k++) expect(Math.abs(a1[k] - a2[k])).toBeLessThanOrEqual(tol);
      const [g1, g2] = [new Float64Array(d * M), new Float64Array(d * M)];
      fast.diffusion(0, x, g1);
      slow.diffusion(0, x, g2);
      for (let k = 0; k < d * M; k++) expect(Math.abs(g1[k] - g2[k])).toBeLessThanOrEqual(tol);
      if (kind !== "gf") expect(g1.some((v) => v !== 0)).toBe(true);
    }
  });
});

/**
 * Euler–Maruyama with the flow's `diffusionTimes` (G dW without forming G) against the same scheme on the
 * dense columns: the same operations in the same order, so the same doubles, on both kernel backends,
 * with some exact zeros in dW (skipped by both).
 */
describe("least-squares diffusionTimes: Euler–Maruyama gives the dense-column path bit for bit", () => {
  it.each(
    ["smf", "sme2", "gf"].flatMap((kind) => [
      [kind, "wasm"],
      [kind, "ts"],
    ]) as ["smf" | "sme2" | "gf", "wasm" | "ts"][],
  )("%s flow, %s kernels, d 11, M 37, 40 steps", (kind, backend) => {
    const before = useKernelBackend(backend);
    try {
      const fast = finiteSumFlow(leastSquares(11, 37, 4), kind, 0.05);
      const { diffusionTimes, ...rest } = fast;
      expect(diffusionTimes).toBeTypeOf("function");
      const dense = { ...rest };
      const paths = [fast, dense].map((flow) => {
        const rng = Rng.fromSeed(5);
        const work = eulerMaruyama.workspace(flow);
        const noise: StepNoise = {
          dW: new Float64Array(flow.noise),
          i10: new Float64Array(0),
          extra: new Float64Array(0),
        };
        let x = new Float64Array(11).fill(0.3);
        const path: number[] = [];
        for (let l = 0; l < 40; l++) {
          rng.fillNormal(noise.dW);
          for (let i = l % 5; i < noise.dW.length; i += 5) noise.dW[i] = 0;
          const y = new Float64Array(11);
          eulerMaruyama.step(flow, l * 0.01, 0.01, x, noise, y, work);
          x = y;
          path.push(...x);
        }
        return path;
      });
      expect(paths[0]).toEqual(paths[1]);
      expect(paths[0].every(Number.isFinite)).toBe(true);
      expect(paths[0][0]).not.toBe(paths[0][paths[0].length - 11]); // the path moved
    } finally {
      useKernelBackend(before);
    }
  });
});
