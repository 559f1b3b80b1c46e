import { SingleBar } from "cli-progress";
import type { Progress } from "../experiment/experiment.js";

/**
 * A progress bar on stderr that appears only once a computation has run for `delaySeconds` (short runs
 * stay quiet) and only on a terminal.
 *
 * @example const bar = delayedProgressBar(); await runExperiment(spec, { onProgress: bar.update }); bar.stop()
 */
export function delayedProgressBar(delaySeconds = 1): { update(p: Progress): void; stop(): void } {
  const start = performance.now();
  let bar: SingleBar | undefined;
  return {
    update(p) {
      if (!bar && performance.now() - start > delaySeconds * 1000 && process.stderr.isTTY) {
        bar = new SingleBar({
          format:
            " {phase} [{bar}] {value}/{total} runs | {duration_formatted} elapsed | eta {eta_formatted}",
          stream: process.stderr,
          hideCursor: true,
        });
        bar.start(p.total, p.done, { phase: p.phase });
      }
      bar?.update(p.done, { phase: p.phase });
    },
    stop() {
      bar?.stop();
    },
  };
}
