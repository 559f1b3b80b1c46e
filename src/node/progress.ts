import { SingleBar } from "cli-progress";
import type { Progress } from "../experiment/experiment.js";

/**
 * A progress bar on stderr that appears only once a computation has run for `delaySeconds` (short runs
 * stay quiet). On a terminal it is a live bar; elsewhere (a pipe, a log file) it is one line per phase
 * when that phase completes, e.g. `simulation: 8/8 runs` (the theory phase reports 1/1 when it ends).
 *
 * @example const bar = delayedProgressBar(); await runExperiment(spec, { onProgress: bar.update }); bar.stop()
 */
export function delayedProgressBar(delaySeconds = 1): { update(p: Progress): void; stop(): void } {
  const start = performance.now();
  let bar: SingleBar | undefined;
  return {
    update(p) {
      const late = performance.now() - start > delaySeconds * 1000;
      if (!process.stderr.isTTY) {
        if (late && p.done === p.total) process.stderr.write(`${p.phase}: ${p.done}/${p.total} runs\n`);
        return;
      }
      if (!bar && late) {
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
