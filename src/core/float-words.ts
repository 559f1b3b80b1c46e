/**
 * The two 32-bit halves of an IEEE-754 double, as fdlibm reads and writes them (`GET_HIGH_WORD`,
 * `SET_HIGH_WORD`, `INSERT_WORDS`, ...): the high word holds the sign, the 11 exponent bits and the top
 * 20 bits of the significand. Used by the deterministic `libm.ts` and `libm-pow.ts`.
 *
 * @example highWord(1) === 0x3ff00000; fromHighWord(0x40000000) === 2
 */

/** Scratch view of one double as two 32-bit words; `HI` indexes the word holding sign and exponent. */
const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** High word of `x` as a signed int32. */
export function highWord(x: number): number {
  f64[0] = x;
  return i32[HI];
}

/** Low word of `x` as a signed int32 (its bits; only tested against zero or combined with `|`). */
export function lowWord(x: number): number {
  f64[0] = x;
  return i32[LO];
}

/** `x` with its high word replaced by `hi` (the low word kept). */
export function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  i32[HI] = hi;
  return f64[0];
}

/** `x` with its low 32 bits cleared: a head of at most 21 significant bits, so products of heads are exact. */
export function clearLowWord(x: number): number {
  f64[0] = x;
  i32[LO] = 0;
  return f64[0];
}

/** The double whose high word is `hi` and low word 0. */
export function fromHighWord(hi: number): number {
  i32[HI] = hi;
  i32[LO] = 0;
  return f64[0];
}

/** $2^k$ for $-1022 \le k \le 1023$, built from its exponent bits. */
export function twoPow(k: number): number {
  return fromHighWord((0x3ff + k) << 20);
}
