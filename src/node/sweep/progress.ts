import { SingleBar } from "cli-progress";
import type { SweepProgress } from "./run-sweep.js";

/**
 * A progress bar for sweeps on stderr (a terminal only): points done of the total, how many came from the
 * store and how many failed, and the ETA (cli-progress's, from the rate of points computed so far).
 *
 * @example const bar = sweepProgressBar(); await runSweep(plan, { ..., onProgress: bar.update }); bar.stop()
 */
export function sweepProgressBar(): { update(p: SweepProgress): void; stop(): void } {
  let bar: SingleBar | undefined;
  return {
    update(p) {
      if (!bar && process.stderr.isTTY) {
        bar = new SingleBar({
          format:
            " sweep [{bar}] {value}/{total} points | {cached} cached | {failed} failed | {duration_formatted} | eta {eta_formatted}",
          stream: process.stderr,
          hideCursor: true,
          etaBuffer: 20,
        });
        bar.start(p.total, p.done, { cached: p.cached, failed: p.failed });
      }
      bar?.update(p.done, { cached: p.cached, failed: p.failed });
    },
    stop() {
      bar?.stop();
    },
  };
}
