import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one fork fewer than the cores: on the 2-core CI machine, one file at a time
    // (measured: 485 s). Two forks there overlap the files that wait on child processes, services and
    // browsers with those that compute (measured: 350 s); more cores keep vitest's default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
