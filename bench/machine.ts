import { execFileSync } from "node:child_process";
import { availableParallelism, cpus, loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

/** What the numbers were measured on. */
export interface MachineInfo {
  cpu: string;
  /** Cores available to this process (`nproc`). */
  cores: number;
  node: string;
  /** First line of `cc --version`, or null when there is no C compiler. */
  cc: string | null;
  /** 1, 5 and 15 minute load averages when the bench started (other jobs make the numbers noisy). */
  loadStart: number[];
  /** Cores kept busy by other jobs just before the bench (see {@link busyCores}). */
  busyStart: number;
}

/** Idle and total CPU time (ms) summed over all cores, from `os.cpus()`. */
function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

/**
 * Cores kept busy by other processes: sampled over `ms` milliseconds while this process sleeps, as
 * (cores) x (1 - idle fraction). Near 0 on a quiet machine; near the core count when tests are running.
 *
 * @example if ((await busyCores()) > 0.5) console.warn("numbers will be noisy")
 */
export async function busyCores(ms = 300): Promise<number> {
  const a = cpuTimes();
  await sleep(ms);
  const b = cpuTimes();
  const total = b.total - a.total;
  return total > 0 ? cpus().length * (1 - (b.idle - a.idle) / total) : 0;
}

/** The C compiler's version line, or null when `cc` cannot be run. */
export function ccVersion(): string | null {
  try {
    return execFileSync("cc", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split(
      "\n",
    )[0];
  } catch {
    return null;
  }
}

/** CPU model, core count, Node and compiler versions, and the current load. */
export async function machineInfo(): Promise<MachineInfo> {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: availableParallelism(),
    node: process.version,
    cc: ccVersion(),
    loadStart: loadavg(),
    busyStart: await busyCores(),
  };
}

/** The load averages, formatted "1.23 0.98 0.51". */
export function formatLoad(load: readonly number[]): string {
  return load.map((l) => l.toFixed(2)).join(" ");
}

/** Header lines of the table. */
export function machineLines(info: MachineInfo, loadEnd: readonly number[]): string[] {
  return [
    `cpu:   ${info.cpu} (${info.cores} cores available)`,
    `node:  ${info.node}`,
    `cc:    ${info.cc ?? "not found: the C reference is unavailable"}`,
    `load:  ${formatLoad(info.loadStart)} at start, ${formatLoad(loadEnd)} at end (1/5/15 min; nproc ${info.cores})`,
    `busy:  ${info.busyStart.toFixed(2)} of ${info.cores} cores used by other jobs at start (rates are best of rounds)`,
  ];
}
