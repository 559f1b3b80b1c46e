import { SpecError } from "../../core/errors.js";
import { messages } from "../../core/messages.js";
import { type NonFinite, nonFinite, nonFiniteKind } from "../../core/non-finite.js";
import type { Rng } from "../../core/rng.js";
import type { Status } from "../../core/status.js";
import { IncrementalQr } from "./incremental-qr.js";
import { pathwiseResponses } from "./pathwise.js";
import { type DmftProblem, dmftMemoryBytes, maxDmftBytes } from "./problem.js";
import { derivatives, isotropic, noise, observe, preactivation, sampleSide } from "./sample-side.js";
import { steinResponses } from "./stein.js";
import { WeightSide } from "./weight-side.js";

/** The DMFT curves at steps 0..reached-1 and the kernels of the forward pass. */
export interface DmftSolution {
  m: number[];
  q: number[];
  trainLoss: number[];
  /** `E[1{H y <= 0}]`, when the problem classifies. */
  trainError?: number[];
  status: Status;
  /** First step at which q left [0, bound] (status "diverged", or "failed" on a NaN). */
  failedStep?: number;
  /** What left the range there (`src/core/non-finite.ts`). */
  failure?: NonFinite;
  /** The kernels on the (T+1) × (T+1) grid, row-major (`G[t (T+1) + s]`). */
  kernels: WeightSide;
}

/**
 * Solve the discrete DMFT of SGD with extensive batches by one causal forward pass (science/02 §§2–3):
 * at each step the sample process `H(t) = m(t) hStar + omega(t) - Σ_{s<t} lr_s G(t,s+1) g(s)`, with the
 * Gaussian path `omega` built from moment-matched normals and the QR factor of SigmaG, gives the closure
 * `Gamma(t, s) = alpha E[loss''(H(t)) chi(t, s)]`, `mu(t) = alpha E[hStar loss'(H(t))]` (E kappa(t) = 1
 * for the current step) and `SigmaG(t, s) = alpha E[g(t) g(s)]`, which extend the weight side to t + 1.
 * Pathwise responses `chi(t,s) = -Σ_{r=s}^{t-1} lr_r G(t,r+1) kappa(r) loss''(H(r)) chi(r,s)` cost
 * O(S T^3) time and O(S T^2) memory (Float32). `q(t) = m(t)^2 + C(t, t)` comes from the weight side.
 *
 * @param p the problem; its memory (`dmftMemoryBytes`) is estimated first and a problem above
 *   `maxDmftBytes` is refused with a SpecError on `steps`, before anything is allocated
 * @param rng the solver's stream (moment-matched normals, then the selections)
 * @param bound q beyond which the solution counts as diverged
 * @example solveDmft(problem, Rng.fromSeed(1)).m
 * Reference: Gerbelot et al., arXiv 2210.06591, re-derived in discrete time in science/02.
 */
export function solveDmft(p: DmftProblem, rng: Rng, bound = 1e8): DmftSolution {
  const T = p.steps;
  const S = p.samples;
  const levels = p.levels ?? isotropic;
  const response = p.response ?? "pathwise";
  const bytes = dmftMemoryBytes(S, T, response, levels.length);
  if (bytes > maxDmftBytes)
    throw new SpecError("steps", T, messages.glmDmftMemory(bytes, maxDmftBytes, S, response));
  const ws = new WeightSide(T, { ...p, levels });
  const side = sampleSide(p, rng);
  const qr = new IncrementalQr(S);
  const out: DmftSolution = { m: [], q: [], trainLoss: [], status: "ok", kernels: ws };
  if (p.classify) out.trainError = [];
  for (let t = 0; t <= T; t++) {
    const q = ws.Q[t];
    if (nonFiniteKind(q, bound) !== undefined) {
      const failure = nonFinite("q", q, { step: t }, bound);
      return { ...out, status: failure.status, failedStep: t, failure };
    }
    preactivation(ws, side, t);
    observe(p, side, out);
    out.m.push(ws.m[t]);
    out.q.push(q);
    if (t === T) break;
    const mu = derivatives(p, side, rng);
    if (p.response === "stein") steinResponses(p, ws, side, t);
    else pathwiseResponses(p, ws, side, t);
    noise(p, ws, side, qr, t);
    ws.advance(t, mu);
  }
  return out;
}
