import { execFileSync } from "node:child_process";
import { availableParallelism, cpus, loadavg } from "node:os";

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
export function machineInfo(): MachineInfo {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: availableParallelism(),
    node: process.version,
    cc: ccVersion(),
    loadStart: loadavg(),
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
  ];
}
