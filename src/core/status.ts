/**
 * Outcome of a numerical computation, carried as a value in results and records.
 *
 * Numerical failure is never an uncaught exception and never a silent NaN: a simulation that blows up
 * (a value infinite or beyond its bound) finishes with `"diverged"` and says at which step, a NaN (an
 * undefined operation) is `"failed"` with the step and the quantity (both through `./non-finite.ts`), an
 * iterative solver that gives up returns `"not-converged"`, an adaptive one whose step underflows
 * `"step-size-too-small"`. There is no `"nan"` status.
 */
export type Status = "ok" | "diverged" | "failed" | "not-converged" | "step-size-too-small";

/** A status with the human-readable messages that explain it. */
export interface Outcome {
  status: Status;
  messages: string[];
}

const severity: Record<Status, number> = {
  ok: 0,
  "not-converged": 1,
  "step-size-too-small": 2,
  failed: 3,
  diverged: 4,
};

/**
 * Combine several outcomes into one: the most severe status wins and all messages are kept (deduplicated).
 *
 * @example worstOutcome([{ status: "ok", messages: [] }, { status: "diverged", messages: ["run 3"] }])
 */
export function worstOutcome(outcomes: readonly Outcome[]): Outcome {
  let status: Status = "ok";
  const messages: string[] = [];
  for (const o of outcomes) {
    if (severity[o.status] > severity[status]) status = o.status;
    for (const m of o.messages) if (!messages.includes(m)) messages.push(m);
  }
  return { status, messages };
}
