/** The data law of the diagonal-linear-network model: `y = slope x + noise eps`, eps ~ N(0, 1). */
export interface DataLaw {
  x: "gaussian" | "uniform";
  slope: number;
  noise: number;
}

/**
 * Moments of the data that the stationary laws depend on (science/03 §3).
 *
 * $\beta_1 = E x^2$, $\beta_2 = E xy$, $\alpha_1 = \mathrm{Var}\,x^2$, $\alpha_2 = E x^3 y - E x^2 E xy$,
 * $\alpha_3 = \mathrm{Var}\,xy$, $\Delta = \alpha_1\alpha_3 - \alpha_2^2$.
 */
export interface DataMoments {
  beta1: number;
  beta2: number;
  alpha1: number;
  alpha2: number;
  alpha3: number;
  delta: number;
}

/**
 * The moments for x ~ N(0, 1) (E x^4 = 3) or x ~ U[-sqrt3, sqrt3] (E x^2 = 1, E x^4 = 9/5), y = k x + s eps.
 *
 * With $m_4 = E x^4$: $\beta_1 = 1$, $\beta_2 = k$, $\alpha_1 = m_4 - 1$, $\alpha_2 = k \alpha_1$,
 * $\alpha_3 = k^2 \alpha_1 + s^2$, $\Delta = \alpha_1 s^2$.
 *
 * @example dataMoments({ x: "gaussian", slope: 1, noise: 1 }) // alpha1 = 2, alpha3 = 3, delta = 2
 *
 * Reference: science/03 §3 (Gaussian example: alpha1 = 2, alpha2 = 2k, alpha3 = 2k^2 + sigma^2, Delta = 2 sigma^2).
 */
export function dataMoments(data: DataLaw): DataMoments {
  const m4 = data.x === "gaussian" ? 3 : 9 / 5;
  const k = data.slope;
  const s2 = data.noise * data.noise;
  const alpha1 = m4 - 1;
  const alpha3 = k * k * alpha1 + s2;
  return { beta1: 1, beta2: k, alpha1, alpha2: k * alpha1, alpha3, delta: alpha1 * s2 };
}

/**
 * $g(v) = \alpha_1 v^2 - 2\alpha_2 v + \alpha_3$: the per-sample variance of $\partial_v \ell / 2$ at v, so that
 * the gradient noise of the loss $(v x - y)^2$ has variance $4 g(v)$ per sample.
 *
 * @example noiseG(dataMoments(data), 1)
 */
export function noiseG(m: DataMoments, v: number): number {
  return m.alpha1 * v * v - 2 * m.alpha2 * v + m.alpha3;
}
