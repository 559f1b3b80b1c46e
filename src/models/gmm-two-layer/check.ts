import { SpecError } from "../../core/errors.js";
import { messages } from "../../core/messages.js";
import { isPsd } from "../../core/psd-factor.js";
import { meanDirections, packedIndex } from "./geometry.js";
import type { GmmTwoLayerSpec } from "./spec.js";

/** Largest `K N` for `simulation: "full"` (8 K N bytes of weights per run per worker). */
export const maxFullSize = 50_000_000;

/**
 * Cross-field rules of a spec; throws {@link SpecError} naming the field: ridge below 1/4 (binary) or 1/8
 * (XOR) so that C_alpha > 0, N large enough for the widths, `track` a run, init statistics of width K
 * (mNu exactly for XOR, RPerp symmetric PSD), widths only (and always) for a width sweep.
 *
 * @example checkGmmSpec(spec) // throws SpecError("model.ridge", 0.2, ...) for XOR at ridge 0.2
 */
export function checkGmmSpec(spec: GmmTwoLayerSpec): void {
  const { task, N, ridge } = spec.model;
  const max = task === "binary" ? 0.25 : 0.125;
  if (ridge >= max)
    throw new SpecError("model.ridge", ridge, messages.gmmRidge(task, task === "binary" ? "1/4" : "1/8"));
  const kMax = spec.model.K;
  const nMin = meanDirections(task) + kMax + 3;
  if (N < nMin) throw new SpecError("model.N", N, messages.gmmDimension(nMin));
  if (spec.simulation === "full" && kMax * N > maxFullSize)
    throw new SpecError("model.N", N, messages.gmmFullTooLarge(maxFullSize));
  if (spec.analysis === "diffusive" && "random" in spec.init)
    throw new SpecError("analysis", spec.analysis, messages.gmmDiffusiveStart);
  if (spec.track >= spec.runs) throw new SpecError("track", spec.track, messages.gmmTrack(spec.runs));
  if (!("random" in spec.init)) checkInit(spec);
}

function checkInit(spec: GmmTwoLayerSpec): void {
  if ("random" in spec.init) return;
  const { K, task } = spec.model;
  const { v, mMu, mNu, RPerp } = spec.init;
  if (v.length !== K) throw new SpecError("init.v", v, messages.gmmInitLength(K));
  if (mMu.length !== K) throw new SpecError("init.mMu", mMu, messages.gmmInitLength(K));
  if ((task === "xor") !== (mNu !== undefined) || (mNu !== undefined && mNu.length !== K))
    throw new SpecError("init.mNu", mNu, messages.gmmInitMNu(task));
  const square = RPerp.length === K && RPerp.every((row) => row.length === K);
  const symmetric = square && RPerp.every((row, i) => row.every((a, j) => a === RPerp[j][i]));
  if (!symmetric || !isPsd(K, packed(K, RPerp)))
    throw new SpecError("init.RPerp", RPerp, messages.gmmInitRPerp(K));
}

/** The rows of a K×K matrix as its packed upper triangle (see `packedIndex`). */
function packed(K: number, A: number[][]): Float64Array {
  const out = new Float64Array((K * (K + 1)) / 2);
  for (let i = 0; i < K; i++) for (let j = i; j < K; j++) out[packedIndex(K, i, j)] = A[i][j];
  return out;
}
