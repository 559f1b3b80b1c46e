import type { Status } from "../core/status.js";

/** One tidy time series: a source (simulation or a theory) with values per statistic on its own grid. */
export interface Series {
  /** `"simulation"` or the name of a theory (`"ode"`, `"gradient-flow"`, `"diffusive"`, ...). */
  source: string;
  /** Effective time, in the convention of the model's README. */
  t: number[];
  /** Statistic name -> value at each `t` (simulation: the mean over runs). */
  values: Record<string, number[]>;
  /** Statistic name -> standard error of the mean at each `t` (simulation only). */
  stderr?: Record<string, number[]>;
  /** Number of runs averaged (simulation only). */
  runs?: number;
}

/** What an agreement check concluded (see `verdictOf` in src/experiment/power.ts). */
export type Verdict = "agrees" | "underpowered" | "disagrees";

/** Simulation mean against one theory for one statistic, measured at the record points. */
export interface AgreementEntry {
  /** Largest |simulation mean - theory| over the common record points. */
  maxAbs: number;
  /** Time at which the largest gap occurs. */
  at: number;
  /** The derived tolerance at `at`, the point of the largest gap (see the model README for its derivation). */
  tolerance: number;
  /**
   * The smallest gap `|E[simulation] − theory|` the check detects at its confidence, at `at`:
   * `tolerance + t(runs) × se` (docs/record.md). Always set in a record (`judgeAgreement`).
   */
  detectable?: number;
  /** Every compared point is within its own tolerance (so `pass` can be false while `maxAbs <= tolerance`). */
  pass: boolean;
  /**
   * The scale `detectable` is judged against: the statistic's range over the record, or, for a statistic
   * that its theory holds constant (a fixed point, a symmetry: the range is then only noise), the natural
   * scale the model sets before judging and derives in its README (e.g. one run's standard deviation of a
   * coordinate pinned at 0). Always set in a record (`judgeAgreement`).
   */
  scale?: number;
  /** `pass` with its power: "agrees", "underpowered" (detectable > 10% of `scale`) or "disagrees". */
  verdict?: Verdict;
  /** Gap at the last record point. */
  final: number;
}

/** A column-oriented table: column name -> values (all columns have the same length). */
export type Table = Record<string, (number | string)[]>;

/** A histogram of a simulated quantity next to a theory density on the same bins. */
export interface Distribution {
  edges: number[];
  simulation: number[];
  theory?: number[];
}

export interface Provenance {
  commit: string | null;
  node: string;
  platform: string;
  startedAt: string;
}

/**
 * The result of one experiment: plain JSON, the contract scripts rely on (see docs/record.md).
 */
export interface ExperimentRecord {
  sgdlab: string;
  provenance: Provenance;
  /** The normalised spec, all defaults filled in. */
  spec: Record<string, unknown>;
  status: Status;
  messages: string[];
  series: Series[];
  scalars: Record<string, number>;
  tables: Record<string, Table>;
  distributions: Record<string, Distribution>;
  /** statistic -> theory source -> agreement. */
  agreement: Record<string, Record<string, AgreementEntry>>;
  timing: Record<string, number>;
}
