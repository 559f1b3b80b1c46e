import { Rng } from "../src/core/rng.js";
import { GmmDimensionFree } from "../src/models/gmm-two-layer/dimension-free.js";
import { type GmmParams, packedIndex, stateLayout } from "../src/models/gmm-two-layer/geometry.js";
import { gmmTwoLayerModel } from "../src/models/gmm-two-layer/model.js";
import { bestRate, type Rate, type Timing } from "./measure.js";
import { num, type Row, type Section } from "./report.js";

/** The benchmarked setting: XOR, K = 8, snr 1000, ridge 0.1, step 1/N (issue 7). */
const params: GmmParams = { task: "xor", K: 8, snr: 1000, ridge: 0.1 };
const dims = [250, 1e4];

/** Steps/s of the full simulator (fused step: N normals, K dot products, K axpys) at dimension N. */
function fullRate(N: number, timing: Timing): Rate {
  const model = gmmTwoLayerModel(params, N);
  const x = model.parameters; // in the model's kernel workspace: the wasm step
  const rng = Rng.fromSeed(1);
  rng.fillNormal(x);
  for (let j = params.K; j < x.length; j++) x[j] /= Math.sqrt(N);
  return bestRate((n) => {
    for (let i = 0; i < n; i++) model.sgdStep!(x, 1 / N, rng);
  }, timing);
}

/** Steps/s of the dimension-free simulator (O(K³) per step, independent of N) at dimension N. */
function dimensionFreeRate(N: number, timing: Timing): Rate {
  const lay = stateLayout(params.task, params.K);
  const u = new Float64Array(lay.size);
  const rng = Rng.fromSeed(2);
  for (let i = 0; i < params.K; i++) {
    u[lay.v + i] = rng.normal();
    u[lay.rPerp + packedIndex(params.K, i, i)] = 1;
  }
  const sim = new GmmDimensionFree(params, N, 1 / N, u);
  return bestRate((n) => {
    for (let i = 0; i < n; i++) sim.advance(rng);
  }, timing);
}

/**
 * Steps/s of the gmm-two-layer simulators, full and dimension-free, at N = 250 and N = 10^4, K = 8 (XOR).
 * The full step's reference is its own arithmetic: it touches 2K N + N numbers, so the note gives the
 * nanoseconds per weight per step; the dimension-free rate is compared with the full one (speed-up).
 *
 * Call: `gmmSection({ roundSeconds: 0.25, rounds: 3 })` (wired into bench/run.ts by the lead).
 *
 * @example gmmSection({ roundSeconds: 0.25, rounds: 2 }).results.dimensionFreeN10000
 */
export function gmmSection(timing: Timing): Section {
  const rows: Row[] = [];
  const results: Section["results"] = {};
  for (const N of dims) {
    const full = fullRate(N, timing);
    const free = dimensionFreeRate(N, timing);
    const nsPerWeight = 1e9 / (full.cpu * params.K * N);
    rows.push({
      label: `full, N = ${N}, K = 8`,
      value: `${num(full.cpu)}/s`,
      note: `${nsPerWeight.toFixed(2)} ns per weight per step; wall ${num(full.wall)}/s`,
    });
    rows.push({
      label: `dimension-free, N = ${N}, K = 8`,
      value: `${num(free.cpu)}/s`,
      note: `${(free.cpu / full.cpu).toFixed(1)}x the full simulator; wall ${num(free.wall)}/s`,
    });
    results[`fullN${N}`] = full.cpu;
    results[`dimensionFreeN${N}`] = free.cpu;
  }
  return {
    id: "gmm",
    title: "gmm-two-layer simulators, XOR K = 8, one core (steps per CPU second)",
    rows,
    results,
  };
}
