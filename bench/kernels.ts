/**
 * Section 10: the WebAssembly kernels against every reference, side by side in one run (issue 14).
 *
 * For each kernel (GLM mini-batch step, two-layer per-sample step, spiked full step, quadratic-network GD)
 * the columns are the simulator's real step with the TS reference kernels ("JS reference") and with the
 * wasm kernels, the same step in C built on the spot twice (`cc -O3`, and `-O3 -march=native`: AVX-512 and
 * FMA here), and numpy with OPENBLAS_NUM_THREADS=1 (and with the default threads), OPENBLAS_CORETYPE and
 * OPENBLAS_L2_SIZE unset for it (where a case has such references). Rounds alternate between the columns,
 * so a burst of load from other jobs hits all of them; each column's number is the median of its rounds,
 * in steps per CPU second of the process that ran it. Cases that draw normals also get the measured share
 * of the JS ziggurat in the wasm step; a missed target says by how much (docs/performance.md says why).
 */
import { execFileSync } from "node:child_process";
import { Rng } from "../src/core/rng.js";
import { buildC, type CBuild, cFlagSets, zigguratTables } from "./c-build.js";
import { type KernelCase, kernelCases, withBackend } from "./kernel-cases.js";
import type { Timing } from "./measure.js";
import { type NumpyResult, runNumpy } from "./numpy-reference.js";
import { num, type Results, type Row, type Section } from "./report.js";

const columns = ["JS reference", "wasm", "C -O3", "C native", "numpy 1 thread", "numpy default"] as const;
type Column = (typeof columns)[number];

/** Steps per CPU second of one call `work(n)`. */
function cpuRate(work: (n: number) => void, n: number): number {
  const c0 = process.cpuUsage();
  work(n);
  const c = process.cpuUsage(c0);
  return n / ((c.user + c.system) / 1e6);
}

/** Steps that last about `seconds` (doubling from 1; also the warm-up). */
function calibrate(work: (n: number) => void, seconds: number): number {
  for (let n = 1; ; n *= 2) {
    const t0 = performance.now();
    work(n);
    const elapsed = (performance.now() - t0) / 1000;
    if (elapsed >= seconds / 4) return Math.max(1, Math.round((n * seconds) / elapsed));
  }
}

/** The C program's arguments for one round of `steps` steps (bench/c/*.c usage lines). */
function cArgs(kase: KernelCase, steps: number): string[] {
  const state = Rng.fromSeed(5).state().s;
  const c = kase.c!;
  const args =
    c.program === "full-step" ? [...c.args.slice(0, 1), steps, 1, ...c.args.slice(1)] : [...c.args, steps, 1];
  return [zigguratTables(), ...args, ...state].map(String);
}

/** The median of a list (NaN when empty). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

interface CaseResult {
  rates: Record<Column, number>;
  /** Median CPU nanoseconds of the JS ziggurat per normal (cases that draw normals). */
  nsPerNormal: number;
  numpy: NumpyResult | null;
  notes: string[];
}

type Samples = Record<Column | "normals", number[]>;

/** One round of each C build (sized like the wasm round), into `samples`; failures become notes. */
function cRound(kase: KernelCase, builds: CBuild[], steps: number, samples: Samples, notes: Set<string>) {
  builds.forEach((b, i) => {
    if (!b.ok) {
      notes.add(`${cFlagSets[i].name}: ${b.reason}`);
      return;
    }
    try {
      const out = JSON.parse(execFileSync(b.binary, cArgs(kase, steps), { encoding: "utf8" }));
      samples[cFlagSets[i].name].push(out.steps.cpu);
    } catch (e) {
      notes.add(`${cFlagSets[i].name} failed: ${(e as Error).message.split("\n")[0]}`);
    }
  });
}

/** One round of numpy with one thread and with the default threads; the pinned run's BLAS report. */
function numpyRound(name: string, seconds: number, samples: Samples, notes: Set<string>): NumpyResult | null {
  let pinned: NumpyResult | null = null;
  for (const [threads, column] of [
    ["1", "numpy 1 thread"],
    ["default", "numpy default"],
  ] as const) {
    const res = runNumpy("steps.py", [name, String(seconds)], threads);
    if (!res.ok) {
      notes.add(res.reason);
      continue;
    }
    samples[column].push(res.value.stepsPerSecond);
    if (threads === "1") pinned = res.value;
  }
  return pinned;
}

/** CPU nanoseconds per normal of `rng.fillNormal` into a buffer of `count` (the simulators' sampler). */
function normalsRound(count: number): number {
  const z = new Float64Array(count);
  const rng = Rng.fromSeed(7);
  const fills = Math.max(1, Math.round(2e6 / count));
  return (
    1e9 /
    (count *
      cpuRate((n) => {
        for (let l = 0; l < n; l++) rng.fillNormal(z);
      }, fills))
  );
}

/** All columns of one kernel, `rounds` alternating rounds of about `roundSeconds` each; medians. */
function measureCase(kase: KernelCase, timing: Timing): CaseResult {
  const builds = kase.c ? cFlagSets.map((set) => buildC(kase.c!.program, set.flags)) : [];
  const js = withBackend("ts", () => kase.build());
  const wasm = withBackend("wasm", () => kase.build());
  const nJs = calibrate(js, timing.roundSeconds);
  const nWasm = calibrate(wasm, timing.roundSeconds);
  const samples = Object.fromEntries([...columns, "normals"].map((c) => [c, []])) as unknown as Samples;
  const notes = new Set<string>();
  let numpy: NumpyResult | null = null;
  for (let r = 0; r < timing.rounds; r++) {
    samples["JS reference"].push(cpuRate(js, nJs));
    samples.wasm.push(cpuRate(wasm, nWasm));
    cRound(kase, builds, 2 * nWasm, samples, notes);
    if (kase.numpy) numpy = numpyRound(kase.numpy, timing.roundSeconds, samples, notes) ?? numpy;
    if (kase.normalsPerStep) samples.normals.push(normalsRound(kase.normalsPerStep));
  }
  const rates = Object.fromEntries(columns.map((c) => [c, median(samples[c])])) as Record<Column, number>;
  return { rates, nsPerNormal: median(samples.normals), numpy, notes: [...notes] };
}

const cell = (x: string) => x.padStart(14);
const rate = (x: number) => cell(Number.isFinite(x) ? `${num(x)}/s` : "n/a");
const ratio = (x: number) => cell(Number.isFinite(x) ? `${x.toFixed(3)}x` : "n/a");

/** "ok", or "MISSED by 62%" (how far below the target). */
function verdictOf(value: number, target: number): string {
  if (!Number.isFinite(value)) return "no reference";
  return value >= target ? "ok" : `MISSED by ${((1 - value / target) * 100).toFixed(0)}%`;
}

/** A row of steps/s, a row of wasm's ratio to each column, the target verdicts and the normals' share. */
function caseRows(kase: KernelCase, res: CaseResult): Row[] {
  const w = res.rates.wasm;
  const rows: Row[] = [
    { label: kase.label, value: "steps/s", note: columns.map((c) => rate(res.rates[c])).join(" ") },
    { label: "  wasm / column", value: "", note: columns.map((c) => ratio(w / res.rates[c])).join(" ") },
  ];
  for (const [column, target] of kase.targets) {
    const value = column === "steps/s" ? w : w / res.rates[column as Column];
    const label =
      column === "steps/s"
        ? `  target wasm >= ${num(target)} steps/s`
        : `  target wasm >= ${target} x ${column}`;
    rows.push({ label, value: Number.isFinite(value) ? num(value) : "n/a", note: verdictOf(value, target) });
  }
  if (kase.normalsPerStep && Number.isFinite(res.nsPerNormal)) {
    const share = (kase.normalsPerStep * res.nsPerNormal * 1e-9 * w * 100).toFixed(0);
    rows.push({
      label: "  of which normals (JS ziggurat)",
      value: `${share}%`,
      note: `${kase.normalsPerStep} normals a step at ${res.nsPerNormal.toFixed(2)} ns each (same stream in every column but numpy's)`,
    });
  }
  for (const note of res.notes) rows.push({ label: "  note", value: "", note });
  return rows;
}

/**
 * Section 10: the kernel table (steps per CPU second, medians of alternating rounds) and the ratios.
 *
 * @example console.log(kernelsSection({ roundSeconds: 0.25, rounds: 3 }).rows)
 */
export function kernelsSection(timing: Timing): Section {
  const rounds = Math.max(3, timing.rounds);
  const rows: Row[] = [{ label: "kernel", value: "", note: columns.map((c) => c.padStart(14)).join(" ") }];
  const results: Results = {};
  let blas = "numpy unavailable";
  for (const kase of kernelCases) {
    const res = measureCase(kase, { ...timing, rounds });
    rows.push(...caseRows(kase, res));
    for (const c of columns) results[`${kase.id}:${c}`] = Number.isFinite(res.rates[c]) ? res.rates[c] : null;
    results[`${kase.id}:nsPerNormal`] = Number.isFinite(res.nsPerNormal) ? res.nsPerNormal : null;
    if (res.numpy)
      blas = `numpy 1 thread used OpenBLAS core ${res.numpy.core}, ${res.numpy.threads} thread(s); OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for it`;
  }
  rows.push({ label: "numpy", value: "", note: blas });
  results.numpyBlas = blas;
  return {
    id: "kernels",
    title: `10. WebAssembly kernels vs JS, C and numpy (steps per CPU second, median of ${rounds} alternating rounds)`,
    rows,
    results,
  };
}
