import { execFileSync } from "node:child_process";
import { Rng } from "../src/core/rng.js";
import { glmStepper } from "../src/models/glm/simulate-run.js";
import { glmSpec } from "../src/models/glm/spec.js";
import { dmftProblemOf } from "../src/models/glm/theory.js";
import { dmftMemoryBytes } from "../src/theory/dmft/problem.js";
import { solveDmft } from "../src/theory/dmft/solve-dmft.js";
import { bestRate, type Timing } from "./measure.js";
import { num, type Row, type Section, verdict } from "./report.js";

/** The numpy reference of science/02 §3: T = 100, S = 10^4, logistic, b = 0.3, pathwise (2 cores). */
const numpyDmftSeconds = 11;

/** The same GD/SGD step at d = 1000, alpha = 2 in numpy (X @ w, X.T @ coef): best steps/s. */
const numpySource = `
import numpy as np, time, json
rng = np.random.default_rng(1)
d, n = 1000, 2000
X = rng.standard_normal((n, d)); w = rng.standard_normal(d); y = np.sign(X @ w)
best = 0
for r in range(3):
    t0 = time.perf_counter(); k = 0
    while time.perf_counter() - t0 < 0.5:
        H = X @ w / np.sqrt(d)
        sel = rng.random(n) < 0.3
        g = np.where(sel, -y / (1 + np.exp(y * H)) / 0.3, 0.0)
        w -= 0.5 * (0.1 * w + X.T @ g / np.sqrt(d)); k += 1
    best = max(best, k / (time.perf_counter() - t0))
print(json.dumps({"stepsPerSecond": best}))
`;

function numpyRate(): { rate: number | null; note: string } {
  try {
    const out = execFileSync("python3", ["-c", numpySource], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return { rate: (JSON.parse(out) as { stepsPerSecond: number }).stepsPerSecond, note: "numpy" };
  } catch (e) {
    return { rate: null, note: `no numpy reference: ${(e as Error).message.split("\n")[0]}` };
  }
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
 * The glm DMFT (issue 5): one pathwise solve of logistic SGD, b = 0.3, T = 100, S = 10^4 (wall time, its
 * allocation estimate and the process's resident memory after it) against the numpy reference (11 s),
 * the Stein option at T = 200, S = 2·10^4 (must fit in a few hundred MB),
 * and the finite-d simulation at d = 1000, alpha = 2 in SGD steps/s against numpy.
 *
 * @example await dmftSection({ roundSeconds: 0.25, rounds: 3 })
 */
export async function dmftSection(timing: Timing): Promise<Section> {
  const rows: Row[] = [];
  const spec = logistic(100, 10_000, 1000);
  const t0 = performance.now();
  solveDmft(dmftProblemOf(spec), Rng.fromSeed(1));
  const seconds = (performance.now() - t0) / 1000;
  const rss = process.memoryUsage().rss;
  rows.push({
    label: "DMFT logistic, b 0.3, T 100, S 1e4, pathwise",
    value: `${num(seconds)} s`,
    note: `numpy ${numpyDmftSeconds} s, speed-up ${num(numpyDmftSeconds / seconds)} ${verdict(seconds, numpyDmftSeconds, false)}; allocates ${num(dmftMemoryBytes(10_000, 100) / 2 ** 20)} MiB, rss ${num(rss / 2 ** 20)} MiB`,
  });
  const stein = logistic(200, 20_000, 1000);
  const t1 = performance.now();
  solveDmft({ ...dmftProblemOf(stein), response: "stein" }, Rng.fromSeed(1));
  const steinSeconds = (performance.now() - t1) / 1000;
  const steinBytes = dmftMemoryBytes(20_000, 200, "stein");
  rows.push({
    label: "DMFT logistic, b 0.3, T 200, S 2e4, Stein",
    value: `${num(steinSeconds)} s`,
    note: `numpy (pathwise) 70 s and 3.2 GB; allocates ${num(steinBytes / 2 ** 20)} MiB ${verdict(steinBytes, 500 * 2 ** 20, false)}`,
  });
  const rng = Rng.fromSeed(2);
  const stepper = glmStepper(logistic(1, 100, 1000), rng);
  const js = bestRate((n) => {
    for (let k = 0; k < n; k++) stepper.advance(rng, k);
  }, timing).cpu;
  const np = numpyRate();
  rows.push({
    label: "glm simulation, d 1000, alpha 2, SGD step",
    value: `${num(js)} steps/s`,
    note: np.rate ? `${np.note} ${num(np.rate)} steps/s, JS/numpy ${num(js / np.rate)}` : np.note,
  });
  return {
    id: "dmft",
    title: "DMFT for GLMs: forward pass and simulation",
    rows,
    results: {
      dmftSeconds: seconds,
      dmftRssBytes: rss,
      simulationStepsPerSecond: js,
      numpyStepsPerSecond: np.rate,
    },
  };
}
