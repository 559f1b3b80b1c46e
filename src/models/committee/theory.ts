import { checkFinite, type NonFinite } from "../../core/non-finite.js";
import { Rng } from "../../core/rng.js";
import type { Status } from "../../core/status.js";
import { solveOde } from "../../theory/ode/solve.js";
import type { OdeOptions } from "../../theory/ode/types.js";
import { committeeStatisticNames, packedIndex } from "./layout.js";
import { committeeOde, committeeReader } from "./limits.js";
import { teacherBlock } from "./model.js";
import type { CommitteeSetup } from "./setup.js";
import type { CommitteeSpec } from "./spec.js";
import { committeeStart, explicitGram } from "./start.js";

/** The ODE statistics of one start at the record times, or how the solver failed. */
export interface CommitteeOdeRun {
  /** `values[s][j]`: statistic s (names of committeeStatisticNames) at record point j; NaN after a failure. */
  values: Float64Array[];
  /** Record points reached with finite values. */
  reached: number;
  status: Status;
  message?: string;
}

/** Solver options of a spec, in canonical time: `ode.dt × timeScale` (dopri5: rtol 1e-10, atol 1e-12). */
export function committeeOdeOptions(spec: CommitteeSpec, setup: CommitteeSetup): OdeOptions {
  const h = spec.ode.dt * setup.timeScale;
  return spec.ode.method === "dopri5" ? { h, rtol: 1e-10, atol: 1e-12, maxSteps: 1e7 } : { h, maxSteps: 1e9 };
}

/**
 * Solve the committee ODE (science/06 §3) from a joint Gram matrix `G0` (packed, students first) and the
 * spec's readouts, at the canonical times `tc`, and read its statistics (eg, Q, M, v).
 *
 * @example solveCommitteeOde(spec, setup, G0, [0, 1, 2]).values[0] // eg at t = 0, 1, 2
 */
export function solveCommitteeOde(
  spec: CommitteeSpec,
  setup: CommitteeSetup,
  G0: Float64Array,
  tc: readonly number[],
): CommitteeOdeRun {
  const { lay, integrals, A, v } = setup;
  const { p, k, n } = lay;
  const P = teacherBlock(G0, p, k);
  const y0 = new Float64Array(lay.size);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) y0[packedIndex(p, i, j)] = G0[packedIndex(n, i, j)];
    for (let r = 0; r < k; r++) y0[lay.m + i * k + r] = G0[packedIndex(n, i, p + r)];
    if (lay.v >= 0) y0[lay.v + i] = v[i];
  }
  const problem = committeeOde(
    {
      ...setup,
      p,
      k,
      P,
      quadratic: spec.terms.quadratic,
      noiseTerm: spec.terms.noise,
    },
    y0,
  );
  const sol = solveOde(problem, spec.ode.method, tc, committeeOdeOptions(spec, setup));
  const read = committeeReader(integrals, lay, A);
  const values = Array.from({ length: lay.size + 1 }, () => new Float64Array(tc.length).fill(Number.NaN));
  const y = new Float64Array(lay.size);
  const out = new Float64Array(lay.size + 1);
  const names = committeeStatisticNames(lay);
  let reached = 0;
  let bad: NonFinite | undefined;
  for (let j = 0; j < tc.length; j++) {
    for (let s = 0; s < lay.size; s++) y[s] = sol.y[s][j];
    read(y, P, lay.v >= 0 ? y.subarray(lay.v) : v, out);
    bad = checkFinite(names, out, { t: tc[j] });
    if (bad) break;
    for (let s = 0; s < out.length; s++) values[s][j] = out[s];
    reached = j + 1;
  }
  const ok = sol.status === "ok" && reached === tc.length;
  if (ok) return { values, reached, status: "ok" };
  // The solver's own failure, else a statistic of a finite state that left the finite range
  // (the shared rule of src/core/non-finite.ts).
  return {
    values,
    reached,
    status: sol.status !== "ok" ? sol.status : (bad?.status ?? "failed"),
    message: sol.message ?? bad?.messages[0],
  };
}

/**
 * The ODE of every run of a spec, each from that run's own start (drawn from its stream exactly as the
 * simulation draws it): a random start's plateau escape is set by its O(1/√d) initial asymmetry, so
 * only the ODE from the empirical overlaps of the same weights predicts that run (science/06 §6).
 * A fixed start `{ Q, M, P }` gives one ODE, shared by all runs.
 */
export function committeeOdeRuns(
  spec: CommitteeSpec,
  setup: CommitteeSetup,
  tc: readonly number[],
): CommitteeOdeRun[] {
  if (!("random" in spec.init)) {
    const one = solveCommitteeOde(spec, setup, explicitGram(spec.init, setup.lay.p, setup.lay.n), tc);
    return Array.from({ length: spec.runs }, () => one);
  }
  return Array.from({ length: spec.runs }, (_, i) => {
    const G = committeeStart(spec, setup, Rng.fromSeed(spec.seed).split(i)).G;
    return solveCommitteeOde(spec, setup, G, tc);
  });
}
