#!/usr/bin/env node
import { Command, InvalidArgumentError } from "commander";
import { figureIds } from "../src/catalogue/index.js";
import { SpecError } from "../src/core/errors.js";
import { version } from "../src/experiment/version.js";
import { InterruptedError } from "../src/node/execute.js";
import { AmbiguousRunIdError, StoreLockedError } from "../src/node/store.js";
import {
  listCommand,
  reproduceCommand,
  runCommand,
  runsCommand,
  schemaCommand,
  showCommand,
} from "./commands.js";
import { registerServeCommand } from "./serve.js";
import { registerSweepCommands, sweepFigures, withSweepFigures, withSweeps } from "./sweep.js";

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return n;
}

const program = new Command()
  .name("sgdlab")
  .description("High-dimensional dynamics of SGD: simulation next to theory, measured.")
  .version(version)
  .showHelpAfterError()
  .exitOverride();

const dbOption = ["--db <path>", "run database (DuckDB file)", ".sgdlab/runs.duckdb"] as const;

/** The options shared by the commands that run experiments. */
function withRunOptions(command: Command): Command {
  return command
    .option("--workers <n>", "worker threads (default: all cores)", positiveInt)
    .option("--quiet", "no progress bar and no summary")
    .option(...dbOption)
    .option("--no-store", "do not record the run in the database");
}

withRunOptions(
  program
    .command("run")
    .description("run an experiment from a JSON or YAML spec")
    .argument("<spec>", "spec file (.json, .yaml)")
    .option("--json", "print exactly the record (one JSON document) on stdout")
    .option("--out <dir>", "write record.json, figure.svg, figure.png and report.html into <dir>"),
).action(runCommand);

program.command("list").description("list experiments, their parameters and defaults").action(listCommand);

withRunOptions(
  program
    .command("reproduce")
    .description(`reproduce a paper figure: ${[...figureIds(), ...Object.keys(sweepFigures())].join(", ")}`)
    .argument("<figure-id>", "figure id, e.g. bgj-fig1")
    .option("--out <dir>", "output folder (default: out/<figure-id>)"),
).action(withSweepFigures(reproduceCommand));

program
  .command("runs")
  .description("list past runs, newest first")
  .option("--limit <n>", "how many", positiveInt, 20)
  .option(...dbOption)
  .action(runsCommand);

program
  .command("show")
  .description("print the record of a past run, or a sweep's document (JSON)")
  .argument("<id>", "run or sweep id, or a unique prefix")
  .option(...dbOption)
  .action(withSweeps(showCommand));

registerSweepCommands(program, { positiveInt, dbOption });
registerServeCommand(program, dbOption);

program
  .command("schema")
  .description("print the JSON Schema of an experiment's spec")
  .argument("<model>", "experiment name, e.g. spiked-tensor")
  .action(schemaCommand);

try {
  await program.parseAsync();
} catch (e) {
  process.exitCode = exitCodeOf(e);
}

function exitCodeOf(e: unknown): number {
  const err = e as { code?: string; exitCode?: number; message?: string };
  if (err.code?.startsWith("commander.")) {
    return err.exitCode === 0 ? 0 : 2;
  }
  if (e instanceof SpecError || e instanceof AmbiguousRunIdError) {
    process.stderr.write(`sgdlab: ${e.message}\n`);
    return 2;
  }
  if (e instanceof StoreLockedError) {
    process.stderr.write(`sgdlab: ${e.message}\n`);
    return 1;
  }
  if (e instanceof InterruptedError) {
    process.stderr.write(`sgdlab: ${e.message}\n`);
    return 130;
  }
  process.stderr.write(`sgdlab: internal error: ${err.message ?? String(e)}\n`);
  if (process.env.SGDLAB_DEBUG) console.error(e);
  return 1;
}
