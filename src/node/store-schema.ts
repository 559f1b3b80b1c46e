import { createHash, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { messages } from "../core/messages.js";
import type { ExperimentRecord } from "../experiment/record.js";

/**
 * Version of the tables below; bump it (and add a migration) whenever they change. Version 2 added the
 * sweep tables (`points`, `sweeps`, `sweep_points`): the statements below create them in a version-1 file.
 */
export const SCHEMA_VERSION = 2;

/**
 * The schema, idempotent (`CREATE TABLE IF NOT EXISTS`). `runs`: one row per run, inserted as `"running"`
 * before it starts; `record` is the {@link ExperimentRecord} as JSON text (non-finite numbers as `null`);
 * `finished_at` is set by a finish only, `ended_at` by a finish or an abort. `scalars` and `series` (long
 * form, one row per source, statistic and index) hold DOUBLEs, NaN and infinities included.
 */
export const SCHEMA_DDL: readonly string[] = [
  "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL)",
  `CREATE TABLE IF NOT EXISTS runs (
    id VARCHAR PRIMARY KEY, experiment VARCHAR NOT NULL, spec_hash VARCHAR NOT NULL, spec VARCHAR NOT NULL,
    sgdlab_version VARCHAR, git_commit VARCHAR, node_version VARCHAR, platform VARCHAR,
    pid INTEGER, hostname VARCHAR, status VARCHAR NOT NULL, message VARCHAR,
    started_at TIMESTAMPTZ NOT NULL, finished_at TIMESTAMPTZ, ended_at TIMESTAMPTZ, record VARCHAR)`,
  "CREATE TABLE IF NOT EXISTS scalars (run_id VARCHAR NOT NULL, name VARCHAR NOT NULL, value DOUBLE)",
  `CREATE TABLE IF NOT EXISTS series (run_id VARCHAR NOT NULL, source VARCHAR NOT NULL,
    statistic VARCHAR NOT NULL, idx INTEGER NOT NULL, t DOUBLE, value DOUBLE, stderr DOUBLE)`,
  // Sweeps (issue 11): a finished point by its content key, linked to the run that computed it; a sweep's
  // plan (its points' keys and axis values in sweep_points). See src/node/sweep/point-store.ts.
  `CREATE TABLE IF NOT EXISTS points (key VARCHAR PRIMARY KEY, experiment VARCHAR NOT NULL,
    spec VARCHAR NOT NULL, sgdlab_version VARCHAR NOT NULL, git_commit VARCHAR, run_id VARCHAR,
    status VARCHAR NOT NULL, summary VARCHAR NOT NULL, finished_at TIMESTAMPTZ NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS sweeps (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, plan VARCHAR NOT NULL,
    created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS sweep_points (sweep_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    key VARCHAR NOT NULL, params VARCHAR NOT NULL)`,
];

/** Runs with their scalars as two parallel lists (names, vals); append WHERE / ORDER BY / LIMIT. */
export const SUMMARY_SQL = `SELECT id, experiment, spec_hash, status, message, started_at, finished_at, spec,
  coalesce(names, []) AS names, coalesce(vals, []) AS vals FROM runs LEFT JOIN (
    SELECT run_id, list(name ORDER BY name) AS names, list(value ORDER BY name) AS vals
    FROM scalars GROUP BY run_id) ON run_id = id`;

/** The database is held by another process for longer than the store waited. */
export class StoreLockedError extends Error {
  override readonly name = "StoreLockedError";
  constructor(
    readonly path: string,
    readonly holderPid: number | null,
    waitedMs: number,
  ) {
    const holder = holderPid === null ? "" : `; held by PID ${holderPid}`;
    super(`${messages.dbLocked(path)} (waited ${waitedMs} ms${holder})`);
  }
}

/** A run-id prefix that matches more than one run. */
export class AmbiguousRunIdError extends Error {
  override readonly name = "AmbiguousRunIdError";
  constructor(
    readonly prefix: string,
    readonly matches: readonly string[],
  ) {
    super(`Run id prefix "${prefix}" is ambiguous: it matches ${matches.join(", ")}. Give more characters.`);
  }
}

/**
 * The holder's PID if `error` is DuckDB's lock conflict (`null` if it names none), else `undefined`. DuckDB
 * 1.5 throws `IO Error: Could not set lock on file "<path>": Conflicting lock is held in <exe> (PID <n>)`
 * while another process has the file open, for read-write and read-only opens alike.
 * @example lockHolder(new Error('Could not set lock on file "x": Conflicting lock ... (PID 42)')) // 42
 */
export function lockHolder(error: unknown): number | null | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (!/Could not set lock on file|Conflicting lock/i.test(message)) return undefined;
  const pid = /PID (\d+)/.exec(message);
  return pid ? Number(pid[1]) : null;
}

/**
 * The full id for an id or unique prefix, `null` if none matches; throws {@link AmbiguousRunIdError}.
 *
 * @example await resolveId(c, "mb3k") // "mb3k9x2a7q0zt"
 */
export async function resolveId(c: DuckDBConnection, prefix: string): Promise<string | null> {
  const sql = "SELECT id FROM runs WHERE $1 <> '' AND starts_with(id, $1) ORDER BY id LIMIT 10";
  const ids = (await rows(c, sql, [prefix])).map((row) => row.id as string);
  if (ids.length <= 1) return ids[0] ?? null;
  if (ids.includes(prefix)) return prefix;
  throw new AmbiguousRunIdError(prefix, ids);
}

/**
 * Why a `"running"` row is stale (its process on this host is gone, or it started before `cutoff`, in ms),
 * or `null`. A pid reused by another process keeps the row "running" until an age limit catches it.
 * @example staleReason({ pid: 123, hostname: "box", started_at: new Date() }, "box", null)
 */
export function staleReason(row: Row, host: string, cutoff: number | null): string | null {
  const [pid, startedAt] = [row.pid as number | null, (row.started_at as Date).getTime()];
  if (row.hostname === host && pid !== null && !processAlive(pid)) {
    return `process ${pid} on ${host} ended without finishing the run`;
  }
  if (cutoff === null || startedAt >= cutoff) return null;
  return `still "running" ${Math.round((Date.now() - startedAt) / 1000)} s after it started`;
}

function processAlive(pid: number): boolean {
  try {
    return process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The hash of a spec: sha256 of its canonical JSON (object keys sorted at every depth), hex, 16 characters.
 *
 * Key order does not matter; array order does. `undefined` members are dropped and non-finite numbers
 * become `null`, exactly as `JSON.stringify` does.
 *
 * @example specHash({ a: 1, b: [2, 3] }) === specHash({ b: [2, 3], a: 1 }) // true
 */
export function specHash(spec: unknown): string {
  const canonical = JSON.stringify(spec, (_key, value: unknown) => sortKeys(value)) ?? "null";
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * A new run id: milliseconds since 1970 in base 36 (8 characters until 2059), then 5 random base-36
 * characters from `randomUUID`. Ids sort by creation time.
 * @example newRunId() // "mb3k9x2a7q0zt"
 */
export function newRunId(now = Date.now()): string {
  const time = now.toString(36).padStart(8, "0");
  const random = Number.parseInt(randomUUID().slice(0, 8), 16) % 36 ** 5;
  return time + random.toString(36).padStart(5, "0");
}

type Cell = string | number | null | undefined;

/**
 * Append rows through DuckDB's appender, in the caller's transaction (~10^6 rows/s): strings as VARCHAR,
 * numbers as DOUBLE (cast to the column type; NaN kept), `null`/`undefined` as NULL.
 * @example await appendRows(c, "scalars", [["mb3k9x2a7q0zt", "lambdaC", 0.5]])
 */
export async function appendRows(c: DuckDBConnection, table: string, rows: Iterable<Cell[]>): Promise<void> {
  const appender = await c.createAppender(table);
  try {
    for (const row of rows) {
      for (const x of row) {
        if (typeof x === "string") appender.appendVarchar(x);
        else if (typeof x === "number") appender.appendDouble(x);
        else appender.appendNull();
      }
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}

/**
 * A record's series in long form: `[run_id, source, statistic, idx, t, value, stderr]`, one row per point.
 * @example
 * seriesRows("r", [{ source: "ode", t: [0], values: { m: [1] } }]) // ["r", "ode", "m", 0, 0, 1, undefined]
 */
export function* seriesRows(runId: string, series: ExperimentRecord["series"]): Generator<Cell[]> {
  for (const s of series) {
    for (const [statistic, values] of Object.entries(s.values)) {
      const stderr = s.stderr?.[statistic];
      for (let i = 0; i < values.length; i++)
        yield [runId, s.source, statistic, i, s.t[i], values[i], stderr?.[i]];
    }
  }
}

/** A result row of JS values (VARCHAR -> string, DOUBLE/INTEGER -> number, TIMESTAMPTZ -> Date). */
export type Row = Record<string, unknown>;

/** Run a query; its rows as objects of JS values, typed as `T` (unchecked: the SQL decides). */
export async function rows<T = Row>(c: DuckDBConnection, sql: string, values: DuckDBValue[] = []) {
  return (await c.runAndReadAll(sql, values)).getRowObjectsJS() as T[];
}

/** Run `body` inside BEGIN/COMMIT on `c`, rolling back if it throws. */
export async function transaction<T>(c: DuckDBConnection, body: () => Promise<T>): Promise<T> {
  await c.run("BEGIN TRANSACTION");
  try {
    const result = await body();
    await c.run("COMMIT");
    return result;
  } catch (error) {
    await c.run("ROLLBACK");
    throw error;
  }
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Open the file, ensure the schema, run `task` and close the file, so the lock is held only during one
 * operation. Operations on one path in this process are queued (two instances of a file in one process are
 * unsafe); another process's lock is retried for `timeoutMs`, then thrown as {@link StoreLockedError}.
 * @example const n = await withDatabase("/tmp/runs.duckdb", 5000, (c) => rows(c, "SELECT 1 AS one"));
 */
export function withDatabase<T>(path: string, timeoutMs: number, task: (c: DuckDBConnection) => Promise<T>) {
  const next = (queues.get(path) ?? Promise.resolve()).then(async () => {
    const instance = await openInstance(path, timeoutMs);
    const c = await instance.connect().catch((error: unknown) => {
      instance.closeSync();
      throw error;
    });
    try {
      await ensureSchema(c, path);
      return await task(c);
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
  const settled = next.catch(() => undefined);
  queues.set(path, settled);
  void settled.then(() => queues.get(path) === settled && queues.delete(path));
  return next;
}

async function openInstance(path: string, lockTimeoutMs: number): Promise<DuckDBInstance> {
  const start = Date.now();
  for (let delay = 20; ; delay = Math.min(2 * delay, 250)) {
    try {
      return await DuckDBInstance.create(path);
    } catch (error) {
      const holder = lockHolder(error);
      const waited = Date.now() - start;
      if (holder === undefined) throw error;
      if (waited >= lockTimeoutMs) throw new StoreLockedError(path, holder, waited);
      await sleep(Math.min(delay, lockTimeoutMs - waited));
    }
  }
}

async function ensureSchema(c: DuckDBConnection, path: string): Promise<void> {
  for (const statement of SCHEMA_DDL) await c.run(statement);
  const found = (await rows(c, "SELECT max(version) AS v FROM schema_version"))[0].v as number | null;
  if (found === null || found < SCHEMA_VERSION) {
    await c.run("INSERT INTO schema_version VALUES ($1, now())", [SCHEMA_VERSION]);
  } else if (found > SCHEMA_VERSION) {
    const upgrade = `this sgdlab reads up to ${SCHEMA_VERSION}: upgrade it, or pass --db <other file>`;
    throw new Error(`The results database ${path} has schema version ${found}; ${upgrade}.`);
  }
}
