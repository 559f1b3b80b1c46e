// The diagonal linear network's SGD chain on a block of drawn samples (see kernels.as for the
// conventions): the arithmetic of src/kernels/dln.ts operation for operation, scalar (2 to 4 factors a
// path leave nothing for lanes; compiled, the loop runs at about C's speed).
import { at } from "./blas";

/**
 * m SGD steps of the chain with F factors per path and `width` paths on params, sample pairs (x, eps)
 * of step l at samples[2 batch l ..]: v = sum_i prod_k u_ik, g = mean 2x(vx - y), y = slope x + noise eps,
 * then every factor u_k <- u_k - lr (g prod_{j != k} u_j + 2 ridge u_k). With identity != 0 returns the
 * running max (from maxErr) of the relative error of D' = (1 - (lr g)^2) D for path 0, else maxErr.
 */
export function dlnSgdSteps(
  params: usize, samples: usize, others: usize, m: i32, F: i32, width: i32, batch: i32,
  lr: f64, ridge: f64, slope: f64, noise: f64, identity: i32, maxErr: f64,
): f64 {
  for (let l = 0; l < m; l++) {
    let v: f64 = 0;
    for (let i = 0; i < width; i++) {
      let p: f64 = 1;
      for (let k = 0; k < F; k++) p *= load<f64>(at(params, i * F + k));
      v += p;
    }
    let g: f64 = 0;
    for (let b = 0, j = 2 * batch * l; b < batch; b++, j += 2) {
      const x = load<f64>(at(samples, j));
      const y = slope * x + noise * load<f64>(at(samples, j + 1));
      g += 2 * x * (v * x - y);
    }
    g = g / <f64>batch;
    const before = F >= 2 ? imbalance(params) : 0;
    dlnFactorUpdate(params, others, F, width, g, lr, ridge);
    if (identity != 0) {
      const after = imbalance(params);
      const lrG = lr * g;
      maxErr = max(maxErr, abs(after - (1 - lrG * lrG) * before) / max(abs(after), 1e-300));
    }
  }
  return maxErr;
}

/** D = u^2 - w^2 of path 0 (its first two factors). */
@inline
function imbalance(params: usize): f64 {
  const u = load<f64>(params);
  const w = load<f64>(params, 8);
  return u * u - w * w;
}

/** u_k <- u_k - lr (g prod_{j != k} u_j + 2 ridge u_k) on every path (prefix, then suffix products). */
@inline
function dlnFactorUpdate(params: usize, others: usize, F: i32, width: i32, g: f64, lr: f64, ridge: f64): void {
  for (let i = 0; i < width; i++) {
    const base = i * F;
    let prefix: f64 = 1;
    for (let k = 0; k < F; k++) {
      store<f64>(at(others, k), prefix);
      prefix *= load<f64>(at(params, base + k));
    }
    let suffix: f64 = 1;
    for (let k = F - 1; k >= 0; k--) {
      store<f64>(at(others, k), load<f64>(at(others, k)) * suffix);
      suffix *= load<f64>(at(params, base + k));
    }
    for (let k = 0; k < F; k++) {
      const uk = load<f64>(at(params, base + k));
      store<f64>(at(params, base + k), uk - lr * (g * load<f64>(at(others, k)) + 2 * ridge * uk));
    }
  }
}
