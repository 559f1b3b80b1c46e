import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Command, InvalidArgumentError } from "commander";
import { serveLab } from "../src/node/serve.js";

/** The built app: dist/web next to dist/cli when compiled, dist/web of the checkout from the sources. */
export function builtAppFolder(): string {
  const compiled = !import.meta.url.endsWith(".ts");
  return fileURLToPath(new URL(compiled ? "../web/" : "../dist/web/", import.meta.url));
}

/** A TCP port: an integer in [0, 65535] (0: any free port). */
export function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(`expected a port number in [0, 65535], got "${value}"`);
  return n;
}

/**
 * `sgdlab serve [--port P] [--db PATH] [--host H] [--app DIR]`: the lab in the browser, with the store
 * browser over the run database (read only). Binds 127.0.0.1 unless `--host` says otherwise; serves the
 * built app (`npm run build:web`) unless `--app` names another build; runs until interrupted.
 */
export async function serveCommand(o: {
  port: number;
  db: string;
  host: string;
  app?: string;
}): Promise<void> {
  const root = o.app ?? builtAppFolder();
  if (!existsSync(`${root}/index.html`))
    throw new Error(`the web app is not built in ${root}: run npm run build:web (npm install does it)`);
  const lab = await serveLab({ root, db: o.db, port: o.port, host: o.host });
  process.stdout.write(`sgdlab lab: ${lab.url}  (run store ${o.db}, read only; Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void lab.close().then(resolve);
    process.once("SIGINT", stop).once("SIGTERM", stop);
  });
}

/**
 * Register `sgdlab serve` on the program (one line in cli/main.ts).
 *
 * @example registerServeCommand(program, dbOption)
 */
export function registerServeCommand(program: Command, dbOption: readonly [string, string, string]): void {
  program
    .command("serve")
    .description("the lab in the browser: serve the web app and a read-only API over the run database")
    .option("--port <n>", "port (0: any free port)", portNumber, 8080)
    .option("--host <address>", "address to bind (127.0.0.1: this machine only)", "127.0.0.1")
    .option(...dbOption)
    .option("--app <dir>", "folder of the built web app (default: the one npm run build:web writes)")
    .action(serveCommand);
}
