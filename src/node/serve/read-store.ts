import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import {
  type PointOutcome,
  type PointSummary,
  type SweepDocument,
  type SweepPlan,
  sweepDocument,
} from "../../sweep/index.js";
import type { RunSummary } from "../store.js";
import { lockHolder, rows } from "../store-schema.js";

/** One run as `/api/runs` lists it: the store's summary fields, without scalars, plus the spec's labels. */
export type ServedRun = Pick<
  RunSummary,
  "id" | "experiment" | "specHash" | "status" | "message" | "startedAt" | "finishedAt"
> & {
  /** The spec's `analysis` and `title`, when it has them (what tells runs of one experiment apart). */
  analysis: string | null;
  title: string | null;
};

/** Most runs one `/api/runs` answer lists. */
export const maxListed = 1000;

/**
 * The run store, read only, for `sgdlab serve`: each query opens the DuckDB file in READ_ONLY access
 * mode and closes it again, so nothing is ever written (no schema creation, no stale-run marking, which
 * `RunStore.open` does) and `sgdlab run` can record runs between two requests. A missing file is an
 * empty store, not created.
 *
 * @example const store = new ReadStore(".sgdlab/runs.duckdb"); await store.list(20)
 */
export class ReadStore {
  readonly path: string;

  constructor(path: string) {
    this.path = resolve(path);
  }

  /** Runs, newest first, at most `limit` (capped at {@link maxListed}). */
  async list(limit: number): Promise<ServedRun[]> {
    const sql = `SELECT id, experiment, spec_hash, status, message, started_at, finished_at, spec FROM runs
      ORDER BY started_at DESC, id DESC LIMIT $1`;
    const found = await this.query((c) => rows(c, sql, [Math.min(limit, maxListed)]));
    return (found ?? []).map((row) => ({
      id: row.id as string,
      experiment: row.experiment as string,
      specHash: row.spec_hash as string,
      status: row.status as string,
      message: row.message as string | null,
      startedAt: (row.started_at as Date).toISOString(),
      finishedAt: (row.finished_at as Date | null)?.toISOString() ?? null,
      ...specLabels(row.spec as string),
    }));
  }

  /** The record JSON text of a finished run by its full id, `null` when there is none. */
  async record(id: string): Promise<string | null> {
    const found = await this.query((c) => rows(c, "SELECT record FROM runs WHERE id = $1", [id]));
    const text = found?.[0]?.record;
    return typeof text === "string" ? text : null;
  }

  /** Sweeps, most recently updated first (none when the store has no sweeps table yet). */
  async sweeps(): Promise<{ id: string; name: string; points: number; updatedAt: string }[]> {
    const sql = `SELECT id, name, updated_at, (SELECT count(*)::INTEGER FROM sweep_points WHERE sweep_id = id) AS n
      FROM sweeps ORDER BY updated_at DESC LIMIT ${maxListed}`;
    const found = await this.query(async (c) => ((await hasTable(c, "sweeps")) ? rows(c, sql) : []));
    return (found ?? []).map((row) => ({
      id: row.id as string,
      name: row.name as string,
      points: row.n as number,
      updatedAt: (row.updated_at as Date).toISOString(),
    }));
  }

  /**
   * The document of a stored sweep (what `sgdlab sweep --json` prints, every stored point marked
   * cached), `null` when there is no such sweep.
   */
  async sweep(id: string): Promise<SweepDocument | null> {
    const found = await this.query(async (c) => {
      if (!(await hasTable(c, "sweeps"))) return null;
      const plan = (await rows(c, "SELECT plan FROM sweeps WHERE id = $1", [id]))[0]?.plan;
      if (typeof plan !== "string") return null;
      const sql = `SELECT p.key, p.run_id, p.summary FROM sweep_points s JOIN points p ON p.key = s.key
        WHERE s.sweep_id = $1`;
      const outcomes = new Map<string, PointOutcome>();
      for (const row of await rows(c, sql, [id])) {
        const key = row.key as string;
        const summary = JSON.parse(row.summary as string) as PointSummary;
        outcomes.set(key, { key, runId: row.run_id as string | null, cached: true, summary });
      }
      return sweepDocument(JSON.parse(plan) as SweepPlan, outcomes);
    });
    return found ?? null;
  }

  /** Run `task` on a read-only connection; `undefined` when the file does not exist. */
  async query<T>(task: (c: DuckDBConnection) => Promise<T>): Promise<T | undefined> {
    if (!existsSync(this.path)) return undefined;
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(this.path, { access_mode: "READ_ONLY" });
    } catch (e) {
      if (lockHolder(e) !== undefined) throw new StoreBusyError(this.path);
      throw e;
    }
    const connection = await instance.connect();
    try {
      return await task(connection);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }
}

async function hasTable(c: DuckDBConnection, name: string): Promise<boolean> {
  const sql = "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = $1";
  return ((await rows(c, sql, [name]))[0]?.n as number) > 0;
}

/** Another process (a run being recorded) holds the file right now: the client may retry. */
export class StoreBusyError extends Error {
  override readonly name = "StoreBusyError";
  constructor(readonly path: string) {
    super(`the run store ${path} is busy (another sgdlab process is writing it); retry in a moment`);
  }
}

function specLabels(specJson: string): { analysis: string | null; title: string | null } {
  const spec = JSON.parse(specJson) as { analysis?: unknown; title?: unknown };
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return { analysis: text(spec.analysis), title: text(spec.title) };
}
