import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cubicPhase } from "../src/models/cubic-map/phase.js";
import { archOf } from "../src/models/large-step-gd/arch.js";
import { initialWeights, makeData } from "../src/models/large-step-gd/data.js";
import { fullModel } from "../src/models/large-step-gd/model.js";
import { SpanGd } from "../src/models/large-step-gd/span-gd.js";
import {
  type LargeStepGdSpec,
  phaseRetrievalSpec,
  quadraticNetworkSpec,
} from "../src/models/large-step-gd/spec.js";
import { parameterGrid } from "../src/theory/maps/orbit-diagram.js";
import { bestRate, type Timing } from "./measure.js";
import { num, type Row, type Section, verdict } from "./report.js";

const grid = parameterGrid(0.005, 2.2, 0.005);
const scanOptions = { transient: 2000, keep: 256 };

/** Best scans/s of the C reference (bare iteration and Lyapunov sum, no period detection), or why none. */
function cReference(): { rate: number; note: string } | { rate: null; note: string } {
  const source = fileURLToPath(new URL("./c/cubic-scan.c", import.meta.url));
  const dir = fileURLToPath(new URL("./.build/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync("cc", ["-O3", "-o", `${dir}cubic-scan`, source, "-lm"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    const out = execFileSync(`${dir}cubic-scan`, ["440", "0.005", "0.005", "2000", "256", "3"], {
      encoding: "utf8",
    });
    return { rate: (JSON.parse(out) as { scansPerSecond: number }).scansPerSecond, note: "C -O3 bare loop" };
  } catch (e) {
    return { rate: null, note: `no C reference: ${(e as Error).message.split("\n")[0]}` };
  }
}

/** GD steps/s on the sample-space stepper (what runs use) and on the parameter-space reference. */
function gdRates(spec: LargeStepGdSpec, timing: Timing): { span: number; full: number } {
  const data = makeData(spec);
  const arch = archOf(spec);
  const gd = new SpanGd(data, arch, initialWeights(spec));
  const f = new Float64Array(data.n);
  const lr = spec.optimizer.lr;
  const span = bestRate((n) => {
    for (let l = 0; l < n; l++) {
      gd.evaluate(f);
      gd.step(lr);
    }
  }, timing).cpu;
  const model = fullModel(data, arch);
  const U = initialWeights(spec);
  const grad = new Float64Array(model.dim);
  const full = bestRate((n) => {
    for (let l = 0; l < n; l++) {
      model.gradient(U, grad, f);
      for (let k = 0; k < U.length; k++) U[k] -= lr * grad[k];
    }
  }, timing).cpu;
  return { span, full };
}

/**
 * Cubic map and large-step GD: the 440-point phase scan (2000 transient + 256 kept iterations per point,
 * period detection and Lyapunov exponent; target well under a second, compared with a bare C loop), and
 * GD steps/s at d = 100, n = 80 (target >= 10^4) for phase retrieval and the width-50 network, orthonormal
 * and Gaussian data, next to GD on the parameters (O(n d width) per step).
 *
 * @example await cubicMapSection({ roundSeconds: 0.25, rounds: 3 })
 */
export async function cubicMapSection(timing: Timing): Promise<Section> {
  const scans = bestRate((n) => {
    for (let k = 0; k < n; k++) for (const r of grid) cubicPhase(r, 0.001, scanOptions);
  }, timing).cpu;
  const ref = cReference();
  const rows: Row[] = [
    {
      label: "phase scan, 440 r × 2256 iterations",
      value: `${num(1 / scans)} s`,
      note: `target < 1 s: ${verdict(1 / scans, 1, false)}; ${ref.note}${ref.rate ? ` ${num(1 / ref.rate)} s, JS/C time ${num(ref.rate / scans)}` : ""}`,
    },
  ];
  const results: Section["results"] = {
    phaseScanSeconds: 1 / scans,
    cScanSeconds: ref.rate ? 1 / ref.rate : null,
  };
  const model = (name: string, data: string) =>
    name === "phase-retrieval"
      ? phaseRetrievalSpec.parse({ model: { name, d: 100, n: 80, data }, optimizer: { lr: 10 } })
      : quadraticNetworkSpec.parse({
          model: { name, d: 100, n: 80, width: 50, outer: 0.1414, data },
          optimizer: { lr: 20 },
        });
  for (const name of ["phase-retrieval", "quadratic-network"])
    for (const data of ["orthogonal", "gaussian"]) {
      const rate = gdRates(model(name, data), timing);
      rows.push({
        label: `GD ${name}, ${data}, d = 100, n = 80`,
        value: `${num(rate.span)} steps/s`,
        note: `target >= 1e4: ${verdict(rate.span, 1e4, true)}; parameter-space GD ${num(rate.full)} steps/s (x${num(rate.span / rate.full)})`,
      });
      results[`gdStepsPerSecond.${name}.${data}`] = rate.span;
    }
  return { id: "cubicMap", title: "Cubic map and large-step GD", rows, results };
}
