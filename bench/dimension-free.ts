import { Rng } from "../src/core/rng.js";
import { SpikedDimensionFree } from "../src/models/spiked-tensor/dimension-free.js";
import type { ReducedSimulator } from "../src/simulate/model.js";
import { bestRate, type Rate, type Timing } from "./measure.js";
import { num, type Row, type Section, verdict } from "./report.js";

/** Dimensions at which the O(1) sampler is timed: its cost must not depend on N. */
const dims = [1e3, 1e6, 1e9];

/** Target throughput per core (steps per second). */
const target = 2e6;

/** Steps/s of the dimension-free sampler at dimension N (k = 2, snr 1.2, lr = 0.5 / N, m = 0.3, rPerp2 = 1). */
function stepsPerSecond(N: number, timing: Timing): Rate {
  const rng = Rng.fromSeed(2);
  const sim: ReducedSimulator = new SpikedDimensionFree({ k: 2, N, snr: 1.2 }, 0.5 / N, 0.3, 1);
  let l = 0;
  return bestRate((n) => {
    for (let i = 0; i < n; i++) sim.advance(rng, l++);
  }, timing);
}

/**
 * Section 2: steps/s of the exact O(1)-per-step sampler at N = 10^3, 10^6, 10^9 (target >= 2e6, flat in N).
 *
 * @example dimensionFreeSection({ roundSeconds: 0.25, rounds: 2 }).results.minStepsPerSecond
 */
export function dimensionFreeSection(timing: Timing): Section {
  const measured = dims.map((N) => stepsPerSecond(N, timing));
  const rates = measured.map((r) => r.cpu);
  const rows: Row[] = measured.map((rate, i) => ({
    label: `N = 1e${Math.log10(dims[i])}`,
    value: `${num(rate.cpu)}/s`,
    note: `target >= ${num(target)}: ${verdict(rate.cpu, target, true)}; wall ${num(rate.wall)}/s`,
  }));
  const spread = Math.max(...rates) / Math.min(...rates);
  rows.push({ label: "max/min over N", value: spread.toFixed(2), note: "flat in N: close to 1" });
  const results: Section["results"] = { minStepsPerSecond: Math.min(...rates), spread };
  dims.forEach((N, i) => {
    results[`stepsPerSecondN${N}`] = rates[i];
    results[`stepsPerWallSecondN${N}`] = measured[i].wall;
  });
  return {
    id: "dimensionFree",
    title: "2. Dimension-free sampler, one core (per CPU second)",
    rows,
    results,
  };
}
