import { Rng } from "../src/core/rng.js";
import { glmStepper } from "../src/models/glm/simulate-run.js";
import { glmSpec } from "../src/models/glm/spec.js";
import { dmftProblemOf } from "../src/models/glm/theory.js";
import { dmftMemoryBytes } from "../src/theory/dmft/problem.js";
import { solveDmft } from "../src/theory/dmft/solve-dmft.js";
import { bestRate, type Timing } from "./measure.js";
import { type NumpyResult, runNumpy } from "./numpy-reference.js";
import { num, type Row, type Section, verdict } from "./report.js";

/** Live numpy references, or the reason there is none (a visible note in the table). */
function numpyNote<T>(res: { ok: true; value: T } | { ok: false; reason: string }, show: (v: T) => string) {
  return res.ok ? show(res.value) : res.reason;
}

const logistic = (steps: number, samples: number, d: number) =>
  glmSpec.parse({
    model: { name: "glm", loss: "logistic", teacher: "sign", alpha: 2, ridge: 0.1 },
    optimizer: { name: "sgd", lr: 0.5, batchFraction: 0.3 },
    steps,
    dmft: { samples, seeds: 1 },
    simulation: { d, runs: 1 },
  });

/**
 * The glm DMFT (issue 5): one pathwise solve of logistic SGD, b = 0.3, T = 100, S = 10^4 (CPU time, its
 * allocation estimate and the process's resident memory after it) against the same forward pass in numpy
 * (bench/numpy/dmft.py, timed live: one OpenBLAS thread, and the default threads),
 * the Stein option at T = 200, S = 2·10^4 (must fit in a few hundred MB),
 * and the finite-d simulation at d = 1000, alpha = 2 in SGD steps/s against numpy.
 *
 * @example await dmftSection({ roundSeconds: 0.25, rounds: 3 })
 */
export async function dmftSection(timing: Timing): Promise<Section> {
  const rows: Row[] = [];
  const spec = logistic(100, 10_000, 1000);
  const c0 = process.cpuUsage();
  solveDmft(dmftProblemOf(spec), Rng.fromSeed(1));
  const cpu = process.cpuUsage(c0);
  const seconds = (cpu.user + cpu.system) / 1e6;
  const rss = process.memoryUsage().rss;
  const np1 = runNumpy<NumpyDmft>("dmft.py", ["100", "10000"], "1");
  const npDefault = runNumpy<NumpyDmft>("dmft.py", ["100", "10000"], "default");
  const ratio = np1.ok ? np1.value.seconds / seconds : null;
  rows.push({
    label: "DMFT logistic, b 0.3, T 100, S 1e4, pathwise",
    value: `${num(seconds)} s`,
    note: `CPU seconds; allocates ${num(dmftMemoryBytes(10_000, 100) / 2 ** 20)} MiB, rss ${num(rss / 2 ** 20)} MiB`,
  });
  rows.push({
    label: "  numpy (bench/numpy/dmft.py), 1 thread",
    value: np1.ok ? `${num(np1.value.seconds)} s` : "",
    note: numpyNote(
      np1,
      (v) =>
        `speed JS/numpy ${num(ratio)} ${verdict(ratio, 1, true)}; m(T) ${num(v.m)}, q(T) ${num(v.q)}; ${v.core}`,
    ),
  });
  rows.push({
    label: "  numpy, default threads",
    value: npDefault.ok ? `${num(npDefault.value.seconds)} s` : "",
    note: numpyNote(npDefault, (v) => `CPU seconds over ${v.threads} thread(s)`),
  });
  const stein = logistic(200, 20_000, 1000);
  const t1 = performance.now();
  solveDmft({ ...dmftProblemOf(stein), response: "stein" }, Rng.fromSeed(1));
  const steinSeconds = (performance.now() - t1) / 1000;
  const steinBytes = dmftMemoryBytes(20_000, 200, "stein");
  rows.push({
    label: "DMFT logistic, b 0.3, T 200, S 2e4, Stein",
    value: `${num(steinSeconds)} s`,
    note: `allocates ${num(steinBytes / 2 ** 20)} MiB ${verdict(steinBytes, 500 * 2 ** 20, false)}; no numpy run (its pathwise solve needs S T^2/2 float32 = 1.6 GB)`,
  });
  const rng = Rng.fromSeed(2);
  const stepper = glmStepper(logistic(1, 100, 1000), rng);
  const js = bestRate((n) => {
    for (let k = 0; k < n; k++) stepper.advance(rng, k);
  }, timing).cpu;
  const np = runNumpy<NumpyResult>("steps.py", ["glm-full", String(timing.roundSeconds)], "1");
  rows.push({
    label: "glm simulation, d 1000, alpha 2, SGD step",
    value: `${num(js)} steps/s`,
    note: numpyNote(
      np,
      (v) => `numpy 1 thread ${num(v.stepsPerSecond)} steps/s, JS/numpy ${num(js / v.stepsPerSecond)}`,
    ),
  });
  return {
    id: "dmft",
    title: "DMFT for GLMs: forward pass and simulation (CPU time; numpy with OPENBLAS_NUM_THREADS=1)",
    rows,
    results: {
      dmftSeconds: seconds,
      dmftRssBytes: rss,
      numpyDmftSeconds: np1.ok ? np1.value.seconds : null,
      numpyDefaultDmftSeconds: npDefault.ok ? npDefault.value.seconds : null,
      simulationStepsPerSecond: js,
      numpyStepsPerSecond: np.ok ? np.value.stepsPerSecond : null,
    },
  };
}

/** What bench/numpy/dmft.py prints. */
interface NumpyDmft {
  seconds: number;
  m: number;
  q: number;
  core: string;
  threads: number | null;
}
