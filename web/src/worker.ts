/**
 * The page's Web Worker: one run of an ensemble, or a whole record, per message (protocol in
 * web/src/worker-protocol.ts). It calls the same core functions as the CLI's worker threads
 * (src/node/worker.ts), so run i is stream i of the seed whatever the number of workers.
 */
import "./zod-config.js";
import { experiments, runExperiment } from "./core.js";
import type { FromWorker, ToWorker } from "./worker-protocol.js";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
};

scope.onmessage = async ({ data }) => {
  if (data.kind === "run") {
    try {
      const experiment = experiments[data.experiment];
      if (!experiment?.simulateRun) throw new Error(`experiment ${data.experiment} has no ensemble runs`);
      const result = experiment.simulateRun(data.spec as never, data.index);
      scope.postMessage({ kind: "result", index: data.index, result });
    } catch (e) {
      scope.postMessage({ kind: "error", index: data.index, message: (e as Error).message });
    }
    return;
  }
  try {
    scope.postMessage({ kind: "record", id: data.id, record: await runExperiment(data.spec) });
  } catch (e) {
    scope.postMessage({ kind: "error", id: data.id, message: (e as Error).message });
  }
};
