/**
 * The diagonal linear network's chain arithmetic (science/03 §§2–3), the TS reference of the wasm kernel
 * `dlnSgdSteps` (same operations, same order). Parameters: `width` paths of F factors, row by row.
 */

/**
 * Every path's factors, $u_k \leftarrow u_k - \mathrm{lr}(g \prod_{j \ne k} u_j + 2\gamma u_k)$, the
 * products by prefix and then suffix products in `others` (length F).
 *
 * @example dlnFactorUpdate(Float64Array.of(1, 2), new Float64Array(2), 2, 1, 0.5, 0.1, 0) // [0.9, 1.95]
 */
export function dlnFactorUpdate(
  params: Float64Array,
  others: Float64Array,
  F: number,
  width: number,
  g: number,
  lr: number,
  ridge: number,
): void {
  for (let i = 0; i < width; i++) {
    const base = i * F;
    let prefix = 1;
    for (let k = 0; k < F; k++) {
      others[k] = prefix;
      prefix *= params[base + k];
    }
    let suffix = 1;
    for (let k = F - 1; k >= 0; k--) {
      others[k] *= suffix;
      suffix *= params[base + k];
    }
    for (let k = 0; k < F; k++) params[base + k] -= lr * (g * others[k] + 2 * ridge * params[base + k]);
  }
}

/** The network's value $v = \sum_i \prod_k u_i^{(k)}$. */
export function dlnValue(params: Float64Array, width: number, F: number): number {
  let v = 0;
  for (let i = 0; i < width; i++) {
    let p = 1;
    for (let k = 0; k < F; k++) p *= params[i * F + k];
    v += p;
  }
  return v;
}

/** The imbalance $D = u^2 - w^2$ of path 0 (its first two factors). */
export function dlnImbalance(params: Float64Array): number {
  return params[0] * params[0] - params[1] * params[1];
}

/**
 * m SGD steps on drawn samples: step l reads the pairs (x, ε) at `samples[2 batch l ..]`,
 * $g = \frac1S \sum 2x(vx - y)$ with y = slope x + noise ε, then {@link dlnFactorUpdate}. With `identity`,
 * returns the running max (from `maxErr`) of the relative error of the exact depth-1 identity
 * $D' = (1 - (\mathrm{lr}\,g)^2) D$, otherwise `maxErr`.
 *
 * @example dlnSgdSteps(params, samples, others, 256, 3, 1, 1, 0.01, 0, 1, 1, false, 0)
 */
export function dlnSgdSteps(
  params: Float64Array,
  samples: Float64Array,
  others: Float64Array,
  m: number,
  F: number,
  width: number,
  batch: number,
  lr: number,
  ridge: number,
  slope: number,
  noise: number,
  identity: boolean,
  maxErr: number,
): number {
  let err = maxErr;
  for (let l = 0; l < m; l++) {
    const v = dlnValue(params, width, F);
    let g = 0;
    for (let b = 0, j = 2 * batch * l; b < batch; b++, j += 2) {
      const x = samples[j];
      const y = slope * x + noise * samples[j + 1];
      g += 2 * x * (v * x - y);
    }
    g /= batch;
    const before = F >= 2 ? dlnImbalance(params) : 0;
    dlnFactorUpdate(params, others, F, width, g, lr, ridge);
    if (identity) {
      const after = dlnImbalance(params);
      const lrG = lr * g;
      err = Math.max(err, Math.abs(after - (1 - lrG * lrG) * before) / Math.max(Math.abs(after), 1e-300));
    }
  }
  return err;
}
