/**
 * WebAssembly SIMD kernels for the simulators' hot loops, with their TS reference (same bits).
 *
 * @example const { kernels, arrays } = kernelWorkspace({ x: 1000, v: 1000 });
 */
export { dlnFactorUpdate, dlnImbalance, dlnValue } from "./dln.js";
export { erfI3Row, erfI4Pair, erfI4WorkLength } from "./erf-i4.js";
export type { KernelBackend, Kernels } from "./kernels.js";
export { referenceKernels } from "./reference.js";
export { type KernelWorkspace, kernelBackend, kernelWorkspace, useKernelBackend } from "./workspace.js";
