/** The label of a teacher from `hStar = w*·x/sqrt(d)` and a standard normal `eps` (science/02 §1). */
export function glmLabel(teacher: "linear" | "sign", sigma: number): (hStar: number, eps: number) => number {
  return teacher === "sign" ? (h) => (h >= 0 ? 1 : -1) : (h, eps) => h + sigma * eps;
}

/** Names of the recorded statistics: the sign teacher adds the train error. */
export function glmStatisticNames(teacher: "linear" | "sign"): string[] {
  const names = ["m", "q", "cosine", "testError", "trainLoss"];
  return teacher === "sign" ? [...names, "trainError"] : names;
}

/** Variance of hStar for a spectrum, `rho = Σ_k p_k s_k` (1 for isotropic data). */
export function glmRho(spectrum: readonly { s: number; p: number }[]): number {
  return spectrum.reduce((a, l) => a + l.p * l.s, 0);
}

/** Cosine between student and teacher in the data metric, `m/sqrt(q rho)` (0 when q = 0). */
export function glmCosine(m: number, q: number, rho: number): number {
  return q > 0 ? m / Math.sqrt(q * rho) : 0;
}

/**
 * Test error from the overlaps `m = wᵀΣ w* / d`, `q = wᵀΣw/d`: the excess error `(rho - 2m + q)/2` of the
 * linear teacher, the classification error `arccos(cosine)/pi` of the sign teacher.
 */
export function glmTestError(teacher: "linear" | "sign", m: number, q: number, rho: number): number {
  if (teacher === "linear") return (rho - 2 * m + q) / 2;
  return Math.acos(Math.max(-1, Math.min(1, glmCosine(m, q, rho)))) / Math.PI;
}
