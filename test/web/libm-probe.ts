import { exp, log, log1p } from "../../src/core/libm.js";
import { pow } from "../../src/core/libm-pow.js";
import { Rng } from "../../src/core/rng.js";

/** FNV-1a over the 32-bit words of the doubles. */
function fnv(values: Float64Array): string {
  const w = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w[i], 0x01000193) >>> 0;
  return h.toString(16);
}

/** `n` doubles with uniformly random bits (every exponent) from a xorshift32 stream (integer arithmetic only). */
function randomBits(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  const w = new Uint32Array(out.buffer);
  let s = seed >>> 0;
  for (let i = 0; i < w.length; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    w[i] = s;
  }
  return out;
}

/** Uniforms on [0, 1) with 64 random bits each, from the words of {@link randomBits}. */
function uniforms(n: number, seed: number): Float64Array {
  const w = new Uint32Array(randomBits(n, seed).buffer);
  return Float64Array.from({ length: n }, (_, i) => (w[2 * i] + w[2 * i + 1] / 2 ** 32) / 2 ** 32);
}

/** Hashes of f over arguments that cover its range, and how many of them the engine's Math.* rounds otherwise. */
function hashes(n: number): Record<string, string | number> {
  const bits = randomBits(n, 0x9e3779b9);
  const unit = uniforms(2 * n, 0x85ebca6b);
  const args: Record<string, (i: number) => [number, number]> = {
    exp: (i) => [-745 + 1455 * unit[i], 0],
    log: (i) => [Math.abs(bits[i]), 0],
    log1p: (i) => [2 * unit[i] - 1, 0],
    pow: (i) => [4 * unit[i], 20 * unit[n + i] - 10],
  };
  const ports = { exp, log, log1p, pow: (x: number, y: number) => pow(x, y) };
  const natives = { exp: Math.exp, log: Math.log, log1p: Math.log1p, pow: Math.pow };
  const out: Record<string, string | number> = {};
  for (const name of ["exp", "log", "log1p", "pow"] as const) {
    const values = new Float64Array(n);
    let native = 0;
    for (let i = 0; i < n; i++) {
      const [x, y] = args[name](i);
      values[i] = ports[name](x, y);
      if (!Object.is(values[i], natives[name](x, y))) native++;
    }
    out[name] = fnv(values);
    out[`${name}: Math.${name} differs on`] = native;
  }
  return out;
}

/**
 * What must be the same in every engine: the libm ports on 10^5 arguments per function, 2^18 normals and
 * chi-square draws through every branch of the gamma sampler; plus, for information, how many arguments
 * the engine's own Math.* rounds differently from the ports (0 in Node 20).
 *
 * @example probe()["normals"] // "…" in Node and in Chromium alike
 */
export function probe(): Record<string, string | number> {
  const z = new Float64Array(1 << 18);
  Rng.fromSeed(7).fillNormal(z);
  const rng = Rng.fromSeed(11);
  const dofs = [0.7, 1, 1.5, 3, 10, 1e6];
  const c = Float64Array.from({ length: 20_000 }, (_, i) => rng.chiSquare(dofs[i % dofs.length]));
  return { ...hashes(100_000), normals: fnv(z), chiSquare: fnv(c) };
}
