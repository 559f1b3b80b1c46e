// The arcsine of fdlibm (FreeBSD msun e_asin.c, the algorithm and constants of V8's Math.asin in
// v8/src/base/ieee754.cc), two lanes at a time and without branches: every lane evaluates both of
// fdlibm's formulas with the same IEEE operations in the same order, and a mask picks fdlibm's branch.
// Wasm has no fused multiply-add, so each lane gives exactly fdlibm's double, which is Math.asin's:
//   |x| < 2^-27:        x
//   |x| < 1/2:          x + x R(x^2),                   R = P/Q (degree 6 / 4)
//   1/2 <= |x| < 0.975: pi/4 - (2 s R(t) - (pio2_lo - 2 c) - (pi/4 - 2 w)),   t = (1 - |x|)/2, s = sqrt t,
//                       w = s with its low 32 bits cleared, c = (t - w^2)/(s + w)
//   0.975 <= |x| < 1:   pi/2 - (2 (s + s R(t)) - pio2_lo)
//   |x| = 1: x pi/2 (split); |x| > 1 or NaN: NaN. The sign is x's.
import { at } from "./blas";

const pio2Hi: f64 = 1.5707963267948966; // 0x3FF921FB 54442D18
const pio2Lo: f64 = 6.123233995736766e-17; // 0x3C91A626 33145C07
const pio4Hi: f64 = 0.7853981633974483; // 0x3FE921FB 54442D18
const big: f64 = 0.9749999046325684; // 0x3FEF3333 00000000: fdlibm compares the high word only
const tiny: f64 = 7.450580596923828e-9; // 2^-27

/** fdlibm's R(t) = P(t)/Q(t) on both lanes, Horner in its order, then one division. */
@inline
function ratio(t: v128): v128 {
  let p = f64x2.add(f64x2.splat(7.91534994289814532176e-4), f64x2.mul(t, f64x2.splat(3.47933107596021167570e-5)));
  p = f64x2.add(f64x2.splat(-4.00555345006794114027e-2), f64x2.mul(t, p));
  p = f64x2.add(f64x2.splat(2.01212532134862925881e-1), f64x2.mul(t, p));
  p = f64x2.add(f64x2.splat(-3.25565818622400915405e-1), f64x2.mul(t, p));
  p = f64x2.mul(t, f64x2.add(f64x2.splat(1.66666666666666657415e-1), f64x2.mul(t, p)));
  let q = f64x2.add(f64x2.splat(-6.88283971605453293030e-1), f64x2.mul(t, f64x2.splat(7.70381505559019352791e-2)));
  q = f64x2.add(f64x2.splat(2.02094576023350569471), f64x2.mul(t, q));
  q = f64x2.add(f64x2.splat(-2.40339491173441421878), f64x2.mul(t, q));
  q = f64x2.add(f64x2.splat(1), f64x2.mul(t, q));
  return f64x2.div(p, q);
}

/** Math.asin of both lanes of x, bit for bit. */
@inline
export function asin2(x: v128): v128 {
  const one = f64x2.splat(1);
  const two = f64x2.splat(2);
  const ax = f64x2.abs(x);
  const small = f64x2.lt(ax, f64x2.splat(0.5));
  const isTiny = f64x2.lt(ax, f64x2.splat(tiny));
  if (i64x2.all_true(small)) {
    // both lanes below 1/2: one rational, no square root
    return v128.bitselect(x, f64x2.add(x, f64x2.mul(x, ratio(f64x2.mul(x, x)))), isTiny);
  }
  const t = v128.bitselect(f64x2.mul(x, x), f64x2.mul(f64x2.sub(one, ax), f64x2.splat(0.5)), small);
  const r = ratio(t);
  const nearZero = v128.bitselect(x, f64x2.add(x, f64x2.mul(x, r)), isTiny);
  const s = f64x2.sqrt(t);
  const hi = f64x2.sub(f64x2.splat(pio2Hi), f64x2.sub(f64x2.mul(two, f64x2.add(s, f64x2.mul(s, r))), f64x2.splat(pio2Lo)));
  const w = v128.and(s, i64x2.splat(0xffffffff00000000));
  const c = f64x2.div(f64x2.sub(t, f64x2.mul(w, w)), f64x2.add(s, w));
  const pm = f64x2.sub(f64x2.mul(f64x2.mul(two, s), r), f64x2.sub(f64x2.splat(pio2Lo), f64x2.mul(two, c)));
  const qm = f64x2.sub(f64x2.splat(pio4Hi), f64x2.mul(two, w));
  const mid = f64x2.sub(f64x2.splat(pio4Hi), f64x2.sub(pm, qm));
  const upper = v128.bitselect(hi, mid, f64x2.ge(ax, f64x2.splat(big)));
  const signed = v128.or(upper, v128.and(x, i64x2.splat(0x8000000000000000)));
  const unit = f64x2.add(f64x2.mul(x, f64x2.splat(pio2Hi)), f64x2.mul(x, f64x2.splat(pio2Lo)));
  const edge = v128.bitselect(unit, f64x2.splat(NaN), f64x2.eq(ax, one));
  return v128.bitselect(nearZero, v128.bitselect(signed, edge, f64x2.lt(ax, one)), small);
}

/** out[i] = asin(x[i]) for i < n (Math.asin's doubles); x and out may be the same array. */
export function asinEach(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) v128.store(at(out, i), asin2(v128.load(at(x, i))));
  if (i < n) store<f64>(at(out, i), f64x2.extract_lane(asin2(f64x2.splat(load<f64>(at(x, i)))), 0));
}
