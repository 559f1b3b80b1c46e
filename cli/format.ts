import { verdictLabel } from "../src/experiment/power.js";
import type { ExperimentRecord } from "../src/experiment/record.js";
import type { RunSummary } from "../src/node/store.js";

/** Gaps and times to 5 significant digits; scalars (boundaries, fixed points) to 10, trailing zeros dropped. */
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(5));
const fmtScalar = (x: number) => String(Number(x.toPrecision(10)));

/** A few lines for a terminal: status, scalars, agreement, timing and the files written. */
export function formatSummary(record: ExperimentRecord, written: string[]): string {
  const lines = [
    `status: ${record.status}${record.messages.length ? ` (${record.messages.join("; ")})` : ""}`,
  ];
  const scalars = Object.entries(record.scalars).map(([k, v]) => `${k} = ${fmtScalar(v)}`);
  if (scalars.length) lines.push(`scalars: ${scalars.join(", ")}`);
  for (const [stat, byTheory] of Object.entries(record.agreement)) {
    for (const [theory, a] of Object.entries(byTheory)) {
      const mark = verdictLabel(a);
      const scale = a.scale === undefined ? "" : ` of scale ${fmt(a.scale)}`;
      const power = a.detectable === undefined ? "" : `, detectable ${fmt(a.detectable)}${scale}`;
      lines.push(
        `  ${stat} vs ${theory}: ${mark}, max gap ${fmt(a.maxAbs)} at t = ${fmt(a.at)} (tolerance ${fmt(a.tolerance)}${power}), gap at end ${fmt(a.final)}`,
      );
    }
  }
  lines.push(
    `time: ${Object.entries(record.timing)
      .map(([k, v]) => `${k} ${v.toFixed(2)} s`)
      .join(", ")}`,
  );
  if (written.length) lines.push(`wrote: ${written.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

export interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  default?: unknown;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchemaNode[];
  items?: JsonSchemaNode;
}

/** One line per spec field: dotted path, type, default and description. */
export function formatParameters(schema: JsonSchemaNode, prefix = ""): string {
  const lines: string[] = [];
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    if (key === "$schema") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const type = node.const !== undefined ? JSON.stringify(node.const) : typeOf(node);
    const dflt = node.default !== undefined ? ` = ${JSON.stringify(node.default)}` : "";
    lines.push(`  ${path}: ${type}${dflt}${node.description ? `  — ${node.description}` : ""}`);
    if (node.properties) lines.push(formatParameters(node, path));
  }
  return lines.join("\n");
}

function typeOf(node: JsonSchemaNode): string {
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (node.anyOf) return node.anyOf.map(typeOf).join(" | ");
  if (node.items) return `list of ${typeOf(node.items)}`;
  if (node.properties) return `{ ${Object.keys(node.properties).join(", ")} }`;
  return Array.isArray(node.type) ? node.type.join(" | ") : (node.type ?? "any");
}

/** A table of past runs. */
export function formatRuns(runs: RunSummary[]): string {
  if (runs.length === 0) return "no runs yet (sgdlab run <spec> records one)\n";
  const rows = runs.map((r) => [
    r.id,
    r.startedAt.replace("T", " ").slice(0, 19),
    r.experiment,
    r.status,
    r.seconds === null ? "-" : `${r.seconds.toFixed(1)} s`,
    r.specHash,
    r.label,
  ]);
  const header = ["id", "started", "experiment", "status", "time", "spec hash", "analysis / title"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  return `${[header, ...rows].map((row) => row.map((c, i) => c.padEnd(widths[i])).join("  ")).join("\n")}\n`;
}
