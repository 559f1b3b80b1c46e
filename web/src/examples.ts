import { parseSpecText } from "./spec-editor.js";

/** An example spec shipped in examples/ (the files `test/examples.test.ts` runs). */
export interface ExampleSpec {
  file: string;
  spec: Record<string, unknown>;
}

const files = import.meta.glob<string>("../../examples/*.{json,yaml}", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Every example, by file name. */
export const allExamples: ExampleSpec[] = Object.entries(files)
  .map(([path, text]) => ({
    file: path.split("/").at(-1) ?? path,
    spec: parseSpecText(text) as Record<string, unknown>,
  }))
  .sort((a, b) => a.file.localeCompare(b.file));

/** The examples of one experiment (`model.name`), by file name. */
export function exampleSpecs(experiment: string): ExampleSpec[] {
  return allExamples.filter((ex) => (ex.spec.model as { name?: unknown } | undefined)?.name === experiment);
}
