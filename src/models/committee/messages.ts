/**
 * The committee model's own user-facing messages (the shared ones live in src/core/messages.ts): a model
 * folder keeps its messages beside its code, so adding a model touches no file outside its folder.
 */
export const committeeMessages = {
  readout: '"mean", "sum" or a list of second-layer weights',
  init: '{ "random": true, "scale": number > 0 } or { "Q": [[...]], "M": [[...]], "P": [[...]] }',
  readoutLength: (width: number) => `a list of width = ${width} numbers`,
  matrixShape: (rows: number, cols: number) =>
    `a ${rows}×${cols} matrix (a list of ${rows} rows of ${cols} numbers)`,
  symmetric: (name: string) => `a symmetric matrix ${name}`,
  gramPsd:
    "Q, M, P whose joint Gram matrix [[Q, M], [Mᵀ, P]] is positive semidefinite (they must be overlaps of real weight vectors)",
  dimension: (min: number) => `d >= p + k = ${min} (the weights span up to p + k directions)`,
  fullTooLarge: (max: number) =>
    `(p + k) d <= ${max} with simulation "full" (use "dimension-free", which is exact in law at any d)`,
  conventionActivation: (convention: string, allowed: readonly string[]) =>
    `an activation the ${convention} equations are written for (${allowed.join(", ")})`,
  conventionReadout: (convention: string) =>
    `trainReadout = false: the ${convention} convention trains the first layer only`,
  agreementPaired:
    "committee: agreement on eg compares each run with the ODE started from that run's own initial overlaps (paired differences)",
} as const;
