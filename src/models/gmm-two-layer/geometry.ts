/** The two tasks: a binary mixture `±mu` or an XOR mixture (`±mu` labelled 1, `±nu` labelled 0). */
export type GmmTask = "binary" | "xor";

/** Parameters of the Gaussian-mixture two-layer model (science/01 §3). */
export interface GmmParams {
  task: GmmTask;
  /** Hidden units. */
  K: number;
  /** Signal-to-noise ratio lambda: the noise covariance is I/snr. */
  snr: number;
  /** Ridge alpha. */
  ridge: number;
}

/**
 * One mixture component: probability `p`, label `y`, mean `a_mu mu + a_nu nu`.
 * Binary: `(1/2, 1, +mu)`, `(1/2, 0, -mu)`. XOR: `(1/4, 1, ±mu)`, `(1/4, 0, ±nu)`.
 */
export interface Component {
  p: number;
  y: number;
  aMu: number;
  aNu: number;
}

const binary: readonly Component[] = [
  { p: 0.5, y: 1, aMu: 1, aNu: 0 },
  { p: 0.5, y: 0, aMu: -1, aNu: 0 },
];
const xor: readonly Component[] = [
  { p: 0.25, y: 1, aMu: 1, aNu: 0 },
  { p: 0.25, y: 1, aMu: -1, aNu: 0 },
  { p: 0.25, y: 0, aMu: 0, aNu: 1 },
  { p: 0.25, y: 0, aMu: 0, aNu: -1 },
];

/** The mixture components of a task. */
export function components(task: GmmTask): readonly Component[] {
  return task === "binary" ? binary : xor;
}

/** Number of mean directions: 1 (mu) for binary, 2 (mu, nu) for XOR. */
export function meanDirections(task: GmmTask): number {
  return task === "binary" ? 1 : 2;
}

/**
 * Offsets of each block in the statistics vector `u = [v, mMu, mNu (XOR), RPerp (upper triangle)]`:
 * length `2K + K(K+1)/2` (binary) or `3K + K(K+1)/2` (XOR).
 */
export interface StateLayout {
  K: number;
  v: number;
  mMu: number;
  /** -1 for the binary task. */
  mNu: number;
  rPerp: number;
  size: number;
}

/** The layout of the statistics vector of a task and width. */
export function stateLayout(task: GmmTask, K: number): StateLayout {
  const mNu = task === "xor" ? 2 * K : -1;
  const rPerp = task === "xor" ? 3 * K : 2 * K;
  return { K, v: 0, mMu: K, mNu, rPerp, size: rPerp + (K * (K + 1)) / 2 };
}

/** Index of `RPerp_ij` (any order of i, j) in the packed upper triangle, row by row. */
export function packedIndex(K: number, i: number, j: number): number {
  const a = Math.min(i, j);
  const b = Math.max(i, j);
  return a * K - (a * (a - 1)) / 2 + (b - a);
}

/**
 * Statistic names of the state, 1-based as in the paper: `v_1 … v_K`, `mMu_1 …`, `mNu_1 …` (XOR),
 * `RPerp_1_1, RPerp_1_2, …` (i <= j).
 *
 * @example stateNames("binary", 2) // ["v_1","v_2","mMu_1","mMu_2","RPerp_1_1","RPerp_1_2","RPerp_2_2"]
 */
export function stateNames(task: GmmTask, K: number): string[] {
  const idx = Array.from({ length: K }, (_, i) => i + 1);
  const names = [...idx.map((i) => `v_${i}`), ...idx.map((i) => `mMu_${i}`)];
  if (task === "xor") names.push(...idx.map((i) => `mNu_${i}`));
  for (let i = 1; i <= K; i++) for (let j = i; j <= K; j++) names.push(`RPerp_${i}_${j}`);
  return names;
}

/** Per-run statistics: test `loss`, test `accuracy`, then the state. */
export function gmmStatisticNames(task: GmmTask, K: number): string[] {
  return ["loss", "accuracy", ...stateNames(task, K)];
}
