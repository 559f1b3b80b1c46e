import { fileURLToPath } from "node:url";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { SpecError } from "../core/errors.js";
import type { Progress } from "../experiment/experiment.js";
import type { ExperimentRecord } from "../experiment/record.js";
import { threadExecArgv } from "./pool.js";

/** What the experiment thread is given: a validated spec, the run pool's size, the git commit. */
export interface ExperimentThreadTask {
  spec: Record<string, unknown>;
  workers: number;
  commit: string | null;
}

/** An error thrown on the experiment thread, as plain data. */
export interface ThreadError {
  name: string;
  message: string;
  field?: string;
  value?: unknown;
  allowed?: string;
}

/**
 * Run an experiment on its own worker thread (`./experiment-worker.ts`, through piscina, which loads it
 * from the TypeScript sources too), so that the main thread's event loop is never blocked: a synchronous
 * theory phase of tens of seconds (e.g. the committee ReLU ODE) otherwise keeps a SIGINT handler from
 * running until it ends. `stop()` terminates the thread (and the run pool it owns) at once; `result` then
 * rejects with the reason given to `stop`. A `SpecError` thrown in the thread is rebuilt as one here
 * (exit code 2); any other error keeps its name and message.
 *
 * @example const t = runInThread({ spec, workers: 2, commit: null }, bar.update); process.once("SIGINT", () => t.stop(new Error("interrupted"))); await t.result
 */
export function runInThread(
  task: ExperimentThreadTask,
  onProgress?: (p: Progress) => void,
): { result: Promise<ExperimentRecord>; stop(reason: Error): void } {
  const fromSource = import.meta.url.endsWith(".ts");
  const piscina = new Piscina({
    filename: fileURLToPath(
      new URL(fromSource ? "./experiment-worker.ts" : "./experiment-worker.js", import.meta.url),
    ),
    minThreads: 1,
    maxThreads: 1,
    execArgv: threadExecArgv(),
  });
  const { port1, port2 } = new MessageChannel();
  port1.on("message", (p: Progress) => onProgress?.(p));
  let stopped: Error | undefined;
  const run = piscina.run({ ...task, progress: port2 }, { transferList: [port2] }) as Promise<
    { record: ExperimentRecord } | { error: ThreadError }
  >;
  const result = run
    .then((out) => {
      if ("error" in out) throw rebuildError(out.error);
      return out.record;
    })
    .catch((e) => {
      throw stopped ?? e;
    })
    .finally(async () => {
      port1.close();
      await piscina.destroy();
    });
  return {
    result,
    stop(reason) {
      stopped = reason;
      // The run's own `finally` destroys the pool again; a failure here must not become an unhandled
      // rejection (exit 1 instead of 130).
      piscina.destroy().catch(() => undefined);
    },
  };
}

/** The error the thread reported, as an `Error` of the same kind in this thread. */
function rebuildError(m: ThreadError): Error {
  if (m.name === "SpecError" && m.field !== undefined && m.allowed !== undefined)
    return new SpecError(m.field, m.value, m.allowed);
  const e = new Error(m.message);
  e.name = m.name;
  return e;
}
