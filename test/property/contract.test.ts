/**
 * The contract of the property tests is the documented one: its statuses are those of docs/record.md
 * (and not "nan"), and its checks reject what they must (a contract check that accepts everything would
 * make every property test pass).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contractViolations, documentedStatuses } from "./contract.js";

const recordDoc = readFileSync(new URL("../../docs/record.md", import.meta.url), "utf8");
const record = (status: string, extra: object = {}) =>
  ({ status, messages: [], series: [], ...extra }) as never;

describe("the property-test contract", () => {
  it("lists exactly the statuses of docs/record.md, without nan", () => {
    const row = recordDoc.split("\n").find((l) => l.startsWith("| `status`")) ?? "";
    const listed = [...row.matchAll(/`"([a-z-]+)"`/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...documentedStatuses].sort());
    expect(documentedStatuses).not.toContain("nan");
  });

  it("rejects an undocumented status, a NaN or an Infinity anywhere, a crash and a hang", () => {
    expect(contractViolations({}, { kind: "record", record: record("ok") })).toEqual([]);
    expect(contractViolations({}, { kind: "record", record: record("nan") })).toHaveLength(1);
    const nan = record("ok", { series: [{ source: "ode", t: [0, 1], values: { m: [0, Number.NaN] } }] });
    expect(contractViolations({}, { kind: "record", record: nan })[0]).toMatch(
      /record\.series\[0\]\.values\.m\[1\] = NaN/,
    );
    const inf = record("ok", { scalars: { x: Number.POSITIVE_INFINITY } });
    expect(contractViolations({}, { kind: "record", record: inf })).toHaveLength(1);
    expect(contractViolations({}, { kind: "crash", message: "boom", stack: "" })).toHaveLength(1);
    expect(contractViolations({}, { kind: "hang", progress: 0 })).toHaveLength(1);
    expect(contractViolations({}, { kind: "long-run", progress: 0 })).toHaveLength(1);
    expect(contractViolations({}, { kind: "long-run", progress: 3 })).toEqual([]);
  });

  it("accepts a SpecError only if its one-line message names the field and the input's value", () => {
    const input = { model: { N: "x" } };
    const ok = {
      kind: "spec-error",
      field: "model.N",
      value: "x",
      message: 'model.N = "x" is invalid: expected an integer',
    } as const;
    expect(contractViolations(input, ok)).toEqual([]);
    expect(contractViolations(input, { ...ok, value: 3 })).toHaveLength(1);
    expect(contractViolations(input, { ...ok, message: "model.N is bad" })).toHaveLength(1);
    expect(
      contractViolations(input, { ...ok, message: `${ok.message}\n    at parse (x.ts:1:2)` }).length,
    ).toBeGreaterThan(0);
    expect(
      contractViolations(input, { ...ok, message: 'model.N = "x" is invalid: expected undefined' }),
    ).toHaveLength(1);
  });
});
