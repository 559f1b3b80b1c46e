import { SpecError } from "./errors.js";
import { log, log1p } from "./libm.js";
import { pow } from "./libm-pow.js";
import { fillNormalFrom, normalFrom, uniform53, xoshiroNext } from "./ziggurat.js";

/** Plain-JSON snapshot of an {@link Rng}: the xoshiro state and the stream key, as unsigned 32-bit words. */
export interface RngState {
  s: [number, number, number, number];
  key: [number, number, number, number];
}

const TWO_32 = 4294967296;

/** MurmurHash3's 32-bit finaliser: a bijection of int32 with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Bijective 128-bit mixer: four rounds of a cross-lane sum (as in MurmurHash3_x86_128's finaliser) then
 * fmix32 on each lane with distinct lane and round constants, so no lane symmetry survives.
 */
function permute(a: number, b: number, c: number, d: number, out: Int32Array): void {
  for (let r = 0; r < 4; r++) {
    a = (a + b + c + d) | 0;
    b = (b + a) | 0;
    c = (c + a) | 0;
    d = (d + a) | 0;
    a = fmix32(a ^ Math.imul(r + 1, 0x9e3779b9));
    b = fmix32(b ^ 0x27d4eb2f);
    c = fmix32(c ^ 0x165667b1);
    d = fmix32(d ^ 0x61c88647);
  }
  out[0] = (a + b + c + d) | 0;
  out[1] = (b + out[0]) | 0;
  out[2] = (c + out[0]) | 0;
  out[3] = (d + out[0]) | 0;
}

/** Domain constants that keep seed, split and state derivations apart. */
const SEED_INTEGER = 0x5eed0001;
const SEED_FLOAT = 0x5eed0002;
const SPLIT = 0x3c6ef372;
const STATE = 0x0a5a5a5a;

/**
 * Seeded, splittable, serialisable generator: xoshiro128** for uniforms, a 256-layer ziggurat for normals.
 *
 * The state is four 32-bit words advanced by the xoshiro128** linear map (period $2^{128} - 1$) and
 * scrambled as $\mathrm{rotl}(5 s_1, 7) \cdot 9$. Every generator also carries a fixed 128-bit stream key,
 * set at construction and never advanced: the initial state is a bijective mix of the key, and
 * `split(i)` derives the child key from (key, i) alone, so children do not depend on how much was drawn.
 *
 * - `seed`: any finite number; integers up to $2^{53}$ in size (two's complement for negatives) and
 *   other doubles (by their bit pattern) are mixed into the key, so seeds 0, 1, 2 give unrelated streams.
 *
 * Every draw is a pure function of the seed in every JavaScript engine: the state is integer arithmetic,
 * and the few transcendentals (ziggurat tables, wedge and tail; the gamma sampler's log, log1p and
 * $U^{1/a}$) are the deterministic ports of fdlibm in `libm.ts` / `libm-pow.ts`, never `Math.exp`,
 * `Math.log`, `Math.log1p` or `**`, whose last bit differs between engines (e.g. Node 20 and Chromium).
 *
 * @example
 * const rng = Rng.fromSeed(42);
 * const z = new Float64Array(1000);
 * rng.fillNormal(z);
 * const worker3 = rng.split(3); // the same stream whatever was drawn from rng
 *
 * Reference: D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021 (xoshiro128**, https://prng.di.unimi.it/xoshiro128starstar.c).
 */
export class Rng {
  /** xoshiro128** state, as int32 words. */
  private readonly s = new Int32Array(4);
  /** Stream key, fixed for the life of the generator. */
  private readonly key = new Int32Array(4);

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new SpecError("seed", seed, "a finite number");
    if (Number.isSafeInteger(seed)) {
      permute(seed | 0, Math.floor(seed / TWO_32) | 0, SEED_INTEGER, 0, this.key);
    } else {
      const bits = new DataView(new ArrayBuffer(8));
      bits.setFloat64(0, seed, true);
      permute(bits.getInt32(0, true), bits.getInt32(4, true), SEED_FLOAT, 0, this.key);
    }
    this.resetState();
  }

  /** Generator for `seed`; the same as `new Rng(seed)`. */
  static fromSeed(seed: number): Rng {
    return new Rng(seed);
  }

  /** Generator that continues exactly where the one that produced `state` (via {@link Rng.state}) was. */
  static fromState(state: RngState): Rng {
    const rng = new Rng(0);
    rng.s.set(readWords(state?.s, "rngState.s"));
    rng.key.set(readWords(state?.key, "rngState.key"));
    if ((rng.s[0] | rng.s[1] | rng.s[2] | rng.s[3]) === 0) {
      throw new SpecError("rngState.s", state.s, "four uint32 words, not all zero");
    }
    return rng;
  }

  /** Plain-JSON snapshot (unsigned words); {@link Rng.fromState} reproduces draws and splits from here. */
  state(): RngState {
    const [s0, s1, s2, s3] = Array.from(this.s, (w) => w >>> 0);
    const [k0, k1, k2, k3] = Array.from(this.key, (w) => w >>> 0);
    return { s: [s0, s1, s2, s3], key: [k0, k1, k2, k3] };
  }

  /**
   * Child stream `i`, a function of this generator's key and `i` only (not of its draws so far).
   *
   * The child key is $P(k \oplus (i_{lo}, i_{hi}, c, 0)) + k$ with $P$ a bijective 128-bit mixer, so distinct
   * `i` give distinct keys; `split(i).split(j)` is well defined and differs from `split(j).split(i)`.
   *
   * - `i`: a non-negative safe integer (e.g. the run index of an ensemble).
   *
   * @example const streams = [0, 1, 2].map((i) => Rng.fromSeed(7).split(i));
   */
  split(i: number): Rng {
    if (!Number.isSafeInteger(i) || i < 0) {
      throw new SpecError("split index", i, "a non-negative safe integer");
    }
    const k = this.key;
    const child = new Rng(0);
    permute(k[0] ^ i, k[1] ^ Math.floor(i / TWO_32), k[2] ^ SPLIT, k[3], child.key);
    for (let w = 0; w < 4; w++) child.key[w] = (child.key[w] + k[w]) | 0;
    child.resetState();
    return child;
  }

  private resetState(): void {
    const k = this.key;
    permute(k[0] ^ STATE, k[1], k[2], k[3], this.s);
    if ((this.s[0] | this.s[1] | this.s[2] | this.s[3]) === 0) this.s[0] = 1;
  }

  /** Next 32-bit output of xoshiro128**, as an unsigned integer in $[0, 2^{32})$. */
  nextUint32(): number {
    return xoshiroNext(this.s) >>> 0;
  }

  /**
   * Uniform on $[0, 1)$ with 53-bit resolution, from two 32-bit draws $a, b$:
   * $(\lfloor a/2^5 \rfloor 2^{26} + \lfloor b/2^6 \rfloor) 2^{-53}$.
   */
  nextFloat(): number {
    return uniform53(this.s);
  }

  /** Uniform on $[a, b)$: $a + (b - a) U$ with $U$ from {@link Rng.nextFloat}. */
  uniform(a: number, b: number): number {
    return a + (b - a) * uniform53(this.s);
  }

  /**
   * Standard normal by a 256-layer ziggurat: two 32-bit draws on the fast path (98.5% of calls).
   *
   * The first draw $a$ gives the layer $i = a \bmod 256$ and, with the second draw $b$, a signed integer
   * $j$ uniform on $[-2^{52}, 2^{52})$; the result is $j x_i 2^{-52}$ when it lies inside layer $i+1$'s
   * width, otherwise a wedge test or Marsaglia's exact tail finishes (see `ziggurat.ts`).
   * Consumes the stream exactly as {@link Rng.fillNormal} does, value for value.
   *
   * @example const z = Rng.fromSeed(1).normal();
   */
  normal(): number {
    return normalFrom(this.s);
  }

  /**
   * Fill `out[start..end)` with independent standard normals: the hot path of the whole project.
   *
   * Same algorithm and stream consumption as {@link Rng.normal}; the fast loop keeps the xoshiro state in
   * locals, calls nothing and allocates nothing. `fillNormal(z, 0, 7); fillNormal(z, 7)` equals one call.
   *
   * @example const z = new Float64Array(1 << 20); rng.fillNormal(z);
   *
   * Reference: G. Marsaglia and W. W. Tsang, J. Stat. Softw. 5(8), 2000; J. A. Doornik, 2005.
   */
  fillNormal(out: Float64Array, start = 0, end: number = out.length): void {
    fillNormalFrom(this.s, out, start, end);
  }

  /**
   * Gamma variate with density $x^{a-1} e^{-x/\theta} / (\Gamma(a) \theta^a)$: Marsaglia–Tsang.
   *
   * For $a \ge 1$: $d = a - 1/3$, $c = 1/\sqrt{9d}$, $v = (1 + cZ)^3$, accept $d v$ when
   * $\ln U < Z^2/2 + d(1 - v + \ln v)$ (with the squeeze $U < 1 - 0.0331 Z^4$ first); the log test is
   * evaluated as $3\,\mathrm{log1p}(cZ) - (v - 1)$ so it stays accurate for $a$ up to $10^9$ and beyond.
   * For $a < 1$: $G_{a+1} U^{1/a}$.
   *
   * - `shape`: $a > 0$. `scale`: $\theta$ (default 1).
   *
   * @example const g = rng.gamma(2.5); // mean 2.5, variance 2.5
   *
   * Reference: G. Marsaglia and W. W. Tsang, "A simple method for generating gamma variables",
   * ACM TOMS 26(3):363–372, 2000.
   */
  gamma(shape: number, scale = 1): number {
    if (!(shape > 0 && shape < Number.POSITIVE_INFINITY)) {
      throw new SpecError("gamma shape", shape, "a finite number > 0");
    }
    if (shape >= 1) return scale * this.gammaAtLeastOne(shape);
    const g = this.gammaAtLeastOne(shape + 1);
    return scale * g * pow(1 - uniform53(this.s), 1 / shape);
  }

  private gammaAtLeastOne(shape: number): number {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x = this.normal();
      let cx = c * x;
      while (cx <= -1) {
        x = this.normal();
        cx = c * x;
      }
      const vm1 = cx * (3 + cx * (3 + cx));
      const u = uniform53(this.s);
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * (1 + vm1);
      if (log(u) < 0.5 * x2 + d * (3 * log1p(cx) - vm1)) return d * (1 + vm1);
    }
  }

  /**
   * Chi-square variate with `dof` degrees of freedom (any real `dof` > 0): $2\,\Gamma(\mathrm{dof}/2, 1)$.
   *
   * Fast and exact in law for `dof` up to $10^9$ and beyond: one normal and one uniform per attempt, with
   * acceptance from 95% (`dof` = 2) up to 1 as `dof` grows; `dof` < 2 adds one uniform (the $U^{1/a}$ boost).
   *
   * @example const r2 = rng.chiSquare(N - 2); // squared norm of the rest of an isotropic Gaussian
   */
  chiSquare(dof: number): number {
    if (!(dof > 0 && dof < Number.POSITIVE_INFINITY)) {
      throw new SpecError("chiSquare dof", dof, "a finite number > 0");
    }
    return 2 * this.gamma(0.5 * dof);
  }
}

function readWords(words: unknown, field: string): number[] {
  const ok =
    Array.isArray(words) &&
    words.length === 4 &&
    words.every((w) => Number.isInteger(w) && w >= 0 && w < TWO_32);
  if (!ok) throw new SpecError(field, words, "an array of four unsigned 32-bit integers");
  return words as number[];
}
