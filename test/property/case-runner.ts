/**
 * Runs property-test cases in a worker thread with a time limit, so that a spec that never returns is
 * reported as a hang instead of freezing the test run.
 *
 * A case that is still running at `limitMs` is asked to stop (as Ctrl-C does); if it reported progress
 * and stops within `graceMs` it is a `long-run` (acceptable: it ran with progress and honoured the
 * interruption), otherwise the worker is terminated and the case is a `hang`. The limits are a safety net
 * around the work guard, not a speed assertion: they are many times the cost of any shipped example.
 */
import { Worker } from "node:worker_threads";
import type { ExperimentRecord } from "../../src/index.js";

export type CaseOutcome =
  | { kind: "record"; record: ExperimentRecord }
  | { kind: "spec-error"; field: string; value: unknown; message: string }
  | { kind: "crash"; message: string; stack: string }
  | { kind: "long-run"; progress: number }
  | { kind: "hang"; progress: number };

type WorkerMessage =
  | { kind: "ready" }
  | { kind: "progress" }
  | { kind: "aborted" }
  | Exclude<CaseOutcome, { kind: "long-run" | "hang" }>;

export interface CaseLimits {
  /** Wall-clock time after which the case is asked to stop. */
  limitMs: number;
  /** Time a stopped case has to acknowledge the interruption. */
  graceMs: number;
  /** The work guard's limit for the case (`RunContext.workLimit`). */
  workLimit: number;
}

/** One worker thread that runs cases one after another; replaced after a hang. */
export class CaseRunner {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;

  /** Run `spec` through `runExperiment` in the worker and classify how it ended. */
  async run(spec: unknown, limits: CaseLimits): Promise<CaseOutcome> {
    const worker = await this.start();
    return new Promise<CaseOutcome>((resolve) => {
      let progress = 0;
      let stopping = false;
      let grace: NodeJS.Timeout | undefined;
      const finish = (outcome: CaseOutcome) => {
        clearTimeout(limit);
        clearTimeout(grace);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        resolve(outcome);
      };
      const onMessage = (m: WorkerMessage) => {
        if (m.kind === "progress") progress++;
        else if (m.kind === "aborted") finish({ kind: stopping ? "long-run" : "hang", progress });
        else if (m.kind !== "ready") finish(m);
      };
      // An uncaught error or an exit (e.g. out of memory) ends the case as a crash; the worker is replaced.
      const onError = (e: Error) => {
        this.stop();
        finish({ kind: "crash", message: `uncaught in the worker: ${e.message}`, stack: String(e.stack) });
      };
      const onExit = (code: number) => {
        this.worker = undefined;
        finish({ kind: "crash", message: `the worker exited with code ${code}`, stack: "" });
      };
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      const limit = setTimeout(() => {
        stopping = true;
        worker.postMessage({ kind: "abort" });
        grace = setTimeout(() => {
          this.stop();
          finish({ kind: "hang", progress });
        }, limits.graceMs);
      }, limits.limitMs);
      worker.postMessage({ kind: "run", spec, workLimit: limits.workLimit });
    });
  }

  /** Terminate the worker (call when done). */
  stop(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
  }

  private async start(): Promise<Worker> {
    if (!this.worker) {
      // tsx's loader is registered in the worker before the TypeScript entry is imported.
      const api = JSON.stringify(import.meta.resolve("tsx/esm/api"));
      const entry = JSON.stringify(new URL("./case-worker.ts", import.meta.url).href);
      const boot = `import(${api}).then((tsx) => { tsx.register(); return import(${entry}); })`;
      const worker = new Worker(boot, {
        eval: true,
        // A spec that allocates without bound ends as a crash of this worker, not of the machine.
        resourceLimits: { maxOldGenerationSizeMb: 1536 },
      });
      this.worker = worker;
      this.ready = new Promise((resolve, reject) => {
        worker.once("message", () => resolve());
        worker.once("error", reject);
      });
    }
    await this.ready;
    return this.worker as Worker;
  }
}
