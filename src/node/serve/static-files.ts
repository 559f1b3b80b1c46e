import { readFile, stat } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";

/** Content types of the files Vite writes into the built app. */
const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** A file to send, or why not: 400 for a path that tries to leave the folder, 404 for none. */
export type StaticFile = { status: 200; body: Buffer; type: string } | { status: 400 | 404; reason: string };

/**
 * The file of the built app at a URL path, never one outside `root`.
 *
 * The raw path is rejected (400) when it holds a `..` segment, a backslash or a NUL, before or after
 * percent-decoding (so `/%2e%2e/` is caught too), and the resolved file must lie inside `root`. `/` is
 * `index.html`.
 *
 * @example await staticFile("/work/main/dist/web", "/assets/index.js") // { status: 200, ... }
 * @example await staticFile("/work/main/dist/web", "/../package.json") // { status: 400, ... }
 */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400, reason: "malformed percent-encoding" };
  }
  if ([urlPath, decoded].some(escapes)) return { status: 400, reason: "path leaves the app folder" };
  const base = resolve(root);
  const file = resolve(base, `.${decoded === "/" ? "/index.html" : decoded}`);
  if (file !== base && !file.startsWith(base + sep))
    return { status: 400, reason: "path leaves the app folder" };
  try {
    if (!(await stat(file)).isFile()) return { status: 404, reason: "not a file" };
    return {
      status: 200,
      body: await readFile(file),
      type: contentTypes[extname(file)] ?? "application/octet-stream",
    };
  } catch {
    return { status: 404, reason: "no such file" };
  }
}

/** A `..` segment (either slash), a backslash or a NUL: a path that could leave its folder. */
export function escapes(path: string): boolean {
  return /(^|[/\\])\.\.([/\\]|$)/.test(path) || path.includes("\\") || path.includes("\0");
}
