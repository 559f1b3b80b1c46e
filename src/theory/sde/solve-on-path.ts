import type { Rng } from "../../core/rng.js";
import type { PathLevel } from "./brownian-path.js";
import type { SdeProblem, SdeScheme, StepNoise } from "./types.js";

/**
 * Integrate an SDE along given increments (a level of a {@link BrownianPath}, or any increments of the
 * same layout, e.g. built from a data sequence) and return the state at the final time.
 *
 * @param p the problem; `scheme` a method that accepts `p.structure`
 * @param x0 initial state (copied)
 * @param path increments: `h`, `steps`, `dW` (and `i10` for schemes that need it)
 * @param extraRng source of the scheme's extra normals (required when `scheme.extraNormals(m) > 0`)
 * @param t0 initial time (default 0)
 * @returns the state after `path.steps` steps; non-finite entries mean the path exploded (check with
 *   `Number.isFinite`, callers turn it into a status)
 * @example solveOnPath(gbm, milstein, [0.5], new BrownianPath(Rng.fromSeed(1), 1, 1, 8).level(5))
 */
export function solveOnPath(
  p: SdeProblem,
  scheme: SdeScheme,
  x0: ArrayLike<number>,
  path: PathLevel,
  extraRng?: Rng,
  t0 = 0,
): Float64Array {
  const m = p.noise;
  checkScheme(p, scheme);
  const noise = stepNoise(scheme, m);
  if (noise.extra.length > 0 && !extraRng)
    throw new Error(`${scheme.name} needs extraRng for its extra normals`);
  const work = scheme.workspace(p);
  let x = Float64Array.from(x0);
  let y = new Float64Array(p.dim);
  for (let s = 0; s < path.steps; s++) {
    noise.dW.set(path.dW.subarray(s * m, (s + 1) * m));
    if (scheme.needsI10) noise.i10.set(path.i10.subarray(s * m, (s + 1) * m));
    if (extraRng && noise.extra.length > 0) extraRng.fillNormal(noise.extra);
    scheme.step(p, t0 + s * path.h, path.h, x, noise, y, work);
    [x, y] = [y, x];
  }
  return x;
}

/**
 * Buffers for one step's noise, sized for `scheme` and m noises.
 *
 * @example const noise = stepNoise(eulerMaruyama, 3)
 */
export function stepNoise(scheme: SdeScheme, m: number): StepNoise {
  return {
    dW: new Float64Array(m),
    i10: new Float64Array(scheme.needsI10 ? m : 0),
    extra: new Float64Array(scheme.extraNormals(m)),
  };
}

/**
 * Throw (a programming error, not user input) when `scheme` is not valid for `p.structure`.
 *
 * @example checkScheme(problem, milstein) // throws unless problem.structure === "diagonal"
 */
export function checkScheme(p: SdeProblem, scheme: SdeScheme): void {
  if (!scheme.accepts.includes(p.structure))
    throw new Error(
      `${scheme.name} does not accept ${p.structure} noise (it accepts ${scheme.accepts.join(", ")})`,
    );
}
