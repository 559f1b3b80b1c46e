import { defineConfig } from "vitest/config";

/** The tests Stryker runs against mutants of src/core and src/theory (stryker.config.mjs). */
export default defineConfig({
  test: {
    include: ["test/core/**/*.test.ts", "test/theory/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
