import type { KernelBackend, Kernels } from "./kernels.js";
import { referenceKernels } from "./reference.js";
import { kernelsModule, wasmKernels } from "./wasm-kernels.js";

/** A kernel set and the named arrays it works on. */
export interface KernelWorkspace<Name extends string> {
  kernels: Kernels;
  arrays: Record<Name, Float64Array>;
}

let preferred: KernelBackend = "wasm";

/**
 * Choose the kernels that {@link kernelWorkspace} hands out from now on ("wasm" by default; "ts" for the
 * reference, e.g. to check that a simulator gives the same record with both). Returns the previous choice.
 *
 * @example const before = useKernelBackend("ts"); try { run() } finally { useKernelBackend(before) }
 */
export function useKernelBackend(backend: KernelBackend): KernelBackend {
  const before = preferred;
  preferred = backend;
  return before;
}

/** The backend a new workspace gets: the preferred one, or "ts" where wasm SIMD is unavailable. */
export function kernelBackend(): KernelBackend {
  return preferred === "wasm" && kernelsModule() !== null ? "wasm" : "ts";
}

const PAGE = 65536;

/**
 * Allocate the named arrays (lengths in f64 entries) and the kernels that work on them.
 *
 * With wasm, every array lives in one fresh linear memory sized once for all of them (each array 16-byte
 * aligned), and the views are created after the memory, which never grows: they stay valid for the life
 * of the workspace. With the TS reference the arrays are plain `Float64Array`s. Either way they start at 0.
 * One workspace per simulator (per run), created outside the loop.
 *
 * @example
 * const { kernels, arrays: { X, w, H } } = kernelWorkspace({ X: n * d, w: d, H: n });
 * kernels.gemv(X, w, H, n, d, 1 / Math.sqrt(d));
 */
export function kernelWorkspace<Name extends string>(
  lengths: Record<Name, number>,
  backend: KernelBackend = kernelBackend(),
): KernelWorkspace<Name> {
  const names = Object.keys(lengths) as Name[];
  const module = backend === "wasm" ? kernelsModule() : null;
  if (module === null) {
    const arrays = Object.fromEntries(names.map((k) => [k, new Float64Array(lengths[k])]));
    return { kernels: referenceKernels, arrays: arrays as Record<Name, Float64Array> };
  }
  const offsets: number[] = [];
  let bytes = 0;
  for (const k of names) {
    offsets.push(bytes);
    bytes += Math.ceil(lengths[k] / 2) * 16;
  }
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
  const kernels = wasmKernels(module, memory);
  const arrays = Object.fromEntries(
    names.map((k, i) => [k, new Float64Array(memory.buffer, offsets[i], lengths[k])]),
  );
  return { kernels, arrays: arrays as Record<Name, Float64Array> };
}
