import { setMaxListeners } from "node:events";
import { runExperiment } from "../../index.js";
import { workerPool } from "../pool.js";
import { gitCommit } from "../provenance.js";
import type { EngineContext, SweepEngine } from "./engine.js";

/**
 * Points in flight beyond one per worker: they keep the pool busy while a point computes its theory on
 * the main thread or waits for its write to the store (the points finished meanwhile share one write).
 */
const lanesBeyondWorkers = 4;

/**
 * The default engine: points on this machine's worker pool. Up to `workers + 4` points are in flight, and
 * each submits its runs to the one shared pool, so the pool's queue holds (point, run) tasks of several
 * points at once and every worker stays busy, also while a point finishes its theory on the main thread.
 * Run i of a point always uses stream i of its seed, so results do not depend on `workers`.
 *
 * @example const engine = localEngine(4); await engine.run(points, ctx); await engine.close()
 */
export function localEngine(workers: number): SweepEngine {
  const pool = workerPool(workers);
  const commit = gitCommit();
  return {
    name: "local",
    async run(points, ctx: EngineContext) {
      let next = 0;
      const lanes = Math.min(points.length, workers + lanesBeyondWorkers);
      // Each lane's point gets its own signal, chained to the sweep's: one listener per lane on it.
      setMaxListeners(lanes + 10, ctx.signal);
      const lane = async () => {
        while (next < points.length && !ctx.signal.aborted) {
          const point = points[next++];
          const own = new AbortController();
          const abort = () => own.abort(ctx.signal.reason);
          ctx.signal.addEventListener("abort", abort, { once: true });
          try {
            const record = await runExperiment(point.spec, {
              executor: pool.executor,
              signal: own.signal,
              commit,
            });
            await ctx.onResult(point, { record });
          } catch (e) {
            if (!ctx.signal.aborted) await ctx.onResult(point, { error: (e as Error).message });
          } finally {
            ctx.signal.removeEventListener("abort", abort);
          }
        }
      };
      await Promise.all(Array.from({ length: lanes }, lane));
    },
    close: () => pool.close(),
  };
}
