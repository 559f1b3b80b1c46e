import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";
import { jsToDuckDBValue, TIMESTAMPTZ } from "@duckdb/node-api";
import type { ExperimentRecord } from "../../experiment/record.js";
import type { PointOutcome } from "../../sweep/document.js";
import type { CodeVersion } from "../../sweep/key.js";
import type { SweepPlan } from "../../sweep/plan.js";
import type { PointSummary } from "../../sweep/summary.js";
import * as db from "../store-schema.js";

/** A computed point to store: its key and spec, the record (its run) and the summary. */
export interface FinishedPoint {
  key: string;
  experiment: string;
  spec: Record<string, unknown>;
  record: ExperimentRecord;
  summary: PointSummary;
}

/** One line of `sgdlab sweeps`. */
export interface SweepListing {
  id: string;
  name: string;
  points: number;
  finished: number;
  updatedAt: string;
}

const lockTimeoutMs = 30_000;
const now = () => jsToDuckDBValue(new Date(), TIMESTAMPTZ);

/**
 * The sweep tables of the results store (`points`, `sweeps`, `sweep_points`, created with the others in
 * `store-schema.ts`). A point is stored once, by its key, with the run that computed it (a row of `runs`
 * with its record, scalars and series), in one transaction: a point is either stored finished or absent,
 * so an interrupted sweep resumes exactly where it stopped. The file is opened per operation, as in
 * {@link RunStore}; callers batch points (each open costs ~0.1 s).
 *
 * @example const store = new PointStore(".sgdlab/runs.duckdb"); await store.finished(plan.points.map((p) => p.key))
 */
export class PointStore {
  /** Absolute path of the database file. */
  readonly path: string;

  /** The store in the DuckDB file `path` (its folder is created; the file on the first operation). */
  constructor(path: string) {
    this.path = resolve(path);
    mkdirSync(dirname(this.path), { recursive: true });
  }

  /** The stored outcomes (as cached) of those `keys` that are finished. */
  async finished(keys: readonly string[]): Promise<Map<string, PointOutcome>> {
    const found = new Map<string, PointOutcome>();
    if (keys.length === 0) return found;
    await this.use(async (c) => {
      for (const row of await storedRows(c, keys)) {
        const summary = JSON.parse(row.summary as string) as PointSummary;
        found.set(row.key as string, {
          key: row.key as string,
          runId: row.run_id as string,
          cached: true,
          summary,
        });
      }
    });
    return found;
  }

  /**
   * Store finished points (each with its run) in one transaction; a key already stored is skipped, so a
   * point is stored exactly once however often it is computed. Returns the outcomes of the new ones.
   */
  async store(points: readonly FinishedPoint[], code: CodeVersion): Promise<PointOutcome[]> {
    if (points.length === 0) return [];
    return this.use((c) =>
      db.transaction(c, async () => {
        const stored = new Set(
          (
            await storedRows(
              c,
              points.map((p) => p.key),
            )
          ).map((r) => r.key as string),
        );
        const outcomes: PointOutcome[] = [];
        for (const p of points) {
          if (stored.has(p.key)) continue;
          stored.add(p.key);
          const runId = db.newRunId();
          await insertRun(c, runId, p);
          const sql = "INSERT INTO points VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
          await c.run(sql, [
            p.key,
            p.experiment,
            JSON.stringify(p.spec),
            code.sgdlab,
            code.commit,
            runId,
            p.summary.status,
            JSON.stringify(p.summary),
            now(),
          ]);
          outcomes.push({ key: p.key, runId, cached: false, summary: p.summary });
        }
        return outcomes;
      }),
    );
  }

  /** Record a sweep's plan (its id, axes and the points' keys and axis values); idempotent. */
  async saveSweep(plan: SweepPlan): Promise<void> {
    await this.use((c) =>
      db.transaction(c, async () => {
        const exists = await db.rows(c, "SELECT id FROM sweeps WHERE id = $1", [plan.id]);
        if (exists.length > 0) {
          await c.run("UPDATE sweeps SET updated_at = $2 WHERE id = $1", [plan.id, now()]);
          return;
        }
        await c.run("INSERT INTO sweeps VALUES ($1, $2, $3, $4, $4)", [
          plan.id,
          plan.name,
          JSON.stringify(plan),
          now(),
        ]);
        const rows = plan.points.map((p) => [plan.id, p.index, p.key, JSON.stringify(p.params)]);
        await db.appendRows(c, "sweep_points", rows);
      }),
    );
  }

  /** Sweeps, most recently run first, with how many of their points are finished. */
  async list(limit = 20): Promise<SweepListing[]> {
    const sql = `SELECT s.id, s.name, s.updated_at, count(sp.key) AS n, count(p.key) AS done FROM sweeps s
      JOIN sweep_points sp ON sp.sweep_id = s.id LEFT JOIN points p ON p.key = sp.key
      GROUP BY s.id, s.name, s.updated_at ORDER BY s.updated_at DESC, s.id LIMIT $1`;
    const found = await this.use((c) => db.rows(c, sql, [limit]));
    return found.map((r) => ({
      id: r.id as string,
      name: r.name as string,
      points: Number(r.n),
      finished: Number(r.done),
      updatedAt: (r.updated_at as Date).toISOString(),
    }));
  }

  /** A stored sweep's plan by id or unique prefix, or null (several matches: null too, see `list`). */
  async plan(idOrPrefix: string): Promise<SweepPlan | null> {
    const sql = "SELECT plan FROM sweeps WHERE $1 <> '' AND starts_with(id, $1) LIMIT 2";
    const found = await this.use((c) => db.rows(c, sql, [idOrPrefix]));
    return found.length === 1 ? (JSON.parse(found[0].plan as string) as SweepPlan) : null;
  }

  private use<T>(task: Parameters<typeof db.withDatabase<T>>[2]): Promise<T> {
    return db.withDatabase(this.path, lockTimeoutMs, task);
  }
}

type Connection = Parameters<typeof db.rows>[0];

/** The stored points among `keys` (key, run_id, summary), through a temporary table of the keys. */
async function storedRows(c: Connection, keys: readonly string[]): Promise<db.Row[]> {
  await c.run("CREATE OR REPLACE TEMP TABLE wanted (key VARCHAR)");
  await db.appendRows(
    c,
    "wanted",
    keys.map((k) => [k]),
  );
  return db.rows(c, "SELECT p.key, p.run_id, p.summary FROM points p JOIN wanted w ON p.key = w.key");
}

/** The run of a point, finished: what `RunStore.begin` + `finish` write, in the caller's transaction. */
async function insertRun(c: Connection, id: string, p: FinishedPoint): Promise<void> {
  const { record } = p;
  const started = jsToDuckDBValue(
    new Date(Date.parse(record.provenance.startedAt) || Date.now()),
    TIMESTAMPTZ,
  );
  const message = record.messages.length > 0 ? record.messages.join("; ") : null;
  const sql = `INSERT INTO runs (id, experiment, spec_hash, spec, sgdlab_version, git_commit, node_version,
    platform, pid, hostname, status, message, started_at, finished_at, ended_at, record)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)`;
  await c.run(sql, [
    id,
    p.experiment,
    db.specHash(p.spec),
    JSON.stringify(p.spec),
    record.sgdlab,
    record.provenance.commit,
    record.provenance.node,
    record.provenance.platform,
    process.pid,
    hostname(),
    record.status,
    message,
    started,
    now(),
    JSON.stringify(record),
  ]);
  await db.appendRows(
    c,
    "scalars",
    Object.entries(record.scalars).map(([name, x]) => [id, name, x]),
  );
  await db.appendRows(c, "series", db.seriesRows(id, record.series));
}
