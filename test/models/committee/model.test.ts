import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/core/rng.js";
import { committeeModel } from "../../../src/models/committee/model.js";
import { committeeSetup } from "../../../src/models/committee/setup.js";
import { committeeSpec } from "../../../src/models/committee/spec.js";

const d = 40;
const spec = committeeSpec.parse({
  model: {
    name: "committee",
    d,
    student: { width: 3 },
    teacher: { width: 2, readout: [1, -0.5] },
    noise: 0.04,
  },
  optimizer: { lr: 0.7, trainReadout: true },
});
const setup = committeeSetup(spec);
const p = 3;

function fixture() {
  const rng = Rng.fromSeed(5);
  const teacher = new Float64Array(2 * d);
  rng.fillNormal(teacher);
  const model = committeeModel(setup, teacher);
  const x = new Float64Array(model.dim);
  rng.fillNormal(x);
  for (let j = 0; j < p * d; j++) x[j] *= 0.5;
  return { model, teacher, x };
}

/** The literal loss ½(f(x) − y)² of one sample (input z, noise ζ), erf(·/√2) written with the test's own erf. */
function loss(x: Float64Array, teacher: Float64Array, z: Float64Array, zeta: number): number {
  const g = (u: number) => erf(u / Math.SQRT2);
  let f = 0;
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += x[i * d + j] * z[j];
    f += x[p * d + i] * g(s / Math.sqrt(d));
  }
  let y = Math.sqrt(0.04) * zeta;
  for (let r = 0; r < 2; r++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += teacher[r * d + j] * z[j];
    y += [1, -0.5][r] * g(s / Math.sqrt(d));
  }
  return 0.5 * (f - y) ** 2;
}

/** erf by its Maclaurin series (|x| < 3 here; 60 terms reach 1e-16). */
function erf(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 60; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

describe("committee full model", () => {
  it("sampleGradient is the gradient of the literal loss (second layer divided by d), by central differences", () => {
    const { model, teacher, x } = fixture();
    const rng = Rng.fromSeed(9);
    const replay = Rng.fromState(rng.state());
    const grad = new Float64Array(model.dim);
    model.sampleGradient(x, rng, grad);
    const z = new Float64Array(d);
    replay.fillNormal(z);
    const zeta = replay.normal(); // y = y* + σζ, ζ drawn after the input
    const h = 1e-6;
    for (const j of [0, 7, d + 3, 2 * d + 39, p * d, p * d + 2]) {
      const xp = x.slice();
      const xm = x.slice();
      xp[j] += h;
      xm[j] -= h;
      const fd = (loss(xp, teacher, z, zeta) - loss(xm, teacher, z, zeta)) / (2 * h);
      const scale = j >= p * d ? 1 / d : 1;
      // Central differences: O(h²) truncation and O(ε/h) rounding, ~1e-10 relative here.
      expect(Math.abs(grad[j] - scale * fd), `coordinate ${j}`).toBeLessThan(
        1e-8 * Math.max(1, Math.abs(fd)),
      );
    }
  });

  it("the fused step (wasm kernels on its own parameters) equals the TS reference bit for bit and x − η grad to rounding", () => {
    const { model, x } = fixture();
    const own = model.parameters;
    own.set(x);
    const copy = x.slice();
    const generic = x.slice();
    const grad = new Float64Array(model.dim);
    const [a, b, c] = [Rng.fromSeed(3), Rng.fromSeed(3), Rng.fromSeed(3)];
    for (let l = 0; l < 50; l++) {
      model.sgdSteps!(own, () => 0.7, a, l, l + 1);
      model.sgdSteps!(copy, () => 0.7, b, l, l + 1);
      model.sampleGradient(generic, c, grad);
      for (let j = 0; j < generic.length; j++) generic[j] -= 0.7 * grad[j];
    }
    expect(Array.from(own)).toEqual(Array.from(copy));
    // η (c z) against (η c) z: one rounding per step and entry, 50 steps.
    for (let j = 0; j < x.length; j++) expect(Math.abs(own[j] - generic[j])).toBeLessThan(1e-12);
  });
});
