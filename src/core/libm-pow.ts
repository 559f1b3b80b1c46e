/**
 * Deterministic $x^y$ in pure double arithmetic: a port of fdlibm's `e_pow.c` (Sun, 1993), the same
 * algorithm as V8 11.3's `Math.pow` (Node 20), which it matches bit for bit (tested); newer Chromium uses
 * the C library's `pow` instead and differs by an ulp on some arguments.
 *
 * Method, for $x = 2^n (1 + f)$ finite and non-zero:
 * 1. $\log_2 |x| = t_1 + t_2$ in extra precision: $s = (a - b)/(a + b)$ with $a = 1 + f$ and $b \in \{1, 1.5\}$,
 *    $\log_2 a = \log_2 b + \frac{2}{3 \ln 2}\,\bigl(3 s + s^3 + s^5 R(s^2)\bigr)$, $t_1$ a 21-bit head.
 * 2. $y \log_2 |x| = (y_1 + y_2)(t_1 + t_2) = m + z$ with $m$ an integer, $|z| \le 1/2$, exactly.
 * 3. $x^y = \pm 2^m e^{z \ln 2}$, the exponential as in `exp` of `libm.ts`.
 * Special values follow ECMAScript (`1 ** NaN` and `(±1) ** ±Infinity` are NaN). Error < 1 ulp
 * (fdlibm: "nearly rounded"; integer powers of integers are exact when representable).
 *
 * @example pow(2, 0.5) === Math.SQRT2; pow(0.3, 1 / 0.7) // the gamma sampler's U^(1/a)
 *
 * Reference: fdlibm 5.3, http://www.netlib.org/fdlibm/e_pow.c.
 */

import { clearLowWord, fromHighWord, highWord, lowWord, twoPow, withHighWord } from "./float-words.js";
import { INVLN2, P1, P2, P3, P4, P5 } from "./libm.js";

const TWO53 = 9007199254740992;
const TWOM54 = 5.551115123125783e-17; // 2^-54
/** Coefficients of $R$ in $\frac{3}{2}(\ln\frac{1+s}{1-s} - 2s - \frac{2}{3}s^3) / s^4$. */
const L1 = 0.5999999999999946; // 0x3fe33333 33333303
const L2 = 0.4285714285785502; // 0x3fdb6db6 db6fabff
const L3 = 0.33333332981837743; // 0x3fd55555 518f264d
const L4 = 0.272728123808534; // 0x3fd17460 a91d4101
const L5 = 0.23066074577556175; // 0x3fcd864a 93c9db65
const L6 = 0.20697501780033842; // 0x3fca7e28 4a454eef
const LG2 = Math.LN2; // 0x3fe62e42 fefa39ef
const LG2_H = 0.6931471824645996; // 0x3fe62e43 00000000
const LG2_L = -1.904654299957768e-9; // 0xbe205c61 0ca86c39
const OVT = 8.008566259537294e-17; // -(1024 - log2(max double + 0.5 ulp))
const CP = 0.9617966939259756; // 0x3feec709 dc3a03fd, 2/(3 ln 2)
const CP_H = 0.9617967009544373; // 0x3feec709 e0000000
const CP_L = -7.028461650952758e-9; // 0xbe3e2fe0 145b01f5
const IVLN2_H = 1.4426950216293335; // 0x3ff71547 60000000, 1/ln 2 to 24 bits
const IVLN2_L = 1.9259629911266175e-8; // 0x3e54ae0b f85ddf44
/** $b$ and $\log_2 b$ (head, tail) for the two reduction intervals. */
const BP = [1, 1.5];
const DP_H = [0, 0.5849624872207642]; // 0x3fe2b803 40000000
const DP_L = [0, 1.350039202129749e-8]; // 0x3e4cfdeb 43cfd006

/** $\log_2|x|$ as head + tail, written to `out`. */
const log2x = new Float64Array(2);

/**
 * $x^y$, bit for bit fdlibm's `pow`.
 *
 * @example pow(10, -2) // 0.01
 */
export function pow(x: number, y: number): number {
  if (Number.isNaN(y)) return Number.NaN;
  if (y === 0) return 1;
  if (Number.isNaN(x)) return Number.NaN;
  const ax = Math.abs(x);
  if (!Number.isFinite(y)) {
    if (ax === 1) return Number.NaN;
    return ax > 1 === y > 0 ? Number.POSITIVE_INFINITY : 0;
  }
  if (y === 1) return x;
  if (y === -1) return 1 / x;
  if (y === 2) return x * x;
  if (y === 0.5 && highWord(x) >= 0) return Math.sqrt(x);
  const yisint = integerKind(y);
  if (ax === 0 || ax === 1 || ax === Number.POSITIVE_INFINITY) {
    let z = y < 0 ? 1 / ax : ax;
    if (x < 0 || Object.is(x, -0)) {
      if (ax === 1 && yisint === 0) return Number.NaN; // (-1) ** non-integer
      if (yisint === 1) z = -z; // (x < 0) ** odd = -(|x| ** odd)
    }
    return z;
  }
  if (x < 0 && yisint === 0) return Number.NaN; // (x < 0) ** non-integer
  const s = x < 0 && yisint === 1 ? -1 : 1;
  const iy = highWord(y) & 0x7fffffff;
  if (iy > 0x41e00000) {
    // |y| > 2^31: over- or underflow unless x is within 2^-20 of 1
    const ix = highWord(ax);
    if (iy > 0x43f00000 || ix < 0x3fefffff || ix > 0x3ff00000) {
      return ix < 0x3ff00000 === y < 0 ? s * Number.POSITIVE_INFINITY : s * 0;
    }
    log2NearOne(ax);
  } else {
    log2Reduced(ax);
  }
  return s * exp2Split(y, log2x[0], log2x[1]);
}

/** 0 when `y` is not an integer, 1 for an odd integer, 2 for an even one (fdlibm's `yisint`). */
function integerKind(y: number): number {
  if (!Number.isInteger(y)) return 0;
  return Math.abs(y) >= TWO53 || y % 2 === 0 ? 2 : 1;
}

/** $\log_2 x$ for $|x - 1| \le 2^{-20}$ by $t - t^2/2 + t^3/3 - t^4/4$, $t = x - 1$. */
function log2NearOne(ax: number): void {
  const t = ax - 1;
  const w = t * t * (0.5 - t * (0.3333333333333333 - t * 0.25));
  const u = IVLN2_H * t;
  const v = t * IVLN2_L - w * INVLN2;
  const t1 = clearLowWord(u + v);
  log2x[0] = t1;
  log2x[1] = v - (t1 - u);
}

/** $\log_2 x$ for finite $x > 0$ (not near 1): reduce to $a \in [\sqrt{2}/2 \cdot b, \sqrt{2} \cdot b)$, then step 1. */
function log2Reduced(ax: number): void {
  let n = 0;
  let ix = highWord(ax);
  if (ix < 0x00100000) {
    ax *= TWO53; // subnormal: scale up
    n -= 53;
    ix = highWord(ax);
  }
  n += (ix >> 20) - 0x3ff;
  const j = ix & 0x000fffff;
  ix = j | 0x3ff00000;
  let k = 0;
  if (j > 0x3988e && j < 0xbb67a) {
    k = 1; // sqrt(3/2) <= a < sqrt(3)
  } else if (j >= 0xbb67a) {
    n += 1;
    ix -= 0x00100000;
  }
  ax = withHighWord(ax, ix);
  const u = ax - BP[k];
  const v = 1 / (ax + BP[k]);
  const ss = u * v;
  const sH = clearLowWord(ss);
  const tH = fromHighWord(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18)); // a + b, head
  const sL = v * (u - sH * tH - sH * (ax - (tH - BP[k])));
  const s2 = ss * ss;
  const r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6))))) + sL * (sH + ss);
  const sH2 = sH * sH;
  const t3H = clearLowWord(3 + sH2 + r);
  const t3L = r - (t3H - 3 - sH2);
  const pU = sH * t3H;
  const pV = sL * t3H + t3L * ss;
  const pH = clearLowWord(pU + pV);
  const pL = pV - (pH - pU);
  const zH = CP_H * pH;
  const zL = CP_L * pH + pL * CP + DP_L[k];
  const t1 = clearLowWord(zH + zL + DP_H[k] + n);
  log2x[0] = t1;
  log2x[1] = zL - (t1 - n - DP_H[k] - zH);
}

/** $2^{y (t_1 + t_2)}$ with $y t_1$ split exactly (fdlibm's steps 2 and 3), over- and underflow included. */
function exp2Split(y: number, t1: number, t2: number): number {
  const y1 = clearLowWord(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  const z = pL + pH;
  const j = highWord(z);
  const lo = lowWord(z);
  if (j >= 0x40900000) {
    // z >= 1024
    if (((j - 0x40900000) | lo) !== 0 || pL + OVT > z - pH) return Number.POSITIVE_INFINITY;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075
    if (((j - (0xc090cc00 | 0)) | lo) !== 0 || pL <= z - pH) return 0;
  }
  const i = j & 0x7fffffff;
  let n = 0;
  if (i > 0x3fe00000) {
    // |z| > 0.5: n = nearest integer to z, taken out of pH exactly
    const m = j + (0x00100000 >> ((i >> 20) - 0x3ff + 1));
    const k = ((m & 0x7fffffff) >> 20) - 0x3ff;
    pH -= fromHighWord(m & ~(0x000fffff >> k));
    n = ((m & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
  }
  const t = clearLowWord(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  const r0 = u + v;
  const w = v - (r0 - u);
  const tt = r0 * r0;
  const c = r0 - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  // V8 11.3 divides by (c - 2) - (w + r0 w) where fdlibm subtracts w + r0 w after the division; we follow
  // V8 (Node 20's Math.pow) bit for bit. The tail w is ~2^-30 r0, so either form stays within 1 ulp.
  const e = 1 - ((r0 * c) / (c - 2 - (w + r0 * w)) - r0);
  const hi = highWord(e) + (n << 20);
  if (hi >> 20 <= 0) return e * twoPow(n + 54) * TWOM54; // subnormal result: one rounding
  return withHighWord(e, hi);
}
