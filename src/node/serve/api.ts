import { type ReadStore, StoreBusyError } from "./read-store.js";

/** An API answer: a status code and a JSON body. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** Run ids and sweep ids: the store's base-36 ids, or the sweep engines' hex ids. */
const idPattern = /^[0-9a-z]{1,64}$/;

/**
 * The read-only JSON API of `sgdlab serve` over the run store:
 *
 * - `GET /api/runs[?limit=N]` → `{ runs: ServedRun[] }`, newest first (default 100, at most 1000);
 * - `GET /api/runs/:id` → the record of a finished run (404 for an unknown id or an unfinished run);
 * - `GET /api/sweeps` → `{ sweeps: [{ id, name, points, updatedAt }] }`, most recent first;
 * - `GET /api/sweeps/:id` → the sweep's document, as `sgdlab sweep --json` prints it (points found in
 *   the store; 404 for an unknown sweep).
 *
 * Ids must be lower-case base 36 (400 otherwise); a store held by a writer answers 503.
 *
 * @example await apiAnswer(new ReadStore("runs.duckdb"), new URL("http://h/api/runs?limit=5"))
 */
export async function apiAnswer(store: ReadStore, url: URL): Promise<ApiAnswer> {
  const parts = url.pathname.split("/").slice(2);
  try {
    if (parts[0] === "runs" && parts.length === 1) {
      const limit = Number(url.searchParams.get("limit") ?? 100);
      if (!Number.isInteger(limit) || limit < 1)
        return bad(`limit = ${url.searchParams.get("limit")} is invalid: expected an integer >= 1`);
      return { status: 200, body: { runs: await store.list(limit) } };
    }
    if (parts[0] === "sweeps" && parts.length === 1)
      return { status: 200, body: { sweeps: await store.sweeps() } };
    if ((parts[0] === "runs" || parts[0] === "sweeps") && parts.length === 2) {
      if (!idPattern.test(parts[1]))
        return bad(`id = ${JSON.stringify(parts[1])} is invalid: expected a run or sweep id`);
      return parts[0] === "runs" ? await run(store, parts[1]) : await sweep(store, parts[1]);
    }
    return { status: 404, body: { error: `no API route ${url.pathname}: try /api/runs` } };
  } catch (e) {
    if (e instanceof StoreBusyError) return { status: 503, body: { error: e.message } };
    throw e;
  }
}

function bad(error: string): ApiAnswer {
  return { status: 400, body: { error } };
}

async function run(store: ReadStore, id: string): Promise<ApiAnswer> {
  const text = await store.record(id);
  if (text === null) return { status: 404, body: { error: `no finished run ${id} in ${store.path}` } };
  return { status: 200, body: JSON.parse(text) };
}

async function sweep(store: ReadStore, id: string): Promise<ApiAnswer> {
  const document = await store.sweep(id);
  if (document === null) return { status: 404, body: { error: `no sweep ${id} in ${store.path}` } };
  return { status: 200, body: document };
}
