/**
 * Ziggurat sampler for the standard normal, running directly on a xoshiro128** state (the hot path).
 *
 * The unnormalised density $f(x) = e^{-x^2/2}$ on $x \ge 0$ is covered by 256 layers of equal area $V$:
 * a base strip (the rectangle $[0, r] \times [0, f(r)]$ plus the tail beyond $r$) and 255 rectangles
 * $[0, x_i] \times [f(x_i), f(x_{i+1})]$ with $x_0 = V / f(r)$, $x_1 = r$,
 * $x_{i+1} = f^{-1}\bigl(f(x_i) + V / x_i\bigr)$ and $x_{256} = 0$. The constant $r$ is the root that
 * closes the recursion exactly at the top, $x_{255}\,(1 - f(x_{255})) = V$; it and
 * $V = r f(r) + \sqrt{\pi/2}\,\operatorname{erfc}(r/\sqrt 2)$ were computed with mpmath at 60 digits
 * (bisection on the closing residual) and agree with Marsaglia & Tsang's published values.
 *
 * A draw picks a layer $i$ and a signed integer $j$ uniform on $[-2^{52}, 2^{52})$; the candidate is
 * $x = j\,w_i$ with $w_i = x_i 2^{-52}$. It lies under the density without further work when
 * $|j| < k_i = 2^{52} x_{i+1} / x_i$ (98.5% of draws: the mean of $x_{i+1}/x_i$).
 *
 * Reference: G. Marsaglia and W. W. Tsang, "The ziggurat method for generating random variables",
 * J. Stat. Softw. 5(8), 2000; J. A. Doornik, "An improved ziggurat method to generate normal random
 * samples", 2005 (separate bits for the layer and the uniform, as done here).
 *
 * Every transcendental here (the tables at load time, the wedge and the tail) is the deterministic
 * `exp`/`log` of `libm.ts`, not `Math.*`, so the tables and the stream are the same in every engine.
 */

import { exp, log } from "./libm.js";

/** Number of layers; the layer index is the low 8 bits of a 32-bit draw. */
export const ZIG_LAYERS = 256;

/** Start of the tail: $r$ such that the 256-layer ziggurat closes exactly. */
export const ZIG_R = 3.654152885361009; // 3.65415288536100877164542972...

/** Area of each layer under $e^{-x^2/2}$. */
export const ZIG_V = 0.004928673233974655; // 0.00492867323397465534736177540...

/** Scale from the signed 53-bit integer $j$ to the unit interval, $2^{-52}$. */
const TWO_M52 = 2.220446049250313e-16; // 2^-52 exactly

function density(x: number): number {
  return exp(-0.5 * x * x);
}

/** Layer right edges $x_0 > x_1 = r > \dots > x_{255} > x_{256} = 0$. */
export const ZIG_X: Float64Array = new Float64Array(ZIG_LAYERS + 1);
/** Fast-acceptance thresholds $k_i = 2^{52} x_{i+1} / x_i$, compared with $|j|$. */
export const ZIG_K: Float64Array = new Float64Array(ZIG_LAYERS);
/** Scales $w_i = x_i\,2^{-52}$: the candidate is $j\,w_i$. */
export const ZIG_W: Float64Array = new Float64Array(ZIG_LAYERS);
/** Density at the layer edges, $F_i = f(x_i)$, increasing in $i$ with $F_{256} = 1$. */
export const ZIG_F: Float64Array = new Float64Array(ZIG_LAYERS + 1);

ZIG_X[0] = ZIG_V / density(ZIG_R);
ZIG_X[1] = ZIG_R;
for (let i = 2; i < ZIG_LAYERS; i++) {
  ZIG_X[i] = Math.sqrt(-2 * log(ZIG_V / ZIG_X[i - 1] + density(ZIG_X[i - 1])));
}
ZIG_X[ZIG_LAYERS] = 0;
for (let i = 0; i <= ZIG_LAYERS; i++) ZIG_F[i] = density(ZIG_X[i]);
for (let i = 0; i < ZIG_LAYERS; i++) {
  ZIG_K[i] = (ZIG_X[i + 1] / ZIG_X[i]) * 4503599627370496; // 2^52
  ZIG_W[i] = ZIG_X[i] * TWO_M52;
}

const TWO_32 = 4294967296;
const TWO_M53 = 1.1102230246251565e-16; // 2^-53 exactly

/**
 * One step of xoshiro128** on `st` (four int32 words, updated in place); returns the output as an int32.
 *
 * Reference: https://prng.di.unimi.it/xoshiro128starstar.c (Blackman & Vigna).
 */
export function xoshiroNext(st: Int32Array): number {
  const s0 = st[0];
  const s1 = st[1];
  const s2 = st[2] ^ s0;
  const s3 = st[3] ^ s1;
  const m = Math.imul(s1, 5);
  st[0] = s0 ^ s3;
  st[1] = s1 ^ s2;
  st[2] = s2 ^ (s1 << 9);
  st[3] = (s3 << 11) | (s3 >>> 21);
  return Math.imul((m << 7) | (m >>> 25), 9);
}

/** Uniform on $[0, 1)$ from two draws, 53 bits: $(\lfloor a/2^5 \rfloor 2^{26} + \lfloor b/2^6 \rfloor) 2^{-53}$. */
export function uniform53(st: Int32Array): number {
  const a = xoshiroNext(st) >>> 5;
  const b = xoshiroNext(st) >>> 6;
  return (a * 67108864 + b) * TWO_M53;
}

/**
 * One standard normal from two draws $a, b$ on the fast path: layer $i = a \bmod 256$, signed integer
 * $j = \lfloor a_{\mathrm{int32}} / 2^{11} \rfloor 2^{32} + b_{\mathrm{uint32}}$ (uniform on $[-2^{52}, 2^{52})$),
 * result $j w_i$ when $|j| < k_i$.
 */
export function normalFrom(st: Int32Array): number {
  const a = xoshiroNext(st);
  const j = (a >> 11) * TWO_32 + (xoshiroNext(st) >>> 0);
  const i = a & 255;
  if (Math.abs(j) < ZIG_K[i]) return j * ZIG_W[i];
  return normalSlow(st, i, j);
}

/**
 * Fill `out[start..end)` with standard normals, consuming `st` exactly as repeated {@link normalFrom}.
 *
 * The fast loop keeps the state in locals and calls nothing; it returns at the first draw that needs
 * the wedge or the tail, which is finished by {@link normalSlow}, then the fast loop resumes.
 */
export function fillNormalFrom(st: Int32Array, out: Float64Array, start: number, end: number): void {
  for (let n = fillFast(st, out, start, end); n < end; n = fillFast(st, out, n + 1, end)) {
    out[n] = normalSlow(st, pending[0], pending[1]);
  }
}

/** Layer and integer of the draw at which {@link fillFast} stopped. */
const pending = new Float64Array(2);

/** Module-private aliases of the tables for the hot loop (V8 reads them faster than exported bindings). */
const fastK = ZIG_K;
const fastW = ZIG_W;

function fillFast(st: Int32Array, out: Float64Array, n: number, end: number): number {
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  for (; n < end; n++) {
    let m = Math.imul(s1, 5);
    const a = Math.imul((m << 7) | (m >>> 25), 9);
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    m = Math.imul(s1, 5);
    const b = Math.imul((m << 7) | (m >>> 25), 9);
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const i = a & 255;
    const j = (a >> 11) * TWO_32 + (b >>> 0);
    if (Math.abs(j) < fastK[i]) {
      out[n] = j * fastW[i];
      continue;
    }
    pending[0] = i;
    pending[1] = j;
    break;
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  return n;
}

/** Rest of the ziggurat after a failed fast test: wedge test, exact tail, or a fresh draw. */
function normalSlow(st: Int32Array, i: number, j: number): number {
  for (;;) {
    if (i === 0) return j < 0 ? -normalTail(st) : normalTail(st);
    const x = j * ZIG_W[i];
    if (ZIG_F[i] + uniform53(st) * (ZIG_F[i + 1] - ZIG_F[i]) < exp(-0.5 * x * x)) return x;
    const a = xoshiroNext(st);
    j = (a >> 11) * TWO_32 + (xoshiroNext(st) >>> 0);
    i = a & 255;
    if (Math.abs(j) < ZIG_K[i]) return j * ZIG_W[i];
  }
}

/**
 * Tail beyond $r$ (Marsaglia 1964): $x = -\ln(U_1)/r$, accepted when $-2 \ln U_2 \ge x^2$; returns $r + x$.
 *
 * Reference: G. Marsaglia, "Generating a variable from the tail of the normal distribution",
 * Technometrics 6(1):101–102, 1964.
 */
function normalTail(st: Int32Array): number {
  for (;;) {
    const x = -log(1 - uniform53(st)) / ZIG_R;
    const y = -log(1 - uniform53(st));
    if (y + y >= x * x) return ZIG_R + x;
  }
}
