/**
 * `npm run bench [-- --quick] [-- --json]`: the speed of sgdlab against its references.
 *
 * 1. the full simulator (N = 10^4, one core) against the same step in C, compiled here with `cc -O3`;
 * 2. the dimension-free sampler at N = 10^3, 10^6, 10^9;
 * 3. ensemble throughput on two workers against one;
 * 4. time to first result of the CLI;
 * 5. the cubic map phase scan and large-step GD (issue 3);
 * 6. the SDE engine on the stochastic modified flow of a finite sum (issue 6);
 * 7. the two-layer network on Gaussian mixtures, full and dimension-free (issue 7);
 * 8. SGD chains of diagonal linear networks, depth 1 and 2, against C (issue 4);
 * 9. the DMFT solver (logistic, T = 100, S = 10^4) and the GLM simulation (issue 5);
 * 10. the WebAssembly kernels against the TS reference, C (-O3 and -march=native) and numpy (issue 14).
 * 11. the committee machine: ODE Euler steps, full simulation against C and numpy, dimension-free flat in d;
 * 12. sweeps: two workers against one, and the local engine against the same runs as one ensemble;
 * 13. the lab in the browser (Playwright on Debian's chromium): first theory curve, workers against Node.
 *
 * Speed is measured here and never asserted in tests (DESIGN.md, "Performance rules"). Each section
 * keeps the best of a few rounds, since the machine may be shared; the load average is printed with it.
 */
import { availableParallelism, loadavg } from "node:os";
import { balanceSection } from "./balance.js";
import { committeeSection } from "./committee.js";
import { cubicMapSection } from "./cubic-map.js";
import { dimensionFreeSection } from "./dimension-free.js";
import { dmftSection } from "./dmft.js";
import { firstResultSection } from "./first-result.js";
import { fullSimulatorSection } from "./full-simulator.js";
import { gmmSection } from "./gmm.js";
import { kernelsSection } from "./kernels.js";
import { machineInfo, machineLines } from "./machine.js";
import { type BenchOptions, parseOptions } from "./options.js";
import { formatTable, noteSection, type Section } from "./report.js";
import { sdeSection } from "./sde.js";
import { sweepSection } from "./sweep.js";
import { webSection } from "./web.js";
import { workersSection } from "./workers.js";

/** A section to run: id and title (for a failure row) and how to run it. */
interface Bench {
  id: string;
  title: string;
  run(options: BenchOptions): Section | Promise<Section>;
}

const benches: Bench[] = [
  { id: "full", title: "1. Full simulator", run: (o) => fullSimulatorSection(o.timing) },
  { id: "dimensionFree", title: "2. Dimension-free sampler", run: (o) => dimensionFreeSection(o.timing) },
  { id: "workers", title: "3. Two workers vs one", run: workersSection },
  { id: "firstResult", title: "4. Time to first result", run: (o) => firstResultSection(o.rounds) },
  { id: "cubicMap", title: "5. Cubic map and large-step GD", run: (o) => cubicMapSection(o.timing) },
  { id: "sde", title: "6. SDE engine (SMF, Euler–Maruyama)", run: (o) => sdeSection(o.timing) },
  { id: "gmm", title: "7. Two-layer network on Gaussian mixtures", run: (o) => gmmSection(o.timing) },
  { id: "balance", title: "8. Diagonal linear network SGD chains", run: (o) => balanceSection(o.timing) },
  { id: "dmft", title: "9. DMFT solver and GLM simulation", run: (o) => dmftSection(o.timing) },
  { id: "kernels", title: "10. WebAssembly kernels", run: (o) => kernelsSection(o.timing) },
  { id: "committee", title: "11. Committee machine", run: (o) => committeeSection(o.timing) },
  { id: "sweep", title: "12. Sweeps: 2 workers vs 1; local engine vs one ensemble", run: sweepSection },
  { id: "web", title: "13. The lab in the browser", run: webSection },
];

/**
 * Run every section in turn; a section that throws becomes a row with its error, and the rest go on.
 * Each title gets the 1-minute load average after the section: above the core count, other jobs were
 * competing for the cores (section 3 in particular cannot then reach its target).
 */
async function runAll(options: BenchOptions): Promise<Section[]> {
  const sections: Section[] = [];
  for (const bench of benches.filter((b) => options.only === null || options.only.includes(b.id))) {
    if (!options.json) process.stderr.write(`running ${bench.title} ...\n`);
    const t0 = performance.now();
    try {
      const section = await bench.run(options);
      const load = loadavg()[0];
      Object.assign(section.results, { seconds: (performance.now() - t0) / 1000, loadAfter: load });
      sections.push({
        ...section,
        title: `${section.title}  [load ${load.toFixed(2)} on ${availableParallelism()} cores]`,
      });
    } catch (e) {
      sections.push(noteSection(bench.id, bench.title, `failed: ${(e as Error).message}`));
    }
  }
  return sections;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machine = await machineInfo();
  const sections = await runAll(options);
  const loadEnd = loadavg();
  if (options.json) {
    const results = Object.fromEntries(sections.map((s) => [s.id, s.results]));
    process.stdout.write(
      `${JSON.stringify({ machine: { ...machine, loadEnd }, quick: options.quick, results }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${formatTable(machineLines(machine, loadEnd), sections)}\n`);
  }
}

await main();
