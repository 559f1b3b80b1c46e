import { createHash, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBType,
  type DuckDBValue,
} from "@duckdb/node-api";
import type { ExperimentRecord } from "../experiment/record.js";

/** Version of the tables below; bump it (and add a migration) whenever they change. */
export const SCHEMA_VERSION = 1;

/**
 * The results-store schema, one idempotent statement each (`CREATE TABLE IF NOT EXISTS`).
 *
 * - `runs`: one row per run, inserted with status `"running"` before the run starts. `record` is the full
 *   {@link ExperimentRecord} as JSON text (non-finite numbers stored as `null`, as `JSON.stringify` writes
 *   them); `finished_at` is set only by a finish, `ended_at` by a finish or an abort.
 * - `scalars`: the record's scalars, one row per name (NaN and infinities kept: DOUBLE holds them).
 * - `series`: the record's series in long form, one row per (source, statistic, index).
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
];

/** The database is held by another process for longer than the store waited. */
export class StoreLockedError extends Error {
  override readonly name = "StoreLockedError";
  constructor(
    readonly path: string,
    readonly holderPid: number | null,
    waitedMs: number,
  ) {
    const holder = holderPid === null ? "another process" : `another process (PID ${holderPid})`;
    super(
      `The results database ${path} is locked by ${holder}; waited ${waitedMs} ms. ` +
        "DuckDB allows one process at a time: wait for it to finish, or pass --db <other file>.",
    );
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

/** The database was written by a newer sgdlab whose schema this version does not know. */
export function newerSchemaMessage(path: string, found: number): string {
  return `The results database ${path} has schema version ${found}; this sgdlab reads up to ${SCHEMA_VERSION}. Upgrade sgdlab or pass --db <other file>.`;
}

/**
 * Whether an error thrown by `DuckDBInstance.create` is DuckDB's file-lock conflict, and the holder's PID.
 *
 * DuckDB (1.5) throws `IO Error: Could not set lock on file "<path>": Conflicting lock is held in <exe>
 * (PID <n>)` when another process has the file open, for read-write and read-only opens alike.
 *
 * @example lockHolder(new Error('... Conflicting lock is held in /usr/bin/node (PID 42) ...')) // 42
 */
export function lockHolder(error: unknown): number | null | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (!/Could not set lock on file|Conflicting lock/i.test(message)) return undefined;
  const pid = /PID (\d+)/.exec(message);
  return pid ? Number(pid[1]) : null;
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
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

/**
 * A new run id: milliseconds since 1970 in base 36 (8 characters until 2059), then 5 random base-36
 * characters from `randomUUID`. Ids sort by creation time; prefixes of 4+ characters are handy in a shell.
 *
 * @example newRunId() // "mb3k9x2a7q0zt"
 */
export function newRunId(now = Date.now()): string {
  const time = now.toString(36).padStart(8, "0");
  const random = Number.parseInt(randomUUID().slice(0, 8), 16) % 36 ** 5;
  return time + random.toString(36).padStart(5, "0");
}

/**
 * The record as JSON text. JSON has no NaN or infinity: `JSON.stringify` writes them as `null`, so a record
 * read back has `null` where it had a non-finite number. The `series` and `scalars` tables keep them.
 */
export function recordJson(record: ExperimentRecord): string {
  return JSON.stringify(record);
}

/**
 * Append a record's series to the `series` table in long form, one row per (source, statistic, index),
 * through DuckDB's appender (about 10^6 rows/s; inside the caller's transaction).
 *
 * @example await appendSeries(connection, "mb3k9x2a7q0zt", record.series)
 */
export async function appendSeries(
  connection: DuckDBConnection,
  runId: string,
  series: ExperimentRecord["series"],
): Promise<number> {
  const appender = await connection.createAppender("series");
  let rows = 0;
  try {
    for (const s of series) {
      for (const [statistic, values] of Object.entries(s.values)) {
        const stderr = s.stderr?.[statistic];
        for (let i = 0; i < values.length; i++) {
          appendPoint(appender, runId, s.source, statistic, i, [s.t[i], values[i], stderr?.[i]]);
        }
        rows += values.length;
      }
    }
  } finally {
    appender.closeSync();
  }
  return rows;
}

function appendPoint(
  appender: DuckDBAppender,
  runId: string,
  source: string,
  statistic: string,
  idx: number,
  numbers: readonly (number | null | undefined)[],
): void {
  appender.appendVarchar(runId);
  appender.appendVarchar(source);
  appender.appendVarchar(statistic);
  appender.appendInteger(idx);
  for (const x of numbers) {
    if (typeof x === "number") appender.appendDouble(x);
    else appender.appendNull();
  }
  appender.endRow();
}

/**
 * Append a record's scalars to the `scalars` table (inside the caller's transaction).
 *
 * @example await appendScalars(connection, "mb3k9x2a7q0zt", { lambdaC: 0.5 })
 */
export async function appendScalars(
  connection: DuckDBConnection,
  runId: string,
  scalars: Record<string, number>,
): Promise<void> {
  const appender = await connection.createAppender("scalars");
  try {
    for (const [name, value] of Object.entries(scalars)) {
      appender.appendVarchar(runId);
      appender.appendVarchar(name);
      if (typeof value === "number") appender.appendDouble(value);
      else appender.appendNull();
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}

/** A result row with JS values (VARCHAR -> string, DOUBLE/INTEGER -> number, TIMESTAMPTZ -> Date). */
export type Row = Record<string, unknown>;

/** Run a query and return its rows as objects of JS values. */
export async function rows(
  c: DuckDBConnection,
  sql: string,
  params: DuckDBValue[] = [],
  types?: DuckDBType[],
): Promise<Row[]> {
  return (await c.runAndReadAll(sql, params, types)).getRowObjectsJS() as Row[];
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
 * Open the database file, ensure its schema, run `task` on a connection and close the file again, so the
 * file lock is held only while a store operation runs. Operations on one path in this process run one at
 * a time (two DuckDB instances of one file in one process are unsafe); a lock held by another process is
 * retried with backoff for `lockTimeoutMs`, then reported as {@link StoreLockedError}.
 *
 * @example const n = await withDatabase("/tmp/runs.duckdb", 5000, (c) => rows(c, "SELECT 1 AS one"));
 */
export function withDatabase<T>(
  path: string,
  lockTimeoutMs: number,
  task: (c: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const next = (queues.get(path) ?? Promise.resolve()).then(async () => {
    const instance = await openInstance(path, lockTimeoutMs);
    try {
      const c = await instance.connect();
      try {
        await ensureSchema(c, path);
        return await task(c);
      } finally {
        c.closeSync();
      }
    } finally {
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
  if (found === null) {
    await c.run("INSERT INTO schema_version VALUES ($1, now())", [SCHEMA_VERSION]);
  } else if (found > SCHEMA_VERSION) {
    throw new Error(newerSchemaMessage(path, found));
  }
}
