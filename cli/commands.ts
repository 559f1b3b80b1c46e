import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { experimentNames, experiments, figureIds, figures } from "../src/catalogue/index.js";
import { SpecError } from "../src/core/errors.js";
import { messages } from "../src/core/messages.js";
import type { ExperimentRecord } from "../src/experiment/record.js";
import { executeSpec } from "../src/node/execute.js";
import { recordJson, writeCombinedFigure, writeOutputs } from "../src/node/outputs.js";
import { defaultWorkers } from "../src/node/pool.js";
import { readSpecFile } from "../src/node/read-spec.js";
import { RunStore } from "../src/node/store.js";
import { formatParameters, formatRuns, formatSummary, type JsonSchemaNode } from "./format.js";

interface RunOptions {
  json?: boolean;
  out?: string;
  workers?: number;
  quiet?: boolean;
  db: string;
  store: boolean;
}

function executeOptions(o: RunOptions) {
  return { workers: o.workers ?? defaultWorkers(), quiet: Boolean(o.quiet), db: o.store ? o.db : null };
}

/** `sgdlab run <spec>` */
export async function runCommand(file: string, o: RunOptions): Promise<void> {
  const record = await executeSpec(readSpecFile(file), executeOptions(o));
  const written = o.out ? writeOutputs(o.out, record) : [];
  report(record, written, o);
}

/** `sgdlab reproduce <figure-id>` */
export async function reproduceCommand(id: string, o: Omit<RunOptions, "json">): Promise<void> {
  const figure = figures[id];
  if (!figure) throw new SpecError("figure-id", id, messages.unknownFigure(figureIds()));
  if (!o.quiet) process.stderr.write(`${id}: ${figure.description}\n  (${figure.source})\n`);
  const dir = o.out ?? join("out", id);
  const records: ExperimentRecord[] = [];
  for (const panel of figure.panels) {
    const record = await executeSpec(panel.spec, executeOptions(o));
    records.push(record);
    report(record, writeOutputs(join(dir, panel.label), record), o);
  }
  if (records.length > 1) {
    const written = writeCombinedFigure(dir, records);
    if (!o.quiet) process.stdout.write(`figure of all panels: ${written.join(", ")}\n`);
  }
}

function report(record: ExperimentRecord, written: string[], o: { json?: boolean; quiet?: boolean }): void {
  if (o.json) process.stdout.write(`${recordJson(record)}\n`);
  if (o.quiet) return;
  const text = formatSummary(record, written);
  (o.json ? process.stderr : process.stdout).write(text);
}

/** `sgdlab list` */
export function listCommand(): void {
  for (const name of experimentNames()) {
    const e = experiments[name];
    const schema = z.toJSONSchema(e.schema, { io: "input", unrepresentable: "any" });
    process.stdout.write(`${name}: ${e.description}\n${formatParameters(schema as JsonSchemaNode)}\n`);
  }
  process.stdout.write(`figures (sgdlab reproduce <id>): ${figureIds().join(", ")}\n`);
}

/** `sgdlab schema <model>` */
export function schemaCommand(name: string): void {
  const e = experiments[name];
  if (!e) throw new SpecError("model", name, messages.unknownModel(experimentNames()));
  const schema = z.toJSONSchema(e.schema, { io: "input", unrepresentable: "any" });
  process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
}

/** `sgdlab runs` */
export async function runsCommand(o: { limit: number; db: string }): Promise<void> {
  if (!existsSync(o.db)) {
    process.stdout.write(formatRuns([]));
    return;
  }
  const store = await RunStore.open(o.db);
  try {
    process.stdout.write(formatRuns(await store.list({ limit: o.limit })));
  } finally {
    await store.close();
  }
}

/** `sgdlab show <id>` */
export async function showCommand(id: string, o: { db: string }): Promise<void> {
  if (!existsSync(o.db)) throw new SpecError("--db", o.db, messages.noDatabase);
  const store = await RunStore.open(o.db);
  try {
    const record = await store.get(id);
    if (record) {
      process.stdout.write(`${recordJson(record)}\n`);
      return;
    }
    // A run that did not finish has no record: show what the database knows about it.
    const summary = await store.summary(id);
    if (!summary)
      throw new SpecError("id", id, `the id (or a unique prefix) of a run in ${o.db}: see sgdlab runs`);
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    await store.close();
  }
}
