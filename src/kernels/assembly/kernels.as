// AssemblyScript source of sgdlab's WebAssembly SIMD kernels (compiled by scripts/build-wasm.mjs).
//
// Every pointer is a byte offset into the imported linear memory; every length counts f64 entries. The
// kernels check nothing and allocate nothing: the caller (src/kernels/workspace.ts) lays the arrays out
// once, 16-byte aligned. Each kernel computes exactly what its TS reference in src/kernels/reference.ts
// computes, in the same order of operations, so both give the same bits:
// - reductions keep 8 partial sums, s_j summing the entries i = j (mod 8), in four f64x2 registers, and
//   combine them as ((s0 + s2) + (s4 + s6)) + ((s1 + s3) + (s5 + s7)), then add the tail in order;
// - elementwise kernels evaluate each entry's expression exactly as written in the reference.
// Wasm has no fused multiply-add, so a * b + c rounds twice here as in JS.
//
// The module's exports, from blas.as, matmul.as, models.as, arcsine.as, committee.as and dln.as.

export { axpy, dot, gemv, gemvTransposed, gemvWhere, scale } from "./blas";
export { matmulAdd } from "./matmul";
export { affineStep, diffusionTimes, glmUpdate, logisticCoef, reluForward, reluUpdate } from "./models";
export { asinEach } from "./arcsine";
export { erfI3Block, erfI4Block } from "./committee";
export { dlnSgdSteps } from "./dln";
