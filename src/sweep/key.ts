import { sha256 } from "./sha256.js";

/** The code a result was computed with: the package version and the git commit (null outside git). */
export interface CodeVersion {
  sgdlab: string;
  commit: string | null;
}

/**
 * JSON with object keys sorted at every depth (array order kept): equal specs give equal text whatever
 * the key order. `undefined` members are dropped and non-finite numbers become `null`, as in
 * `JSON.stringify`.
 *
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v === null || typeof v !== "object" || Array.isArray(v)
        ? v
        : Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ) ?? "null"
  );
}

/** Spec fields that do not change what is computed (left out of a point's key). */
const cosmetic = ["title", "$schema"];

/**
 * The key of a sweep point: SHA-256 of the canonical JSON of the filled spec (without `title` and
 * `$schema`) and of the code version, 24 hex digits (96 bits). A new commit or version gives new keys,
 * so a physics change never silently reuses old results; two sweeps with a common point share it.
 *
 * @example pointKey({ model: { name: "spiked-tensor", N: 10, snr: 1 } }, { sgdlab: "0.1.0", commit: null })
 */
export function pointKey(spec: Record<string, unknown>, code: CodeVersion): string {
  const physics = Object.fromEntries(Object.entries(spec).filter(([k]) => !cosmetic.includes(k)));
  return sha256(canonicalJson({ code, spec: physics })).slice(0, 24);
}

/**
 * The id of a sweep: its name and the keys of its points, hashed (12 hex digits). Running the same sweep
 * file again with the same code gives the same id.
 *
 * @example sweepId("spiked-phase", ["9f2c...", "03ab..."])
 */
export function sweepId(name: string, keys: readonly string[]): string {
  return sha256(canonicalJson({ name, keys })).slice(0, 12);
}
