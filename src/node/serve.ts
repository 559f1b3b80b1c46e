import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { apiAnswer } from "./serve/api.js";
import { ReadStore } from "./serve/read-store.js";
import { escapes, staticFile } from "./serve/static-files.js";

/** Options of {@link serveLab}. */
export interface ServeOptions {
  /** Folder of the built app (`npm run build:web` writes dist/web). */
  root: string;
  /** The run store's DuckDB file (read only). */
  db: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** Address to bind: 127.0.0.1 unless the user asks otherwise. */
  host: string;
}

/** A running lab server. */
export interface LabServer {
  server: Server;
  /** `http://host:port/` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serve the built web app and the read-only JSON API over the run store (`sgdlab serve`).
 *
 * Only GET and HEAD are answered (405 for anything else: no route writes). `/api/…` goes to
 * {@link apiAnswer}; every other path is a file of `root`, never outside it (see `staticFile`). Responses
 * carry `X-Content-Type-Options: nosniff` and a same-origin Content-Security-Policy (scripts from the app
 * only, no eval; `'wasm-unsafe-eval'` lets the core compile its embedded WebAssembly kernels, src/kernels/).
 *
 * @example const lab = await serveLab({ root: "dist/web", db: ".sgdlab/runs.duckdb", port: 0, host: "127.0.0.1" });
 */
export async function serveLab(options: ServeOptions): Promise<LabServer> {
  const store = new ReadStore(options.db);
  const server = createServer((req, res) => {
    handle(options.root, store, req, res).catch((e: unknown) => {
      send(res, 500, "application/json", JSON.stringify({ error: (e as Error).message }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    server,
    url: `http://${host}:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function handle(root: string, store: ReadStore, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return send(
      res,
      405,
      "application/json",
      JSON.stringify({ error: `${req.method} is not allowed: the server is read only` }),
    );
  }
  const raw = (req.url ?? "/").split("?")[0];
  if (escapes(raw) || escapes(safeDecode(raw)))
    return send(res, 400, "text/plain; charset=utf-8", "400: path leaves the app folder\n");
  const url = new URL(req.url ?? "/", "http://localhost");
  if (raw === "/api" || raw.startsWith("/api/")) {
    const answer = await apiAnswer(store, url);
    return send(res, answer.status, "application/json", JSON.stringify(answer.body));
  }
  const file = await staticFile(root, raw);
  if (file.status !== 200)
    return send(res, file.status, "text/plain; charset=utf-8", `${file.status}: ${file.reason}\n`);
  send(res, 200, file.type, file.body, req.method === "HEAD");
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return "\\";
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headOnly = false) {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy":
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; worker-src 'self' blob:",
    "Cache-Control": "no-cache",
  });
  res.end(headOnly ? undefined : body);
}
