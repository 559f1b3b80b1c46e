import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LabServer, serveLab } from "../../src/node/serve.js";
import { type SweepDocument, sweepTable } from "../../src/sweep/index.js";
import { root } from "./lab-server.js";
import { storeWithRunAndSweep } from "./store-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "sgdlab-serve-"));
const app = join(dir, "app");
const db = join(dir, "runs.duckdb");

/** A raw GET (or another method) with the path sent exactly as written: no client-side `..` folding. */
function raw(url: string, path: string, method = "GET"): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("sgdlab serve: the built app and a read-only API over the run store", () => {
  let lab: LabServer;
  let id: string;
  let sweep: SweepDocument;

  beforeAll(async () => {
    mkdirSync(join(app, "assets"), { recursive: true });
    writeFileSync(join(app, "index.html"), "<!doctype html><title>lab</title>");
    writeFileSync(join(app, "assets/app.js"), "export {};");
    writeFileSync(join(dir, "secret.txt"), "outside the app");
    ({ runId: id, sweep } = await storeWithRunAndSweep(db));
    lab = await serveLab({ root: app, db, port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await lab?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the app's files with their content types", async () => {
    const index = await fetch(lab.url);
    expect([index.status, index.headers.get("content-type"), await index.text()]).toEqual([
      200,
      "text/html; charset=utf-8",
      "<!doctype html><title>lab</title>",
    ]);
    expect((await fetch(`${lab.url}assets/app.js`)).headers.get("content-type")).toBe(
      "text/javascript; charset=utf-8",
    );
    expect((await fetch(`${lab.url}assets/none.js`)).status).toBe(404);
  });

  it("lists the store's runs and returns a finished run's record, writing nothing", async () => {
    const before = digest(db);
    const runs = (await (await fetch(`${lab.url}api/runs`)).json()) as {
      runs: { id: string; status: string }[];
    };
    // The run, then the sweep's four points (each stored as a run of its own).
    expect(runs.runs.map((r) => r.status)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(runs.runs.map((r) => r.id)).toContain(id);
    const record = (await (await fetch(`${lab.url}api/runs/${id}`)).json()) as { spec: { runs: number } };
    expect(record.spec.runs).toBe(2);
    expect((await fetch(`${lab.url}api/runs/zzzzzz`)).status).toBe(404);
    expect((await fetch(`${lab.url}api/runs?limit=0`)).status).toBe(400);
    expect((await fetch(`${lab.url}api/sweeps/abc`)).status).toBe(404);
    const sweeps = (await (await fetch(`${lab.url}api/sweeps`)).json()) as {
      sweeps: { id: string; points: number }[];
    };
    expect(sweeps.sweeps.map((s) => [s.id, s.points])).toEqual([[sweep.id, 4]]);
    const served = (await (await fetch(`${lab.url}api/sweeps/${sweep.id}`)).json()) as SweepDocument;
    // The stored sweep is the one `sgdlab sweep` computed (runId and cached say where points came from).
    expect(sweepTable(served)).toEqual(sweepTable(sweep));
    expect(digest(db)).toBe(before);
  });

  it("answers no method that writes", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      expect((await raw(lab.url, "/api/runs", method)).status, method).toBe(405);
      expect((await raw(lab.url, `/api/runs/${id}`, method)).status, method).toBe(405);
    }
  });

  it("rejects ../ and its encodings, in files and API paths alike", async () => {
    for (const path of [
      "/../secret.txt",
      "/assets/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/..%5csecret.txt",
      "/api/runs/..%2f..%2fsecret.txt",
      "/api/../secret.txt",
    ]) {
      const answer = await raw(lab.url, path);
      expect(answer.status, path).toBe(400);
      expect(answer.body).not.toContain("outside the app");
    }
  });

  it("treats a missing store as empty and does not create it", async () => {
    const missing = join(dir, "none", "runs.duckdb");
    const other = await serveLab({ root: app, db: missing, port: 0, host: "127.0.0.1" });
    try {
      expect(await (await fetch(`${other.url}api/runs`)).json()).toEqual({ runs: [] });
      expect(existsSync(missing)).toBe(false);
    } finally {
      await other.close();
    }
  });

  it("`sgdlab serve` binds 127.0.0.1 by default", async () => {
    const cli = spawn(
      process.execPath,
      [
        "--import",
        import.meta.resolve("tsx"),
        join(root, "cli/main.ts"),
        "serve",
        "--port",
        "0",
        "--db",
        db,
        "--app",
        app,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
        cli.stdout.on("data", (c) => {
          out += c;
          const match = /http:\/\/[^\s]+/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          }
        });
        cli.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      const { hostname, port } = new URL(url);
      expect(hostname).toBe("127.0.0.1");
      // The kernel's own table of listening TCP sockets (Linux): the port is bound to 127.0.0.1 only.
      if (existsSync("/proc/net/tcp")) {
        const hex = Number(port).toString(16).toUpperCase().padStart(4, "0");
        const listening = readFileSync("/proc/net/tcp", "utf8")
          .split("\n")
          .map((line) => line.trim().split(/\s+/))
          .filter((f) => f[1]?.endsWith(`:${hex}`) && f[3] === "0A");
        expect(listening.map((f) => f[1])).toEqual([`0100007F:${hex}`]);
      }
      expect((await fetch(`${url}api/runs`)).status).toBe(200);
    } finally {
      cli.kill("SIGTERM");
    }
  });
});
