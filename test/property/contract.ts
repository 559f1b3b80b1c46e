/**
 * The contract every property case must meet (issue 13): a run ends in a record whose JSON holds no NaN
 * or Infinity and whose status is a documented one, or in one `SpecError` message that names the field
 * and the value; never a crash, never a hang. A run too long for the harness's limit is acceptable only
 * if it reported progress and stopped when interrupted.
 */
import { isDeepStrictEqual } from "node:util";
import type { CaseOutcome } from "./case-runner.js";

/**
 * The record statuses documented in docs/record.md and `src/core/status.ts` (issue 13: `"nan"` is no
 * status; non-finite values become `"diverged"` or `"failed"`).
 */
export const documentedStatuses = ["ok", "diverged", "failed", "not-converged", "step-size-too-small"];

/** What is wrong with `outcome` as the result of running `input`; empty when it meets the contract. */
export function contractViolations(input: unknown, outcome: CaseOutcome): string[] {
  switch (outcome.kind) {
    case "record":
      return recordViolations(outcome.record);
    case "spec-error":
      return specErrorViolations(input, outcome);
    case "long-run":
      return outcome.progress > 0 ? [] : ["ran past the limit without reporting progress"];
    case "hang":
      return [`hang: no result and no acknowledged interruption (${outcome.progress} progress reports)`];
    case "crash":
      return [`crash: ${outcome.message}\n${outcome.stack.split("\n").slice(0, 6).join("\n")}`];
  }
}

function recordViolations(record: { status: unknown; messages: unknown }): string[] {
  const out: string[] = [];
  if (!documentedStatuses.includes(record.status as string))
    out.push(`status ${JSON.stringify(record.status)} is not documented`);
  if (!Array.isArray(record.messages) || record.messages.some((m) => typeof m !== "string"))
    out.push("messages is not a list of strings");
  const bad = nonJsonPaths(record, "record").slice(0, 5);
  if (bad.length > 0) out.push(`non-JSON values at ${bad.join(", ")} (messages: ${record.messages})`);
  return out;
}

/** Paths of numbers that are not finite and of undefined entries (JSON would write both as null). */
export function nonJsonPaths(value: unknown, path: string, out: string[] = []): string[] {
  if (typeof value === "number" && !Number.isFinite(value)) out.push(`${path} = ${value}`);
  else if (value === undefined) out.push(`${path} = undefined`);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nonJsonPaths(v, `${path}[${i}]`, out);
  } else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) nonJsonPaths(v, `${path}.${k}`, out);
  return out;
}

function specErrorViolations(
  input: unknown,
  e: { field: string; value: unknown; message: string },
): string[] {
  const out: string[] = [];
  if (!e.field) out.push("SpecError without a field");
  if (!e.message.startsWith(`${e.field} = `) || !e.message.includes(" is invalid: expected "))
    out.push(`message does not name the field and value: ${e.message}`);
  if (/\n|\bat .*:\d+:\d+|undefined|NaN|\[object Object\]/.test(e.message))
    out.push(`message has a line break, a stack frame or a placeholder: ${e.message}`);
  // A path through a key that is not a plain name (an empty key, a quote, a dot) cannot be read back from
  // the dotted field (found by the extensive run: a mutation added the key ""); its value is not checked.
  const plain = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[\d+\])*$/.test(e.field);
  const given = plain ? valueAtField(input, e.field) : { found: false };
  if (given.found && !isDeepStrictEqual(given.value, e.value))
    out.push(
      `the error's value ${JSON.stringify(e.value)} is not the input's ${JSON.stringify(given.value)}`,
    );
  return out;
}

/** The value at a dotted field path such as `model.A[0][1]` in `input`, when the path exists there. */
export function valueAtField(input: unknown, field: string): { found: boolean; value?: unknown } {
  const keys = field.match(/[^.[\]]+/g) ?? [];
  let v: unknown = input;
  for (const key of keys) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, key)) return { found: false };
    v = (v as Record<string, unknown>)[key];
  }
  return { found: true, value: v };
}
