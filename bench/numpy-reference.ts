import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("./numpy/", import.meta.url));

/** What a numpy reference printed: its rate (per CPU second) and the OpenBLAS core and threads it used. */
export interface NumpyResult {
  stepsPerSecond: number;
  core: string;
  threads: number | null;
}

/** "1": OPENBLAS_NUM_THREADS=1 (the comparison of record); "default": the environment's thread count. */
export type NumpyThreads = "1" | "default";

/**
 * The environment of one numpy run: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed (a machine-wide core
 * override would hide what numpy does on this CPU), OPENBLAS_NUM_THREADS=1 when pinned. For that child
 * process only: the bench's own environment, the tests' and CI's are left alone.
 */
export function numpyEnv(threads: NumpyThreads): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  env.PYTHONDONTWRITEBYTECODE = "1";
  if (threads === "1") env.OPENBLAS_NUM_THREADS = "1";
  return env;
}

/**
 * Run `bench/numpy/<script>` with `args` under {@link numpyEnv} and parse its one-line JSON answer; null
 * with the reason when python3 or numpy is missing (the table then says so).
 *
 * @example runNumpy("steps.py", ["glm", "0.5"], "1") // { stepsPerSecond: 3.8e3, core: "SkylakeX", threads: 1 }
 */
export function runNumpy<T = NumpyResult>(
  script: string,
  args: readonly string[],
  threads: NumpyThreads,
): { ok: true; value: T } | { ok: false; reason: string } {
  try {
    const out = execFileSync("python3", [`${dir}${script}`, ...args], {
      encoding: "utf8",
      env: numpyEnv(threads),
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { ok: true, value: JSON.parse(out) as T };
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === "ENOENT") return { ok: false, reason: "python3 not found" };
    const last = (err.stderr ?? err.message).trim().split("\n").pop();
    return { ok: false, reason: `numpy reference failed: ${last}` };
  }
}
