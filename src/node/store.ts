import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";
import { type DuckDBConnection, type DuckDBValue, jsToDuckDBValue, TIMESTAMPTZ } from "@duckdb/node-api";
import type { ExperimentRecord, Provenance } from "../experiment/record.js";
import * as db from "./store-schema.js";

export { AmbiguousRunIdError, StoreLockedError, specHash } from "./store-schema.js";

/** One line of `sgdlab runs`: a run's identity, status and scalars, without its series. */
export interface RunSummary {
  id: string;
  experiment: string;
  specHash: string;
  /** `"running"` until finished; then the record status, or `"interrupted"` / `"failed"`. */
  status: string;
  /** Why the run was interrupted or failed, or the record's messages joined by "; ". */
  message: string | null;
  startedAt: string;
  /** Finish time and wall-clock seconds since the start; `null` unless finished (aborted runs too). */
  finishedAt: string | null;
  seconds: number | null;
  scalars: Record<string, number>;
  /** What tells runs of one experiment apart: the spec's `analysis` and `title`, when it has them. */
  label: string;
}

/** One point of a stored series: the long form of `record.series`. */
export interface SeriesRow {
  source: string;
  statistic: string;
  t: number;
  value: number;
  stderr: number | null;
}

/** Options of {@link RunStore.open}. */
export interface RunStoreOptions {
  /** How long an operation retries while another process holds the file (default 5000 ms). */
  lockTimeoutMs?: number;
  /** On open, also mark "running" rows older than this as interrupted (default: only dead processes). */
  staleAfterMs?: number;
}

/** The default database file, relative to the working directory. */
export const DEFAULT_DB_PATH = ".sgdlab/runs.duckdb";

/**
 * The results store: every run in an embedded DuckDB file, by default `./.sgdlab/runs.duckdb`.
 *
 * A run is inserted as `"running"` before it starts and completed in one transaction, so a crash leaves a
 * valid file whose row says `"running"` with `finishedAt` null until {@link RunStore.markStale} (run on
 * open) sees its process gone and marks it `"interrupted"`. The file is opened only during an operation,
 * so several sgdlab processes share it: DuckDB admits one process at a time, and one that finds the file
 * locked retries for `lockTimeoutMs`, then throws {@link StoreLockedError} (naming it, suggesting --db).
 *
 * @example
 * const store = await RunStore.open();
 * const id = await store.begin(record.spec, provenance, "spiked-tensor");
 * await store.finish(id, record);
 * console.table(await store.list({ limit: 10 }));
 */
export class RunStore {
  private closed = false;

  private constructor(
    /** Absolute path of the database file. */
    readonly path: string,
    private readonly lockTimeoutMs: number,
  ) {}

  /**
   * Open the store, creating the folder, file and tables if needed, and mark stale runs interrupted.
   * @example const store = await RunStore.open("/tmp/runs.duckdb", { lockTimeoutMs: 1000 });
   */
  static async open(path: string = DEFAULT_DB_PATH, options: RunStoreOptions = {}): Promise<RunStore> {
    const absolute = resolve(path);
    mkdirSync(dirname(absolute), { recursive: true });
    const store = new RunStore(absolute, options.lockTimeoutMs ?? 5000);
    await store.markStale({ olderThanMs: options.staleAfterMs });
    return store;
  }

  /**
   * Insert a run with status `"running"` (with this process's pid and host) before it starts; returns its id.
   * @example const id = await store.begin({ model: { k: 3 } }, provenance, "spiked-tensor", "0.1.0");
   */
  async begin(spec: Record<string, unknown>, provenance: Provenance, experiment: string, sgdlab?: string) {
    const id = db.newRunId();
    const row: Record<string, DuckDBValue> = {
      id,
      experiment,
      spec_hash: db.specHash(spec),
      spec: JSON.stringify(spec),
      sgdlab_version: sgdlab ?? null,
      git_commit: provenance.commit,
      node_version: provenance.node,
      platform: provenance.platform,
      pid: process.pid,
      hostname: hostname(),
      status: "running",
      started_at: timestamp(new Date(Date.parse(provenance.startedAt) || Date.now())),
    };
    const names = Object.keys(row);
    const sql = `INSERT INTO runs (${names.join()}) VALUES (${names.map((n) => `$${n}`).join()})`;
    await this.use((c) => c.run(sql, row));
    return id;
  }

  /**
   * In one transaction, store a run's record JSON, status, scalars, series and `finishedAt`; throws if it is
   * unknown or already finished. JSON has no NaN: non-finite numbers are `null` in the stored record (as
   * `JSON.stringify` writes them) but keep their values in the series and scalars tables.
   * @example await store.finish(id, record);
   */
  async finish(id: string, record: ExperimentRecord): Promise<void> {
    const sql = `UPDATE runs SET status = $2, message = $3, record = $4, sgdlab_version = $5,
      finished_at = $6, ended_at = $6 WHERE id = $1`;
    const message = record.messages.length > 0 ? record.messages.join("; ") : null;
    const scalars = Object.entries(record.scalars).map(([name, x]) => [id, name, x]);
    await this.use((c) =>
      db.transaction(c, async () => {
        const found = await db.rows(c, "SELECT finished_at FROM runs WHERE id = $1", [id]);
        if (found.length === 0) throw new Error(`No run ${id} in ${this.path}`);
        if (found[0].finished_at !== null) throw new Error(`Run ${id} is already finished`);
        const now = timestamp(new Date());
        await c.run(sql, [id, record.status, message, JSON.stringify(record), record.sgdlab, now]);
        await db.appendRows(c, "scalars", scalars);
        await db.appendRows(c, "series", db.seriesRows(id, record.series));
      }),
    );
  }

  /**
   * Mark a run that did not finish: `"interrupted"` (a signal) or `"failed"` (an exception), with a message.
   * Only a row still `"running"` changes (a finished run is never touched); returns whether it did.
   * @example process.once("SIGINT", () => store.abort(id, "interrupted", "SIGINT"));
   */
  async abort(id: string, status: "interrupted" | "failed", message: string): Promise<boolean> {
    if (status !== "interrupted" && status !== "failed") {
      throw new Error(`abort status must be "interrupted" or "failed", not ${JSON.stringify(status)}`);
    }
    return this.use(async (c) => (await setStatus(c, id, status, message)).length > 0);
  }

  /**
   * Mark `"running"` rows `"interrupted"` when their process (on this host) is gone or, given
   * `olderThanMs`, when they started longer ago than that. Returns the ids marked.
   * @example await store.markStale({ olderThanMs: 7 * 24 * 3600e3 }) // ["mb3k9x2a7q0zt"]
   */
  async markStale(options: { olderThanMs?: number } = {}): Promise<string[]> {
    const cutoff = options.olderThanMs === undefined ? null : Date.now() - options.olderThanMs;
    return this.use(async (c) => {
      const marked: string[] = [];
      for (const row of await db.rows(c, "SELECT * FROM runs WHERE status = 'running'")) {
        const reason = db.staleReason(row, hostname(), cutoff);
        if (reason !== null && (await setStatus(c, row.id as string, "interrupted", reason)).length > 0) {
          marked.push(row.id as string);
        }
      }
      return marked;
    });
  }

  /**
   * Past runs, newest first, optionally of one experiment only and at most `limit` of them.
   * @example for (const run of await store.list({ limit: 20 })) console.log(run.id, run.status);
   */
  async list(options: { limit?: number; experiment?: string } = {}): Promise<RunSummary[]> {
    const where = options.experiment === undefined ? "" : "WHERE experiment = $2";
    const params = [options.limit ?? null, ...(options.experiment === undefined ? [] : [options.experiment])];
    const sql = `${db.SUMMARY_SQL} ${where} ORDER BY started_at DESC, id DESC LIMIT $1`;
    return this.use(async (c) => (await db.rows(c, sql, params)).map(toSummary));
  }

  /**
   * One run's summary, by id or unique prefix (`null` if none): also for runs that have no record.
   * @example (await store.summary("mb3k"))?.status // "interrupted"
   */
  async summary(idOrPrefix: string): Promise<RunSummary | null> {
    return this.byId(idOrPrefix, null, async (c, id) =>
      toSummary((await db.rows(c, `${db.SUMMARY_SQL} WHERE id = $1`, [id]))[0]),
    );
  }

  /**
   * The record of a finished run, by full id or unique prefix; `null` for an unknown id or a run that did
   * not finish. Throws `AmbiguousRunIdError` for a prefix of several runs.
   * @example const record = await store.get("mb3k");
   */
  async get(idOrPrefix: string): Promise<ExperimentRecord | null> {
    return this.byId(idOrPrefix, null, async (c, id) => {
      const text = (await db.rows(c, "SELECT record FROM runs WHERE id = $1", [id]))[0].record;
      return typeof text === "string" ? (JSON.parse(text) as ExperimentRecord) : null;
    });
  }

  /**
   * A run's series in long form, ordered by source, statistic and index, NaN included; `[]` if unknown.
   * @example (await store.seriesTable(id)).filter((p) => p.statistic === "m")
   */
  async seriesTable(idOrPrefix: string): Promise<SeriesRow[]> {
    const sql = `SELECT source, statistic, t, value, stderr FROM series WHERE run_id = $1
      ORDER BY source, statistic, idx`;
    return this.byId(idOrPrefix, [], (c, id) => db.rows<SeriesRow>(c, sql, [id]));
  }

  /** Wait for this process's pending operations on the file, then refuse new ones. */
  async close(): Promise<void> {
    await this.use(async () => undefined);
    this.closed = true;
  }

  private use<T>(task: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`The results store ${this.path} is closed`));
    return db.withDatabase(this.path, this.lockTimeoutMs, task);
  }

  private byId<T>(prefix: string, none: T, task: (c: DuckDBConnection, id: string) => Promise<T>) {
    return this.use(async (c) => {
      const id = await db.resolveId(c, prefix);
      return id === null ? none : task(c, id);
    });
  }
}

function timestamp(date: Date): DuckDBValue {
  return jsToDuckDBValue(date, TIMESTAMPTZ);
}

/** Set the status of a run that is still running; returns the ids changed (none or one). */
function setStatus(c: DuckDBConnection, id: string, status: string, message: string) {
  const sql = `UPDATE runs SET status = $2, message = $3, ended_at = $4 WHERE id = $1 AND status = 'running'
    RETURNING id`;
  return db.rows(c, sql, [id, status, message, timestamp(new Date())]);
}

function toSummary(row: db.Row): RunSummary {
  const [startedAt, finishedAt] = [row.started_at as Date, row.finished_at as Date | null];
  return {
    id: row.id as string,
    experiment: row.experiment as string,
    specHash: row.spec_hash as string,
    status: row.status as string,
    message: row.message as string | null,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt?.toISOString() ?? null,
    seconds: finishedAt === null ? null : (finishedAt.getTime() - startedAt.getTime()) / 1000,
    scalars: Object.fromEntries((row.names as string[]).map((name, i) => [name, (row.vals as number[])[i]])),
    label: labelOf(row.spec as string),
  };
}

function labelOf(specJson: string): string {
  const spec = JSON.parse(specJson) as { analysis?: unknown; title?: unknown };
  return [spec.analysis, spec.title].filter((v) => typeof v === "string" && v !== "").join(" · ");
}
