import { describe, expect, it } from "vitest";
import { type SquareProblem, squareGd, squareSgd } from "../../../src/models/glm/square-exact.js";
import { lrCritical, noiseFeedback, squareStationary } from "../../../src/models/glm/stationary.js";
import { marchenkoPastur } from "../../../src/theory/dmft/marchenko-pastur.js";

const T = 200;
/** The authors' demo (science/02 §6): alpha 3, b 1, lambda 0.5, lr 0.1, m0 0.2, q0 1, sigma 0. */
const demo: SquareProblem = {
  alpha: 3,
  ridge: 0.5,
  sigma: 0,
  lr: new Float64Array(5000).fill(0.1),
  momentum: 0,
  batchFraction: 1,
  m0: 0.2,
  q0: 1,
};

/** Public table of science/02 §6 (step -> m, q, train). */
const table: [number, number, number, number][] = [
  [0, 0.2, 1.04, 0.82],
  [1, 0.43, 0.6566, 0.2959],
  [2, 0.5555, 0.58862, 0.14614],
  [5, 0.71226, 0.60076, 0.04183],
  [10, 0.78243, 0.64141, 0.01772],
  [20, 0.8089, 0.66636, 0.01244],
  [50, 0.8138, 0.67211, 0.01181],
  [200, 0.81386, 0.67218, 0.01181],
];

/** Half a unit in the last printed digit of a table entry. */
function halfUlp(x: number): number {
  const digits = x.toString().split(".")[1]?.length ?? 0;
  return 0.5 * 10 ** -digits + 1e-12;
}

describe("exact square-loss GD (Marchenko–Pastur quadrature)", () => {
  const gd = squareGd(demo, T);
  it.each(table)("step %i matches the public table to its printed digits", (t, m, q, train) => {
    expect(Math.abs(gd.m[t] - m)).toBeLessThanOrEqual(halfUlp(m));
    expect(Math.abs(gd.q[t] - q)).toBeLessThanOrEqual(halfUlp(q));
    expect(Math.abs(gd.trainLoss[t] - train)).toBeLessThanOrEqual(halfUlp(train));
  });

  it("one step equals the closed form of science/02 §5 at any b (square loss: loss' = H - y, loss'' = 1)", () => {
    for (const b of [1, 0.3]) {
      const p = { ...demo, batchFraction: b, sigma: 0.4 };
      const c = squareSgd(p, 1);
      const { alpha, ridge: l, m0, q0, sigma } = p;
      const lr = 0.1;
      // E[hStar (H - y)] = m0 - 1; E[(H - y)^2] = (1 - m0)^2 + q0 + sigma^2.
      const m1 = m0 * (1 - lr * l) - lr * alpha * (m0 - 1);
      const c11 =
        q0 * (1 - lr * l - lr * alpha) ** 2 + ((lr * lr * alpha) / b) * ((1 - m0) ** 2 + q0 + sigma ** 2);
      expect(c.m[1]).toBeCloseTo(m1, 13);
      expect(c.q[1]).toBeCloseTo(m1 * m1 + c11, 13);
    }
  });

  it("heavy ball converges to the same ridge solution, faster", () => {
    const hb = squareGd({ ...demo, momentum: 0.5 }, 100);
    expect(Math.abs(hb.m[100] - 0.8138593383654934)).toBeLessThan(1e-10);
    expect(Math.abs(hb.m[10] - 0.8138593383654934)).toBeLessThan(Math.abs(gd.m[10] - 0.8138593383654934));
  });
});

describe("homogenized SGD: stationary values and the divergence threshold", () => {
  it("m(t) of SGD is the GD m(t) for every b", () => {
    for (const b of [0.1, 0.3, 0.7])
      expect(squareSgd({ ...demo, batchFraction: b }, 50).m).toEqual(squareGd(demo, 50).m);
  });

  it.each([1, 0.3, 0.1])(
    "b = %s (below lrCritical): the recursion converges to the stationary values (1e-10)",
    (b) => {
      const p = { ...demo, batchFraction: b, sigma: 0.3 };
      const c = squareSgd(p, 3000);
      const st = squareStationary(p);
      expect(c.q[3000]).toBeCloseTo(st.q!, 10);
      expect(c.trainLoss[3000]).toBeCloseTo(st.trainLoss!, 10);
      expect((1 - 2 * c.m[3000] + c.q[3000]) / 2).toBeCloseTo(st.testError!, 10);
    },
  );

  it("lrCritical: 2/(lambda + b+) for GD; kappa_K(lrCritical) = 1 for small b", () => {
    const K = marchenkoPastur(3, "K");
    expect(lrCritical(K, demo)).toBeCloseTo(2 / (0.5 + (1 + Math.sqrt(3)) ** 2), 14);
    const p = { ...demo, batchFraction: 0.05 };
    const lc = lrCritical(K, p)!;
    expect(lc).toBeLessThan(2 / (0.5 + (1 + Math.sqrt(3)) ** 2));
    expect(noiseFeedback(K, 0.5, lc, 19)).toBeCloseTo(1, 10);
  });

  it("diverges just above lrCritical, with the step, and is stable just below", () => {
    const p = { ...demo, batchFraction: 0.05 };
    const lc = squareStationary(p).lrCritical!;
    const above = squareSgd({ ...p, lr: new Float64Array(5000).fill(1.1 * lc) }, 4000);
    expect(above.failedStep).toBeGreaterThan(0);
    expect(above.q.length).toBe(above.failedStep);
    const below = squareSgd({ ...p, lr: new Float64Array(5000).fill(0.9 * lc) }, 4000);
    expect(below.failedStep).toBeUndefined();
    expect(below.q[4000]).toBeCloseTo(squareStationary({ ...p, lr: [0.9 * lc] }).q!, 8);
  });
});

describe("stationary values beyond lrCritical", () => {
  it("are not reported (b = 0.05, lr = 0.1 > lrCritical = 0.0942)", () => {
    const st = squareStationary({ ...demo, batchFraction: 0.05, sigma: 0.3 });
    expect(st.lrCritical).toBeLessThan(0.1);
    expect(st.q).toBeUndefined();
  });
});
