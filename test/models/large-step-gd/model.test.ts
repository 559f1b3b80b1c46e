import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/core/rng.js";
import { archOf, type QuadraticArch } from "../../../src/models/large-step-gd/arch.js";
import { PredictorAverage } from "../../../src/models/large-step-gd/average.js";
import { gramOf, initialWeights, makeData } from "../../../src/models/large-step-gd/data.js";
import { fullModel } from "../../../src/models/large-step-gd/model.js";
import { largestEigenvalue } from "../../../src/models/large-step-gd/sharpness.js";
import { SpanGd } from "../../../src/models/large-step-gd/span-gd.js";
import { phaseRetrievalSpec, quadraticNetworkSpec } from "../../../src/models/large-step-gd/spec.js";
import { quadraticTestError } from "../../../src/models/large-step-gd/test-error.js";

const net = (data: "orthogonal" | "gaussian", n = 12) =>
  quadraticNetworkSpec.parse({
    model: { name: "quadratic-network", d: 15, n, width: 4, outer: 0.5, data, noise: 0.1 },
    optimizer: { name: "gd", lr: 1 },
    init: { scale: 0.5 },
  });
const pr = (data: "orthogonal" | "gaussian") =>
  phaseRetrievalSpec.parse({
    model: { name: "phase-retrieval", d: 15, n: 12, data },
    optimizer: { name: "gd", lr: 1 },
    init: { scale: 0.5 },
  });
const cases = [
  ["network, orthogonal", net("orthogonal")],
  ["network, gaussian", net("gaussian")],
  ["network, gaussian, n > d", net("gaussian", 20)],
  ["phase retrieval, orthogonal", pr("orthogonal")],
  ["phase retrieval, gaussian", pr("gaussian")],
] as const;

describe.each(cases)("large-step GD model: %s", (_label, spec) => {
  const data = makeData(spec);
  const arch: QuadraticArch = archOf(spec);
  const model = fullModel(data, arch);
  const U0 = initialWeights(spec);
  const dim = model.dim;

  it("gradient and Hessian-vector product match central finite differences of the literal loss", () => {
    const grad = new Float64Array(dim);
    const f = new Float64Array(data.n);
    model.gradient(U0, grad, f);
    const V = new Float64Array(dim);
    Rng.fromSeed(3).fillNormal(V);
    const h = 1e-5;
    const plus = U0.map((u, k) => u + h * V[k]);
    const minus = U0.map((u, k) => u - h * V[k]);
    const gp = new Float64Array(dim);
    const gm = new Float64Array(dim);
    const lossP = model.gradient(plus, gp, f);
    const lossM = model.gradient(minus, gm, f);
    const directional = grad.reduce((s, g, k) => s + g * V[k], 0);
    // Central differences of a quartic: error h^2 |L'''| / 6 ~ 1e-10 relative; 1e-6 leaves margin.
    expect(Math.abs((lossP - lossM) / (2 * h) - directional)).toBeLessThan(
      1e-6 * (1 + Math.abs(directional)),
    );
    const hv = new Float64Array(dim);
    model.hvp(U0, V, hv);
    for (let k = 0; k < dim; k++)
      expect(Math.abs((gp[k] - gm[k]) / (2 * h) - hv[k])).toBeLessThan(1e-6 * (1 + Math.abs(hv[k])));
  });

  it("GD in the span of the data equals GD on the parameters, step by step (30 steps)", () => {
    const gd = new SpanGd(data, arch, U0);
    const U = Float64Array.from(U0);
    const grad = new Float64Array(dim);
    const f = new Float64Array(data.n);
    const fs = new Float64Array(data.n);
    const Us = new Float64Array(dim);
    for (let t = 0; t < 30; t++) {
      const loss = model.gradient(U, grad, f);
      const lossSpan = gd.evaluate(fs);
      // Same iterates in exact arithmetic: only round-off separates them (a contracting run, lr = 1).
      expect(Math.abs(loss - lossSpan)).toBeLessThan(1e-10 * (1 + loss));
      for (let i = 0; i < data.n; i++)
        expect(Math.abs(f[i] - fs[i])).toBeLessThan(1e-10 * (1 + Math.abs(f[i])));
      for (let k = 0; k < dim; k++) U[k] -= 1 * grad[k];
      gd.step(1);
    }
    gd.parameters(Us);
    for (let k = 0; k < dim; k++) expect(Math.abs(Us[k] - U[k])).toBeLessThan(1e-10);
  });

  it("sharpness in sample space equals the largest eigenvalue of the full Hessian", () => {
    const gd = new SpanGd(data, arch, U0);
    gd.evaluate(new Float64Array(data.n));
    const span = largestEigenvalue(
      (v, o) => gd.applySymmetricHessian(v, o),
      new Float64Array(data.n * arch.width).fill(1),
      new Float64Array(data.n * arch.width),
      2000,
      1e-13,
    );
    const full = largestEigenvalue(
      (v, o) => model.hvp(U0, v, o),
      new Float64Array(dim).fill(1),
      new Float64Array(dim),
      2000,
      1e-13,
    );
    // Both converge to the same eigenvalue (power iteration to 1e-13 relative; the gap makes it slower, not wrong).
    expect(Math.abs(Math.max(span, 0) - Math.max(full, 0))).toBeLessThan(1e-6 * Math.abs(full));
  });

  it("the averaged predictor kept in sample space equals the average of c U_t U_tᵀ", () => {
    const gd = new SpanGd(data, arch, U0);
    const avg = new PredictorAverage(gd);
    const d = data.d;
    const direct = new Float64Array(d * d);
    const A = new Float64Array(d * d);
    const U = new Float64Array(dim);
    const f = new Float64Array(data.n);
    for (let t = 0; t < 10; t++) {
      gd.evaluate(f);
      avg.add();
      gd.parameters(U);
      gramOf(U, d, arch.width, arch.c, A);
      for (let k = 0; k < A.length; k++) direct[k] += A[k] / 10;
      gd.step(0.5);
    }
    avg.matrix(data, A);
    for (let k = 0; k < A.length; k++)
      expect(Math.abs(A[k] - direct[k])).toBeLessThan(1e-12 * (1 + Math.abs(direct[k])));
  });
});

describe("closed-form test error", () => {
  it("exact moments: E z^4 = 3; D = diag(a, b) in d = 2 gives (3a^2 + 3b^2 + 2ab)/4", () => {
    expect(quadraticTestError(Float64Array.of(1), Float64Array.of(0), 1)).toBe(3);
    const [a, b] = [0.7, -1.3];
    // x_k ~ N(0, 1/2) independent: E x^4 = 3/4, E x1^2 x2^2 = 1/4.
    const exact = (3 * a * a + 3 * b * b + 2 * a * b) / 4;
    expect(quadraticTestError(Float64Array.of(a + 1, 0, 0, b), Float64Array.of(1, 0, 0, 0), 2)).toBeCloseTo(
      exact,
      14,
    );
  });

  it("E[(xᵀDx)^2] for x ~ N(0, I/d) matches Monte Carlo within 5 standard errors", () => {
    const d = 4;
    const rng = Rng.fromSeed(9);
    const D = new Float64Array(d * d);
    for (let k = 0; k < d; k++) for (let l = k; l < d; l++) D[k * d + l] = D[l * d + k] = rng.normal();
    const exact = quadraticTestError(D, new Float64Array(d * d), d);
    const x = new Float64Array(d);
    const samples = 200_000;
    let sum = 0;
    let sumSq = 0;
    for (let s = 0; s < samples; s++) {
      rng.fillNormal(x);
      let q = 0;
      for (let k = 0; k < d; k++) for (let l = 0; l < d; l++) q += (x[k] * D[k * d + l] * x[l]) / d;
      sum += q * q;
      sumSq += q ** 4;
    }
    const mean = sum / samples;
    const se = Math.sqrt((sumSq / samples - mean * mean) / samples);
    expect(Math.abs(mean - exact)).toBeLessThan(5 * se);
  });

  it("orthonormal data: X Xᵀ = I", () => {
    const data = makeData(net("orthogonal"));
    for (let i = 0; i < data.n; i++)
      for (let k = 0; k < data.n; k++) {
        let s = 0;
        for (let l = 0; l < data.d; l++) s += data.X[i * data.d + l] * data.X[k * data.d + l];
        expect(Math.abs(s - (i === k ? 1 : 0))).toBeLessThan(1e-13);
      }
  });
});
