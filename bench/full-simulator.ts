import { Rng } from "../src/core/rng.js";
import { dot, norm2, orthonormaliseAgainst, scale } from "../src/core/vector.js";
import { spikedTensorModel } from "../src/models/spiked-tensor/model.js";
import { constant } from "../src/optimizers/schedule.js";
import { cFlagSets } from "./c-build.js";
import {
  type CompiledReference,
  compileReference,
  type ReferenceResult,
  runReference,
} from "./c-reference.js";
import { bestRate, type Rate, type Timing } from "./measure.js";
import { num, type Results, type Row, type Section, verdict } from "./report.js";

/** The benchmarked step: spiked matrix PCA at N = 10^4, lr = 0.5 / N, from m = 0.3, rPerp2 = 1. */
const problem = { N: 10_000, k: 2, snr: 1.2, cDelta: 0.5, m0: 0.3, rPerp20: 1, seed: 1 };

/** One side's measurements (JS or C), with the stream checks both sides compute. */
type Measured = Pick<ReferenceResult, "firstNormal" | "checkM" | "checkR2" | "steps" | "normals">;

/** Start as simulate-run.ts does (and bench/c/full-step.c): v uniform unit, x = m0 v + sqrt(rPerp20) u. */
function start(rng: Rng, N: number): { v: Float64Array; x: Float64Array } {
  const v = new Float64Array(N);
  rng.fillNormal(v);
  scale(1 / Math.sqrt(norm2(v)), v);
  const x = new Float64Array(N);
  rng.fillNormal(x);
  orthonormaliseAgainst(x, v);
  const r = Math.sqrt(problem.rPerp20);
  for (let i = 0; i < N; i++) x[i] = problem.m0 * v[i] + r * x[i];
  return { v, x };
}

/** Steps/s of the model's fused `sgdSteps` (what the simulator runs) and normals/s of `fillNormal` into a buffer of N. */
function measureJs(timing: Timing): Measured {
  const { N, k, snr, cDelta } = problem;
  const rng = Rng.fromSeed(problem.seed);
  const firstNormal = rng.normal();
  const { v, x: x0 } = start(rng, N);
  const model = spikedTensorModel({ k, N, snr }, v);
  const x = model.parameters; // in the model's kernel workspace: the wasm update runs on it
  x.set(x0);
  const steps = model.sgdSteps!;
  const lr = constant(cDelta / N);
  steps(x, lr, rng, 0, 10);
  const [checkM, checkR2] = [dot(x, v), norm2(x)];
  const rate = bestRate((n) => steps(x, lr, rng, 0, n), timing);
  const z = new Float64Array(N);
  const fills = bestRate((n) => {
    for (let l = 0; l < n; l++) rng.fillNormal(z);
  }, timing);
  return { firstNormal, checkM, checkR2, steps: rate, normals: { wall: N * fills.wall, cpu: N * fills.cpu } };
}

/** The C reference for one round of about `roundSeconds`, sized from the JS rate. */
function measureC(binary: string, js: Measured, roundSeconds: number): Measured {
  const steps = Math.max(10, Math.round(js.steps.wall * roundSeconds));
  const state = Rng.fromSeed(problem.seed).state().s;
  return runReference(binary, { ...problem, steps, rounds: 1, state });
}

/** The better of two rates, clock by clock. */
function faster(a: Rate, b: Rate): Rate {
  return { wall: Math.max(a.wall, b.wall), cpu: Math.max(a.cpu, b.cpu) };
}

/** The better of two measurements of one side (the stream checks are the same in both). */
function best(a: Measured, b: Measured): Measured {
  return { ...a, steps: faster(a.steps, b.steps), normals: faster(a.normals, b.normals) };
}

/** JS and C rounds interleaved (so that a burst of load hits all), keeping the best of each side. */
function measureAll(timing: Timing, refs: CompiledReference[]): { js: Measured; cs: (Measured | null)[] } {
  const once = { ...timing, rounds: 1 };
  let js: Measured | null = null;
  const cs: (Measured | null)[] = refs.map(() => null);
  for (let r = 0; r < timing.rounds; r++) {
    const j = measureJs(once);
    js = js ? best(js, j) : j;
    refs.forEach((ref, i) => {
      if (!ref.ok) return;
      const m = measureC(ref.binary, j, timing.roundSeconds);
      cs[i] = cs[i] ? best(cs[i], m) : m;
    });
  }
  return { js: js!, cs };
}

/** "137.7 us/step = 74.0 fillNormal + 63.8 dot+update" (by CPU time). */
function breakdown(m: Measured): string {
  const total = 1e6 / m.steps.cpu;
  const fill = (problem.N / m.normals.cpu) * 1e6;
  return `${total.toFixed(1)} us/step = ${fill.toFixed(1)} fillNormal + ${(total - fill).toFixed(1)} dot+update`;
}

/** Rows of one side: steps/s, normals/s and where a step's time goes. */
function sideRows(side: string, m: Measured, what: string): Row[] {
  return [
    {
      label: `${side} sgdSteps`,
      value: `${num(m.steps.cpu)}/s`,
      note: `${what}; wall ${num(m.steps.wall)}/s`,
    },
    {
      label: `${side} fillNormal`,
      value: `${num(m.normals.cpu)}/s`,
      note: `normals; wall ${num(m.normals.wall)}/s`,
    },
    { label: `${side} time per step`, value: "", note: breakdown(m) },
  ];
}

/** Ratios JS/C and the stream check (same first normal, same trajectory up to rounding). */
function comparison(
  js: Measured,
  c: Measured,
  name: string,
  target: boolean,
): { rows: Row[]; results: Results } {
  const ratioSteps = js.steps.cpu / c.steps.cpu;
  const ratioNormals = js.normals.cpu / c.normals.cpu;
  const checkMRelativeDiff = Math.abs(js.checkM - c.checkM) / Math.abs(c.checkM);
  const streamIdentical = js.firstNormal === c.firstNormal && checkMRelativeDiff < 1e-9;
  const rows: Row[] = [
    {
      label: `ratio JS/${name}, steps`,
      value: ratioSteps.toFixed(3),
      note: target ? `target >= 0.6: ${verdict(ratioSteps, 0.6, true)}` : "the best C this machine does",
    },
    {
      label: `ratio JS/${name}, normals`,
      value: ratioNormals.toFixed(3),
      note: "fillNormal alone: locates the gap",
    },
    {
      label: `stream check vs ${name}, same seed`,
      value: streamIdentical ? "same" : "DIFFERENT",
      note: `first normal ${js.firstNormal === c.firstNormal ? "identical" : "differs"}; m after 10 steps rel. diff ${num(checkMRelativeDiff)}`,
    },
  ];
  return { rows, results: { ratioSteps, ratioNormals, streamIdentical, checkMRelativeDiff } };
}

/**
 * Section 1: the full simulator at N = 10^4 on one core, JS `sgdSteps` against the same steps in C.
 * Rates are per CPU second of the process (robust on a shared machine); wall-clock rates are in the notes.
 *
 * @example console.log(fullSimulatorSection({ roundSeconds: 0.8, rounds: 3 }).rows)
 */
export function fullSimulatorSection(timing: Timing): Section {
  const refs = cFlagSets.map((set) => compileReference(set.flags));
  const { js, cs } = measureAll(timing, refs);
  const rows = sideRows("JS", js, `k = 2, N = ${problem.N}, one core`);
  const results: Results = {
    N: problem.N,
    jsStepsPerSecond: js.steps.cpu,
    jsStepsPerWallSecond: js.steps.wall,
    jsNormalsPerSecond: js.normals.cpu,
    jsNormalsPerWallSecond: js.normals.wall,
  };
  cFlagSets.forEach((set, i) => {
    const [ref, c] = [refs[i], cs[i]];
    const key = i === 0 ? "" : "Native";
    if (!ref.ok || !c) {
      const reason = ref.ok ? "no C result" : ref.reason;
      rows.push({ label: `${set.name} reference unavailable`, value: "", note: reason });
      results[`c${key}Unavailable`] = reason;
      return;
    }
    const cmp = comparison(js, c, set.name, i === 0);
    rows.push(...sideRows(set.name, c, `cc ${ref.flags}`), ...cmp.rows);
    for (const [k, v] of Object.entries(cmp.results)) results[`${k}${key}`] = v;
    Object.assign(results, {
      [`c${key}Flags`]: ref.flags,
      [`c${key}StepsPerSecond`]: c.steps.cpu,
      [`c${key}StepsPerWallSecond`]: c.steps.wall,
      [`c${key}NormalsPerSecond`]: c.normals.cpu,
      [`c${key}NormalsPerWallSecond`]: c.normals.wall,
    });
  });
  return {
    id: "full",
    title: "1. Full simulator, N = 10^4, one core (JS vs C -O3 and C -O3 -march=native, per CPU second)",
    rows,
    results,
  };
}
