// Mutation testing of the engines (`npm run mutation`, not in CI; docs/testing.md records the score).
// Mutants of src/core and src/theory are run against the unit tests that mirror those folders
// (vitest.mutation.config.ts); a narrower run: npm run mutation -- --mutate src/theory/ode/rk4.ts
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  mutate: [
    "src/core/**/*.ts",
    "src/theory/**/*.ts",
    "!src/**/index.ts",
    "!src/**/types.ts",
    "!src/**/messages.ts",
  ],
  coverageAnalysis: "perTest",
  checkers: [],
  concurrency: 2,
  timeoutMS: 30000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "out/mutation/index.html" },
  jsonReporter: { fileName: "out/mutation/mutation.json" },
  tempDirName: "scratch/stryker-tmp",
  ignorePatterns: ["dist", "out", "scratch", ".sgdlab", "bench/.build", "web/dist"],
  cleanTempDir: true,
};
