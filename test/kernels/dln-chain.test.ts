import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Rng } from "../../src/core/rng.js";
import { useKernelBackend } from "../../src/kernels/index.js";
import { type ChainOptions, dlnChain } from "../../src/models/diagonal-linear-network/chain.js";
import { dataMoments } from "../../src/models/diagonal-linear-network/moments.js";

/**
 * The DLN chain draws an SGD block's samples first and then runs the steps on them (performance, issue 14).
 * Its records must be those of the chain as it was before: each step drawing its own samples when it runs.
 * The oracle below is that earlier step written out literally (science/03 §§2–3): per step v, then per
 * sample x (uniform or Gaussian) and y = slope x + noise ε, g = mean 2x(vx − y), then every factor
 * u_k ← u_k − lr (g Π_{j≠k} u_j + 2γ u_k) (+ isotropic noise per factor in that mode). Equality is exact
 * (same operations in the same order, same stream); the Rng state afterwards must agree too.
 */
function oracle(o: ChainOptions, params: Float64Array, rng: Rng, steps: number): void {
  const F = o.depth + 1;
  const others = new Float64Array(F);
  for (let l = 0; l < steps; l++) {
    let v = 0;
    for (let i = 0; i < o.width; i++) {
      let p = 1;
      for (let k = 0; k < F; k++) p *= params[i * F + k];
      v += p;
    }
    let g = 2 * (o.moments.beta1 * v - o.moments.beta2);
    if (o.mode === "sgd") {
      g = 0;
      for (let b = 0; b < o.batch; b++) {
        const x = o.gaussian ? rng.normal() : rng.uniform(-Math.sqrt(3), Math.sqrt(3));
        const y = o.slope * x + o.noise * rng.normal();
        g += 2 * x * (v * x - y);
      }
      g /= o.batch;
    }
    for (let i = 0; i < o.width; i++) {
      const u = params.subarray(i * F, (i + 1) * F);
      // Π_{j≠k} u_j as (u_0 ⋯ u_{k−1}) (u_{F−1} ⋯ u_{k+1}): the chain's prefix and suffix products.
      const prod = (k: number) => {
        let before = 1;
        for (let j = 0; j < k; j++) before *= u[j];
        let after = 1;
        for (let j = F - 1; j > k; j--) after *= u[j];
        return before * after;
      };
      for (let k = 0; k < F; k++) others[k] = prod(k);
      u.forEach((uk, k) => {
        u[k] =
          uk -
          o.lr * (g * others[k] + 2 * o.ridge * uk) +
          (o.mode === "gd-isotropic-noise" ? o.noiseSd * rng.normal() : 0);
      });
    }
  }
}

const base: ChainOptions = {
  depth: 2,
  width: 1,
  gaussian: false,
  slope: 1,
  noise: 1,
  lr: 0.01,
  batch: 1,
  ridge: 0,
  mode: "sgd",
  moments: dataMoments({ x: "uniform", slope: 1, noise: 1 }),
  noiseSd: 0,
};

const cases: [string, Partial<ChainOptions>][] = [
  ["depth 2, batch 1, uniform", {}],
  [
    "depth 1, batch 1, Gaussian",
    { depth: 1, gaussian: true, moments: dataMoments({ x: "gaussian", slope: 1, noise: 1 }) },
  ],
  ["depth 3, width 2, batch 3, ridge", { depth: 3, width: 2, batch: 3, ridge: 0.01 }],
  ["depth 2, batch 300 (a block shorter than the batch)", { batch: 300 }],
  ["gd", { mode: "gd" }],
  ["gd-isotropic-noise", { mode: "gd-isotropic-noise", noiseSd: 0.05 }],
];

describe.each(["wasm", "ts"] as const)(
  "DLN chain, %s kernels, blocked SGD draws = step by step",
  (backend) => {
    let before: ReturnType<typeof useKernelBackend>;
    beforeAll(() => {
      before = useKernelBackend(backend);
    });
    afterAll(() => {
      useKernelBackend(before);
    });
    it.each(cases)(
      "%s: advanceMany over 0, 1, 255, 256, 257, 1000 steps and single advances",
      (_name, change) => {
        const o = { ...base, ...change };
        const size = (o.depth + 1) * o.width;
        const start = () => Float64Array.from({ length: size }, (_, i) => 1 + 0.1 * i);
        const [mine, theirs] = [start(), start()];
        const chain = dlnChain(o, mine);
        const [r1, r2] = [Rng.fromSeed(9), Rng.fromSeed(9)];
        let l = 0;
        for (const n of [0, 1, 255, 256, 257, 1000]) {
          chain.advanceMany?.(r1, l, l + n);
          oracle(o, theirs, r2, n);
          l += n;
          expect(Array.from(mine)).toEqual(Array.from(theirs));
        }
        for (let s = 0; s < 3; s++) chain.advance(r1, l++);
        oracle(o, theirs, r2, 3);
        expect(Array.from(mine)).toEqual(Array.from(theirs));
        expect(r1.state()).toEqual(r2.state());
        expect(mine[0]).not.toBe(1); // the chain moved
      },
    );
  },
);
