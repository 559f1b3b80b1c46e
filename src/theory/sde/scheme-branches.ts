import type { AffineBranch } from "./random-affine-moments.js";
import { stepNoise } from "./solve-on-path.js";
import type { SdeProblem, SdeScheme } from "./types.js";

/** Gauss–Hermite rule for N(0, 1), 5 nodes: exact for polynomials of degree <= 9 (A&S Table 25.10, rescaled). */
const nodes = [-2.856970013872806, -1.355626179974266, 0, 1.355626179974266, 2.856970013872806];
const weights = [0.011257411327720689, 0.2220759220056126, 8 / 15, 0.2220759220056126, 0.011257411327720689];

/**
 * One step of `scheme` on a linear SDE (drift and diffusion affine in x) as a random affine map with
 * finitely many branches: every normal the step reads ($\Delta W$, and the second normal of $I_{(1,0)}$)
 * on the 5-node Gauss–Hermite rule, every extra normal (a sign) on $\pm 1$. For schemes whose output is a
 * polynomial of degree <= 4 in the normals, the branches give the *exact* first and second moments of
 * the scheme (with {@link affineMomentStep}): weak errors without Monte Carlo.
 *
 * Cost: $5^{m(1 + [I_{10}])} 2^{e}$ branches of d + 1 steps each — for small test problems only.
 *
 * @example affineMomentStep(schemeBranches(gbm, eulerMaruyama, 0, 0.1), 1, moments)
 */
export function schemeBranches(p: SdeProblem, scheme: SdeScheme, t: number, h: number): AffineBranch[] {
  const d = p.dim;
  const m = p.noise;
  const noise = stepNoise(scheme, m);
  const gaussians = m + noise.i10.length;
  const signs = noise.extra.length;
  const work = scheme.workspace(p);
  const x = new Float64Array(d);
  const y = new Float64Array(d);
  const z = new Float64Array(gaussians);
  const sh = Math.sqrt(h);
  const branches: AffineBranch[] = [];
  const count = 5 ** gaussians * 2 ** signs;
  for (let b = 0; b < count; b++) {
    let rest = b;
    let w = 1;
    for (let g = 0; g < gaussians; g++) {
      z[g] = nodes[rest % 5];
      w *= weights[rest % 5];
      rest = Math.floor(rest / 5);
    }
    for (let s = 0; s < signs; s++) {
      noise.extra[s] = rest % 2 === 0 ? -1 : 1;
      w /= 2;
      rest = Math.floor(rest / 2);
    }
    for (let k = 0; k < m; k++) {
      noise.dW[k] = sh * z[k];
      if (noise.i10.length > 0) noise.i10[k] = 0.5 * h * sh * (z[k] + z[m + k] / Math.sqrt(3));
    }
    const P = new Float64Array(d * d);
    x.fill(0);
    scheme.step(p, t, h, x, noise, y, work);
    const q = y.slice();
    for (let j = 0; j < d; j++) {
      x.fill(0);
      x[j] = 1;
      scheme.step(p, t, h, x, noise, y, work);
      for (let i = 0; i < d; i++) P[i * d + j] = y[i] - q[i];
    }
    branches.push({ P, q, w });
  }
  return branches;
}
