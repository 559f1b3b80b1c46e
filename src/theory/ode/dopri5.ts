import { type NonFiniteStatus, nonFiniteKind } from "../../core/non-finite.js";
import { createDopri5Work, type Dopri5Work } from "./dopri5Work.js";
import { type FixedStepper, integrateFixedStep } from "./integrateFixedStep.js";
import { odeMessages } from "./messages.js";
import { normaliseOdeInput, type OdeSetup } from "./normaliseOdeInput.js";
import { OdeRecorder } from "./odeRecorder.js";
import { maxAbs, stateStatus } from "./stateStatus.js";
import type { OdeMethod, OdeProblem, OdeSolution } from "./types.js";

// Step-size controller constants of dopri5.f (Hairer, Nørsett & Wanner, Solving ODEs I, sec. II.4).
const SAFE = 0.9;
const FAC_MIN = 0.2;
const FAC_MAX = 10;
const BETA = 0.04;
const EXPO = 0.2 - 0.75 * BETA;
/** Shrink factor after a trial step that produced NaN or an infinite value. */
const NON_FINITE_SHRINK = 0.2;

/**
 * Dormand–Prince 5(4) with FSAL, PI step-size control and order-4 dense output; order 5.
 *
 * Each step computes the fifth-order solution $y_1 = y + h\sum_j b_j k_j$ (propagated: local
 * extrapolation) and the error estimate $\hat e = y_1 - \hat y_1$ against the embedded fourth-order one.
 * The step is accepted when $\|\hat e\| \le 1$ in the norm of `createDopri5Work`; the next step is
 * $h_\mathrm{new} = h\,\min\!\big(10, \max(0.2,\ 0.9\,\mathrm{err}_n^{-\alpha}\,\mathrm{err}_{n-1}^{\beta})\big)$
 * with $\beta = 0.04$, $\alpha = 0.2 - 0.75\beta$ (PI control, Lund stabilisation), never grown right
 * after a rejection. Steps are never shortened to hit output times (only the last one, to land on the
 * final time): values in between come from the continuous extension of order 4. A trial step producing
 * NaN or an infinite value is rejected and the step shrunk by 5; if the step then underflows the status
 * is `"failed"` (or `"diverged"`).
 *
 * Options: `rtol`, `atol`, `h` (initial step; default the Hairer–Wanner heuristic), `hMin`, `maxSteps`,
 * `blowUp`; `fixedStep: true` takes steps of exactly `h` (6 `rhs` calls each) without error control, to
 * measure the order.
 *
 * @example dopri5.integrate(problem, [0, 0.5, 1], { rtol: 1e-10, atol: 1e-10 })
 *
 * Reference: J. R. Dormand, P. J. Prince, J. Comput. Appl. Math. 6 (1980) 19–26; Hairer, Nørsett &
 * Wanner, Solving ODEs I (1993), sec. II.4–II.6 and the code DOPRI5 therein.
 */
export const dopri5: OdeMethod = {
  name: "dopri5",
  order: 5,
  adaptive: true,
  integrate(problem, times, options = {}) {
    const fixed = options.fixedStep === true;
    const setup = normaliseOdeInput(problem, times, options, "dopri5", fixed);
    if (fixed) return integrateFixedStep(setup, dopri5Stepper(problem, setup.dim));
    return integrateAdaptive(problem, setup);
  },
};

/**
 * A Dormand–Prince step of exactly `h` returning the fifth-order solution (6 `rhs` calls, no error
 * estimate), for `fixedStep` mode.
 *
 * @example dopri5Stepper(problem, problem.dim).step(0, 0.1, y)
 */
export function dopri5Stepper(problem: OdeProblem, dim: number): FixedStepper {
  const work = createDopri5Work(problem, dim);
  const y1 = new Float64Array(dim);
  return {
    stages: 6,
    step(t, h, y) {
      problem.rhs(t, y, work.k1);
      work.stages(t, h, y, y1);
      y.set(y1);
    },
  };
}

function integrateAdaptive(problem: OdeProblem, setup: OdeSetup): OdeSolution {
  const { dim, tEnd, rtol, atol, maxSteps, blowUp } = setup;
  const rec = new OdeRecorder(setup);
  const stats = rec.stats;
  const work = createDopri5Work(problem, dim);
  let y: Float64Array = setup.y0;
  let y1: Float64Array = new Float64Array(dim);
  const out = new Float64Array(dim);
  let t = setup.t0;
  const start = stateStatus(y, blowUp);
  if (start !== "ok") return rec.fail(start, t, odeMessages.badInitialState(start, t));
  rec.recordAt(t, y);
  if (rec.done) return rec.finish();
  problem.rhs(t, y, work.k1);
  stats.rhsEvaluations++;
  const slope = stateStatus(work.k1, Number.MAX_VALUE);
  if (slope !== "ok") return rec.fail(slope, t, odeMessages.badInitialState(slope, t));
  const hMax = tEnd - t;
  const hFloor = Math.max(setup.hMin, 16 * Number.EPSILON * Math.max(Math.abs(t), Math.abs(tEnd)));
  let h = setup.h ?? initialStep(problem, setup, work, y1);
  if (setup.h === undefined) stats.rhsEvaluations++;
  h = Math.min(h, hMax);
  const control = createController();
  let nonFinite: NonFiniteStatus | null = null;
  while (true) {
    if (stats.steps + stats.rejected >= maxSteps) {
      return rec.fail("not-converged", t, odeMessages.maxSteps(t, maxSteps));
    }
    if (h < hFloor) {
      if (nonFinite) return rec.fail(nonFinite, t, odeMessages.nonFiniteStepTooSmall(nonFinite, t, h));
      return rec.fail("step-size-too-small", t, odeMessages.stepTooSmall(t, h, hFloor));
    }
    const last = t + 1.01 * h >= tEnd;
    if (last) h = tEnd - t;
    work.stages(t, h, y, y1);
    const err = work.errorNorm(t, h, y, y1, atol, rtol);
    stats.rhsEvaluations += 6;
    nonFinite = nonFiniteKind(err, Number.MAX_VALUE) ?? null;
    if (nonFinite || err > 1) {
      stats.rejected++;
      h = control.reject(h, err);
      continue;
    }
    const tNew = last ? tEnd : t + h;
    stats.steps++;
    const status = stateStatus(y1, blowUp);
    if (status !== "ok") {
      const message =
        status === "failed" ? odeMessages.nan(t, tNew) : odeMessages.diverged(tNew, maxAbs(y1), blowUp);
      return rec.fail(status, tNew, message);
    }
    recordStep(rec, work, t, tNew, h, y, y1, out);
    work.swapFsal();
    const previous = y;
    y = y1;
    y1 = previous;
    t = tNew;
    if (rec.done) return rec.finish();
    h = Math.min(control.accept(h, err), hMax);
  }
}

/**
 * The PI step-size controller of dopri5.f: after an accepted step
 * $h_\mathrm{new} = h / \mathrm{clamp}(\mathrm{err}_n^{\alpha}\,\mathrm{err}_{n-1}^{-\beta} / 0.9,\ 0.1,\ 5)$,
 * not larger than $h$ right after a rejection; after a rejection $h / \min(5, \mathrm{err}^{\alpha}/0.9)$,
 * or $h/5$ when the trial step was not finite.
 */
function createController(): {
  accept(h: number, err: number): number;
  reject(h: number, err: number): number;
} {
  let errOld = 1e-4;
  let rejectedLast = false;
  return {
    accept(h, err) {
      const fac = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, err ** EXPO / errOld ** BETA / SAFE));
      const hNew = rejectedLast ? Math.min(h / fac, h) : h / fac;
      errOld = Math.max(err, 1e-4);
      rejectedLast = false;
      return hNew;
    },
    reject(h, err) {
      rejectedLast = true;
      if (!(err <= Number.MAX_VALUE)) return h * NON_FINITE_SHRINK;
      return h / Math.min(1 / FAC_MIN, err ** EXPO / SAFE);
    },
  };
}

/** Record every output in $(t, t_\mathrm{new}]$: the end state itself, or the dense output inside. */
function recordStep(
  rec: OdeRecorder,
  work: Dopri5Work,
  t: number,
  tNew: number,
  h: number,
  y: Float64Array,
  y1: Float64Array,
  out: Float64Array,
): void {
  let prepared = false;
  while (rec.nextTime < tNew) {
    if (!prepared) work.prepareDense(h, y, y1);
    prepared = true;
    work.dense((rec.nextTime - t) / h, y, out);
    rec.record(out);
  }
  rec.recordAt(tNew, y1);
}

/**
 * The starting step of Hairer, Nørsett & Wanner (Solving ODEs I, sec. II.4, "Starting step size"):
 * $h_0 = 0.01\,\|y_0\| / \|f_0\|$, then $h = \min(100 h_0, (0.01/\max(\|f_0\|, d_2))^{1/5})$ with
 * $d_2 \approx \|y''\|$ from one explicit Euler step (1 `rhs` call, counted by the caller; uses `k7` and
 * `scratch` as work).
 */
function initialStep(problem: OdeProblem, setup: OdeSetup, work: Dopri5Work, scratch: Float64Array): number {
  const { dim, atol, rtol, t0, tEnd } = setup;
  const y = setup.y0;
  const f0 = work.k1;
  let dnf = 0;
  let dny = 0;
  for (let i = 0; i < dim; i++) {
    const s = atol + rtol * Math.abs(y[i]);
    dnf += (f0[i] / s) ** 2;
    dny += (y[i] / s) ** 2;
  }
  const hMax = tEnd - t0;
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
  h = Math.min(h, hMax);
  for (let i = 0; i < dim; i++) scratch[i] = y[i] + h * f0[i];
  problem.rhs(t0 + h, scratch, work.k7);
  let d2 = 0;
  for (let i = 0; i < dim; i++) {
    const s = atol + rtol * Math.abs(y[i]);
    d2 += ((work.k7[i] - f0[i]) / s) ** 2;
  }
  d2 = Math.sqrt(d2) / h;
  const d12 = Math.max(Math.abs(d2), Math.sqrt(dnf));
  const h1 = d12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : (0.01 / d12) ** (1 / 5);
  const h0 = Math.min(100 * h, h1, hMax);
  return h0 > 0 && Number.isFinite(h0) ? h0 : hMax;
}
