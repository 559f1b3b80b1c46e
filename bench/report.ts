/**
 * Results of the benchmark sections and their presentation: an aligned text table, or one JSON document.
 */

/** One line of the table: what was measured, the number, and what it is compared against. */
export interface Row {
  label: string;
  value: string;
  /** Reference, ratio or target, e.g. "target >= 0.6". */
  note: string;
}

/** Scalar results of a section, for `--json`. */
export type Results = Record<string, number | string | boolean | null>;

/** A benchmark section: its title, its table rows and its raw results. */
export interface Section {
  id: string;
  title: string;
  rows: Row[];
  results: Results;
}

/** Numbers with four significant digits, in exponent form when large or small: 26723 -> "2.672e+4". */
export function num(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return "n/a";
  return Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-2) ? x.toExponential(3) : x.toPrecision(4);
}

/** "ok" or "MISSED" for a measured value against a target (`atLeast`: higher is better). */
export function verdict(value: number | null, target: number, atLeast: boolean): string {
  if (value === null) return "";
  return (atLeast ? value >= target : value < target) ? "ok" : "MISSED";
}

/** A section made of a single explanatory row (a skipped or failed section). */
export function noteSection(id: string, title: string, message: string): Section {
  return { id, title, rows: [{ label: message, value: "", note: "" }], results: { skipped: message } };
}

/**
 * The aligned text table of all sections, preceded by the machine lines.
 *
 * @example console.log(formatTable(["cpu: ..."], sections))
 */
export function formatTable(header: readonly string[], sections: readonly Section[]): string {
  const rows = sections.flatMap((s) => s.rows);
  const w1 = Math.max(...rows.map((r) => r.label.length), 10);
  const w2 = Math.max(...rows.map((r) => r.value.length), 8);
  const lines = [...header, ""];
  for (const section of sections) {
    lines.push(section.title, "-".repeat(section.title.length));
    for (const r of section.rows) {
      lines.push(`  ${r.label.padEnd(w1)}  ${r.value.padStart(w2)}  ${r.note}`.trimEnd());
    }
    lines.push("");
  }
  return lines.join("\n");
}
