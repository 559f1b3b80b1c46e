import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";
import {
  type DuckDBConnection,
  type DuckDBValue,
  jsToDuckDBValue,
  LIST,
  listValue,
  TIMESTAMPTZ,
  VARCHAR,
} from "@duckdb/node-api";
import type { ExperimentRecord, Provenance } from "../experiment/record.js";
import {
  AmbiguousRunIdError,
  appendScalars,
  appendSeries,
  newRunId,
  type Row,
  recordJson,
  rows,
  specHash,
  transaction,
  withDatabase,
} from "./store-schema.js";

export { AmbiguousRunIdError, StoreLockedError, specHash } from "./store-schema.js";

/** One line of `sgdlab runs`: a run's identity, status and scalars, without its series. */
export interface RunSummary {
  id: string;
  experiment: string;
  specHash: string;
  /** `"running"` until finished; then the record status, or `"interrupted"` / `"failed"`. */
  status: string;
  /** Why a run was interrupted or failed, or the record's messages joined; `null` when none. */
  message: string | null;
  startedAt: string;
  /** Set only when the run finished (an aborted run keeps `null`). */
  finishedAt: string | null;
  /** Wall-clock seconds from start to finish; `null` unless finished. */
  seconds: number | null;
  scalars: Record<string, number>;
}

/** One point of a stored series (the long form of `record.series`). */
export interface SeriesRow {
  source: string;
  statistic: string;
  t: number;
  value: number;
  stderr: number | null;
}

/** Options of {@link RunStore.open}. */
export interface RunStoreOptions {
  /** How long to retry while another process holds the database (default 5000 ms). */
  lockTimeoutMs?: number;
  /** Also mark "running" rows older than this as interrupted on open (default: only dead processes). */
  staleAfterMs?: number;
}

/** The default database file, relative to the working directory. */
export const DEFAULT_DB_PATH = ".sgdlab/runs.duckdb";

const SUMMARY_COLUMNS = "id, experiment, spec_hash, status, message, started_at, finished_at";

/**
 * The results store: every run in an embedded DuckDB file (default `./.sgdlab/runs.duckdb`).
 *
 * A run is inserted as `"running"` before it starts ({@link RunStore.begin}) and completed in one
 * transaction ({@link RunStore.finish}), so a crash leaves a valid database whose row still says
 * `"running"` with `finishedAt` null; {@link RunStore.markStale} (called on open) then marks it
 * `"interrupted"` once its process is gone. The store opens the file only for the duration of each
 * operation, so several sgdlab processes can share it: DuckDB admits one process at a time, and an
 * operation that finds the file locked retries for `lockTimeoutMs` before throwing
 * {@link StoreLockedError}, which names the file and suggests `--db`.
 *
 * @example
 * const store = await RunStore.open();
 * const id = await store.begin(spec, provenance, "spiked-tensor");
 * await store.finish(id, record);
 * console.log(await store.list({ limit: 10 }));
 */
export class RunStore {
  private closed = false;

  private constructor(
    /** Absolute path of the database file. */
    readonly path: string,
    private readonly lockTimeoutMs: number,
  ) {}

  /**
   * Open (creating the folder, the file and the tables if needed) and mark stale runs interrupted.
   *
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
   * Insert a run with status `"running"` before it starts; returns its new id.
   *
   * @example const id = await store.begin({ model: { k: 3 } }, provenance, "spiked-tensor", "0.1.0");
   */
  async begin(
    spec: Record<string, unknown>,
    provenance: Provenance,
    experiment: string,
    sgdlabVersion: string | null = null,
  ): Promise<string> {
    const id = newRunId();
    const parsed = new Date(provenance.startedAt);
    const startedAt = Number.isNaN(parsed.getTime()) ? new Date() : parsed;
    const row: Record<string, DuckDBValue> = {
      id,
      experiment,
      spec_hash: specHash(spec),
      spec: JSON.stringify(spec),
      sgdlab_version: sgdlabVersion,
      git_commit: provenance.commit,
      node_version: provenance.node,
      platform: provenance.platform,
      pid: process.pid,
      hostname: hostname(),
      status: "running",
      started_at: timestamp(startedAt),
    };
    const names = Object.keys(row);
    const sql = `INSERT INTO runs (${names.join(", ")}) VALUES (${names.map((n) => `$${n}`).join(", ")})`;
    await this.use((c) => c.run(sql, row));
    return id;
  }

  /**
   * Complete a run in one transaction: the record JSON, its status, scalars, series and `finishedAt`.
   * Throws if the run is unknown or already finished. Non-finite numbers become `null` in the record JSON
   * (JSON has no NaN) but keep their value in {@link RunStore.seriesTable} and the summary's scalars.
   *
   * @example await store.finish(id, record);
   */
  async finish(id: string, record: ExperimentRecord): Promise<void> {
    await this.use((c) =>
      transaction(c, async () => {
        const found = await rows(c, "SELECT finished_at FROM runs WHERE id = $1", [id]);
        if (found.length === 0) throw new Error(`No run ${id} in ${this.path}`);
        if (found[0].finished_at !== null) throw new Error(`Run ${id} is already finished`);
        const message = record.messages.length > 0 ? record.messages.join("; ") : null;
        await c.run(
          `UPDATE runs SET status = $2, message = $3, record = $4, sgdlab_version = $5, finished_at = $6,
            ended_at = $6 WHERE id = $1`,
          [id, record.status, message, recordJson(record), record.sgdlab, timestamp(new Date())],
        );
        await appendScalars(c, id, record.scalars);
        await appendSeries(c, id, record.series);
      }),
    );
  }

  /**
   * Mark a run that did not finish: `"interrupted"` (a signal) or `"failed"` (an exception), with a message.
   * Only a row still `"running"` changes; returns whether it did.
   *
   * @example process.once("SIGINT", () => store.abort(id, "interrupted", "SIGINT"));
   */
  async abort(id: string, status: "interrupted" | "failed", message: string): Promise<boolean> {
    if (status !== "interrupted" && status !== "failed") {
      throw new Error(`abort status must be "interrupted" or "failed", not ${JSON.stringify(status)}`);
    }
    const changed = await this.use((c) =>
      rows(
        c,
        "UPDATE runs SET status = $2, message = $3, ended_at = $4 WHERE id = $1 AND status = 'running' RETURNING id",
        [id, status, message, timestamp(new Date())],
      ),
    );
    return changed.length > 0;
  }

  /**
   * Mark `"running"` rows as `"interrupted"` when their process (same host) is gone, or, given
   * `olderThanMs`, when they started longer ago than that. Returns the ids marked.
   *
   * @example await store.markStale({ olderThanMs: 7 * 24 * 3600e3 })
   */
  async markStale(options: { olderThanMs?: number } = {}): Promise<string[]> {
    const cutoff = options.olderThanMs === undefined ? null : Date.now() - options.olderThanMs;
    return this.use(async (c) => {
      const running = await rows(
        c,
        "SELECT id, pid, hostname, started_at FROM runs WHERE status = 'running'",
      );
      const marked: string[] = [];
      for (const row of running) {
        const reason = staleReason(row, cutoff);
        if (reason === null) continue;
        await c.run(
          "UPDATE runs SET status = 'interrupted', message = $2, ended_at = $3 WHERE id = $1 AND status = 'running'",
          [row.id as string, reason, timestamp(new Date())],
        );
        marked.push(row.id as string);
      }
      return marked;
    });
  }

  /**
   * Past runs, newest first, optionally of one experiment and at most `limit` of them.
   *
   * @example for (const run of await store.list({ limit: 20 })) console.log(run.id, run.status);
   */
  async list(options: { limit?: number; experiment?: string } = {}): Promise<RunSummary[]> {
    const where = options.experiment === undefined ? "" : "WHERE experiment = $2";
    const params: DuckDBValue[] = [options.limit ?? null];
    if (options.experiment !== undefined) params.push(options.experiment);
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM runs ${where} ORDER BY started_at DESC, id DESC LIMIT $1`;
    return this.use((c) => summaries(c, sql, params));
  }

  /**
   * The summary of one run, by full id or unique prefix; `null` when none matches. Shows unfinished runs,
   * for which {@link RunStore.get} has no record.
   *
   * @example await store.summary("mb3k")
   */
  async summary(idOrPrefix: string): Promise<RunSummary | null> {
    return this.use(async (c) => {
      const id = await resolveId(c, idOrPrefix);
      if (id === null) return null;
      const found = await summaries(c, `SELECT ${SUMMARY_COLUMNS} FROM runs WHERE id = $1`, [id]);
      return found[0] ?? null;
    });
  }

  /**
   * The record of a finished run, by full id or unique prefix; `null` for an unknown id or a run that did
   * not finish. Throws {@link AmbiguousRunIdError} for a prefix of several runs.
   *
   * @example const record = await store.get("mb3k");
   */
  async get(idOrPrefix: string): Promise<ExperimentRecord | null> {
    return this.use(async (c) => {
      const id = await resolveId(c, idOrPrefix);
      if (id === null) return null;
      const found = await rows(c, "SELECT record FROM runs WHERE id = $1", [id]);
      const text = found[0]?.record;
      return typeof text === "string" ? (JSON.parse(text) as ExperimentRecord) : null;
    });
  }

  /**
   * The stored series of a run in long form, ordered by source, statistic and index; NaN kept.
   *
   * @example const points = await store.seriesTable(id); // [{ source: "ode", statistic: "m", t: 0, ... }]
   */
  async seriesTable(idOrPrefix: string): Promise<SeriesRow[]> {
    return this.use(async (c) => {
      const id = await resolveId(c, idOrPrefix);
      if (id === null) return [];
      const sql = `SELECT source, statistic, t, value, stderr FROM series WHERE run_id = $1
        ORDER BY source, statistic, idx`;
      return (await rows(c, sql, [id])) as unknown as SeriesRow[];
    });
  }

  /** Wait for this process's pending operations on the file, then refuse further ones. */
  async close(): Promise<void> {
    await this.use(async () => undefined);
    this.closed = true;
  }

  private use<T>(task: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`The results store ${this.path} is closed`));
    return withDatabase(this.path, this.lockTimeoutMs, task);
  }
}

function timestamp(date: Date): DuckDBValue {
  return jsToDuckDBValue(date, TIMESTAMPTZ);
}

function staleReason(row: Row, cutoff: number | null): string | null {
  const pid = row.pid as number | null;
  if (row.hostname === hostname() && pid !== null && !processAlive(pid)) {
    return `process ${pid} on ${row.hostname} ended without finishing the run`;
  }
  const startedAt = (row.started_at as Date).getTime();
  if (cutoff !== null && startedAt < cutoff)
    return `still "running" ${Math.round((Date.now() - startedAt) / 1000)} s after its start`;
  return null;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function resolveId(c: DuckDBConnection, prefix: string): Promise<string | null> {
  if (prefix.length === 0) return null;
  const found = await rows(c, "SELECT id FROM runs WHERE starts_with(id, $1) ORDER BY id LIMIT 10", [prefix]);
  const ids = found.map((row) => row.id as string);
  if (ids.length === 0) return null;
  if (ids.length === 1 || ids.includes(prefix)) return ids.length === 1 ? ids[0] : prefix;
  throw new AmbiguousRunIdError(prefix, ids);
}

async function summaries(c: DuckDBConnection, sql: string, params: DuckDBValue[]): Promise<RunSummary[]> {
  const runs = await rows(c, sql, params);
  if (runs.length === 0) return [];
  const ids = runs.map((run) => run.id as string);
  const scalarRows = await rows(
    c,
    "SELECT run_id, name, value FROM scalars WHERE list_contains($1, run_id)",
    [listValue(ids)],
    [LIST(VARCHAR)],
  );
  return runs.map((run) => {
    const startedAt = run.started_at as Date;
    const finishedAt = run.finished_at as Date | null;
    const scalars: Record<string, number> = {};
    for (const s of scalarRows) if (s.run_id === run.id) scalars[s.name as string] = s.value as number;
    return {
      id: run.id as string,
      experiment: run.experiment as string,
      specHash: run.spec_hash as string,
      status: run.status as string,
      message: run.message as string | null,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt === null ? null : finishedAt.toISOString(),
      seconds: finishedAt === null ? null : (finishedAt.getTime() - startedAt.getTime()) / 1000,
      scalars,
    };
  });
}
