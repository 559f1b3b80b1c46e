import { messages } from "../../core/messages.js";
import { worstOutcome } from "../../core/status.js";
import { agreementOf } from "../../experiment/agreement.js";
import { emptyRecordBody, type RecordBody } from "../../experiment/experiment.js";
import { odeSeries } from "../../experiment/ode-series.js";
import type { Series } from "../../experiment/record.js";
import type { RunResult } from "../../simulate/record-run.js";
import { gmmDiffusive, smoothCoordinates } from "./diffusive.js";
import { GmmFunctionals } from "./functionals.js";
import { stateLayout, stateNames } from "./geometry.js";
import { fixedStart, gmmGrid, gmmParams } from "./simulate-run.js";
import type { GmmTwoLayerSpec } from "./spec.js";

/**
 * Constant `B` of the relative finite-N bias bound `B/N` of `E[N (w − w*)²]` against the linear (OU) law.
 * The terms the law drops are O(1/N) relative, not O(1/√N): with `U = √N (w − w*)`, the quadratic drift
 * terms `Q(U, U)/√N` shift `E[U U]` only through third moments of the Gaussian leading-order law, which
 * vanish, so their first contribution is O(1/N); the noise covariance's own slope enters through
 * `E[U] = O(1/√N)`, again O(1/N); the Euler step `cDelta/N` is O(1/N). The coefficient is measured
 * (README, "Diffusive tolerance"): `max_t N |E[NDev2]/S − 1|` from 12 800 exact runs at N = 25 is at most
 * 0.83 ± 0.33 (binary) and 0.59 ± 0.30 (XOR), so `|c| + 4 se <= 2.2`; N = 50 and 100 agree within their
 * larger errors. B = 3 covers it with the O(1/N²) remainder.
 */
export const diffusiveBiasConstant = 3;

/**
 * `analysis: "diffusive"`: the runs start at the spec's statistics, a fixed point `w*` of the snr = Infinity
 * ODE, and `N (w_k − w*_k)²` per run (statistics `NDev2_v_i`, `NDev2_mMu_i`, `NDev2_mNu_i` (XOR)) is
 * compared with the diagonal of `S(t)` from {@link gmmDiffusive} on the smooth coordinates, and with 0 on
 * the kink coordinates of XOR detectors (the sliding mode pins them within one step of 0).
 * Tolerance: `agreementOf`'s `t · max(se, √2 S/√runs)` (U Gaussian: `sd(U²) = √2 S`) plus `S (B/N + 1/snr)`:
 * the terms the linear law drops ({@link diffusiveBiasConstant}) and the finite-snr noise (relative
 * `1/snr`); on a kink coordinate, the bound {@link kinkBound}. A kink coordinate's theory is 0 throughout,
 * so its record range is noise: its detectable gap is judged against the scale of the smooth coordinates'
 * `NDev2` (the same unit, on the same plot), their largest range over the record.
 */
export function diffusiveBody(spec: GmmTwoLayerSpec, results: RunResult[]): RecordBody {
  const params = gmmParams(spec);
  const { N, snr } = spec.model;
  const u0 = fixedStart(spec)!;
  const size = stateLayout(params.task, params.K).rPerp;
  const w = Array.from(u0.subarray(0, size));
  const stats = stateNames(params.task, params.K)
    .slice(0, size)
    .map((n) => `NDev2_${n}`);
  const grid = gmmGrid(spec);
  const reached = Math.min(...results.map((r) => r.recorded));
  const sim: Series = {
    source: "simulation",
    t: grid.t.slice(0, reached),
    values: {},
    stderr: {},
    runs: spec.runs,
  };
  stats.forEach((stat, k) => {
    sim.values[stat] = [];
    sim.stderr![stat] = [];
    for (let j = 0; j < reached; j++) {
      const xs = results.map((r) => N * (r.values[k + 2][j] - w[k]) ** 2);
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      const ss = xs.reduce((a, b) => a + (b - m) ** 2, 0);
      sim.values[stat].push(m);
      sim.stderr![stat].push(xs.length > 1 ? Math.sqrt(ss / (xs.length - 1) / xs.length) : 0);
    }
  });
  const d = gmmDiffusive(params, spec.optimizer.cDelta, w);
  const slot = stats.map((_, k) => d.coords.indexOf(k));
  const theory = odeSeries("diffusive", d.problem, grid.t, (S) =>
    Object.fromEntries(stats.map((s, k) => [s, slot[k] < 0 ? 0 : S[slot[k] * (d.dim + 1)]])),
  );
  const body: RecordBody = {
    ...emptyRecordBody(),
    series: [sim, theory.series],
    scalars: { failedRuns: results.filter((r) => r.status !== "ok").length },
  };
  const outcomes = [theory.outcome];
  const drift = fixedPointResidual(spec, u0);
  body.scalars.fixedPointResidual = drift;
  if (drift > 1e-6) outcomes.push({ status: "ok", messages: [messages.gmmNotFixedPoint(drift)] });
  if (body.scalars.failedRuns === 0 && spec.runs > 1) {
    const rel = diffusiveBiasConstant / N + 1 / snr;
    const S = theory.series.values;
    const kink = (k: number) => kinkBound(spec, w, k);
    const smoothScale = Math.max(
      ...stats.filter((_, k) => slot[k] >= 0).map((s) => Math.max(...S[s]) - Math.min(...S[s])),
    );
    const gap = {
      bias: Object.fromEntries(stats.map((s, k) => [s, S[s].map((x) => (slot[k] < 0 ? kink(k) : x * rel))])),
      spread: Object.fromEntries(stats.map((s) => [s, S[s].map((x) => Math.SQRT2 * x)])),
      scale: Object.fromEntries(stats.filter((_, k) => slot[k] < 0).map((s) => [s, smoothScale])),
    };
    for (const [stat, entry] of Object.entries(agreementOf(sim, theory.series, gap)))
      body.agreement[stat] = { diffusive: entry };
  }
  Object.assign(body, worstOutcome(outcomes));
  return body;
}

/**
 * Bound on the mean of `N w_k²` on a kink coordinate k of unit i (started at 0). At snr = Infinity a step
 * moves it by `δ |e v_i| ≤ δ |v_i|` and, once off 0, only towards 0 (both one-sided drifts point there),
 * so `|w_k| ≤ δ |v_i|`; at finite snr the kink is smeared over `|a_i| ζ/√snr` (a_i the unit's own overlap,
 * ζ the noise of X along it), 4 sigma of it added: `N (δ |v_i| (1 + 4/√snr) + 4 |a_i|/√snr)²`. Zero for a
 * dead unit (it never moves). Measured far below the bound (README).
 */
function kinkBound(spec: GmmTwoLayerSpec, w: readonly number[], k: number): number {
  const { K, N, snr } = spec.model;
  const i = k % K;
  const step = (spec.optimizer.cDelta / N) * Math.abs(w[i]);
  const own = w[i] > 0 ? Math.abs(w[K + i]) : Math.abs(w[2 * K + i] ?? 0);
  const noise = 4 / Math.sqrt(snr);
  return N * (step * (1 + noise) + noise * own) ** 2;
}

/**
 * Distance of the start from a fixed point of the snr = Infinity ODE: the largest |drift| of its smooth
 * coordinates and |value| of its kink coordinates (0 at a fixed point).
 */
function fixedPointResidual(spec: GmmTwoLayerSpec, u0: Float64Array): number {
  const p = { ...gmmParams(spec), snr: Number.POSITIVE_INFINITY };
  const size = stateLayout(p.task, p.K).rPerp;
  const w = Array.from(u0.subarray(0, size));
  const smooth = smoothCoordinates(p, w);
  const f = new GmmFunctionals(p, 1);
  const du = new Float64Array(u0.length);
  f.evaluate(u0);
  f.drift(u0, 0, du);
  return Math.max(...w.map((x, k) => (smooth.includes(k) ? Math.abs(du[k]) : Math.abs(x))));
}
