import { SpecError } from "../core/errors.js";
import { messages } from "../core/messages.js";

/**
 * A copy of `spec` with `value` at the dotted `path` (`model.snr`, `theory.0`), creating the objects on
 * the way. Segments that are whole numbers index into arrays that already exist. A path through a value
 * that is neither an object nor an array is a {@link SpecError} naming the axis.
 *
 * @example withPath({ model: { snr: 1 } }, "model.snr", 2) // { model: { snr: 2 } }
 */
export function withPath(spec: unknown, path: string, value: unknown): unknown {
  const segments = path.split(".");
  if (segments.some((s) => s === "")) throw new SpecError(`axis ${path}`, path, messages.sweepPath);
  return setAt(spec, segments, value, path);
}

function setAt(node: unknown, segments: string[], value: unknown, path: string): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  if (Array.isArray(node) && /^\d+$/.test(head)) {
    const copy = node.slice();
    copy[Number(head)] = setAt(node[Number(head)], rest, value, path);
    return copy;
  }
  if (node === undefined || node === null) return { [head]: setAt(undefined, rest, value, path) };
  if (typeof node !== "object" || Array.isArray(node))
    throw new SpecError(`axis ${path}`, node, messages.sweepPathThrough(head));
  const record = node as Record<string, unknown>;
  return { ...record, [head]: setAt(record[head], rest, value, path) };
}

/**
 * The value at a dotted path, or `undefined`.
 *
 * @example valueAtPath({ model: { snr: 2 } }, "model.snr") // 2
 */
export function valueAtPath(spec: unknown, path: string): unknown {
  let node = spec;
  for (const segment of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
