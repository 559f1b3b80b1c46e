/**
 * Worker-thread entry of the property harness: runs one spec at a time through `runExperiment` with the
 * in-thread executor and posts back what happened. It runs in its own thread so that the main thread can
 * stop a case that never returns (a hang is a finding, not a frozen test run): see `case-runner.ts`.
 *
 * It posts `{ kind: "ready" }` once its modules are loaded. Messages in: `{ kind: "run", spec, workLimit }`
 * or `{ kind: "abort" }` (seen whenever the run yields to the event loop, as the in-thread executor does
 * every 50 ms). Messages out: `{ kind: "progress" }` for each progress
 * report, then exactly one of `record` (the record as a structured clone, so NaN and Infinity survive for
 * the contract to see), `spec-error`, `aborted` or `crash`.
 */
import { parentPort } from "node:worker_threads";
import { inThreadExecutor, runExperiment, SpecError } from "../../src/index.js";

if (!parentPort) throw new Error("case-worker.ts must run in a worker thread");
const port = parentPort;
let controller: AbortController | undefined;

port.on("message", async (message: { kind: "run"; spec: unknown; workLimit: number } | { kind: "abort" }) => {
  if (message.kind === "abort") {
    controller?.abort(new Error("aborted by the property harness"));
    return;
  }
  controller = new AbortController();
  const signal = controller.signal;
  try {
    const record = await runExperiment(message.spec, {
      executor: inThreadExecutor,
      signal,
      workLimit: message.workLimit,
      onProgress: () => port.postMessage({ kind: "progress" }),
    });
    port.postMessage({ kind: "record", record });
  } catch (e) {
    if (e instanceof SpecError)
      port.postMessage({ kind: "spec-error", field: e.field, value: e.value, message: e.message });
    else if (signal.aborted) port.postMessage({ kind: "aborted" });
    else {
      const err = e as Error;
      port.postMessage({ kind: "crash", message: String(err?.message ?? e), stack: String(err?.stack) });
    }
  }
});

port.postMessage({ kind: "ready" });
