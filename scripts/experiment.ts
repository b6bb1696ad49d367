// npm run experiment -- <preset…|--all> [options]: trains presets in Node and writes one JSON record per run.
// See --help (scripts/experiment/args.ts) and the README's "Experiment records".
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import {loadRunRecord} from "../data/results.js";
import {loadFashionSplits} from "../data/source.js";
import {ConfigError} from "../src/engine/options.js";
import {PRESETS} from "../src/engine/presets.js";
import {parseArgs, USAGE, UsageError, type ExperimentArgs} from "./experiment/args.js";
import {checkRecord} from "./experiment/check.js";
import {runGrid} from "./experiment/grid.js";
import {runChildren} from "./experiment/children.js";
import {formatDuration, lineReporter, terminalReporter, type Reporter} from "./experiment/progress.js";
import {
  planRuns,
  runExperiment,
  writeAtomically,
  type ExperimentRecord,
  type RunPlan
} from "./experiment/run-one.js";

const fail = (message: string, code = 2): never => {
  process.stderr.write(`experiment: ${message}\n`);
  process.exit(code);
};

/** Creates the output folder and proves it writable before any run starts. */
function checkWritable(out: string): void {
  try {
    mkdirSync(out, {recursive: true});
    const probe = join(out, `.write-test-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (error) {
    fail(`cannot write to --out ${out}: ${(error as Error).message}`);
  }
}

const engineVersion = (): string =>
  (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {version: string})
    .version;

export function summary(record: {
  test: {accuracy: number} | null;
  experiment: {wallTimeMs: number; status: string};
}) {
  const accuracy = record.test
    ? `test accuracy ${record.test.accuracy.toFixed(4)}`
    : record.experiment.status;
  return `${accuracy} in ${formatDuration(record.experiment.wallTimeMs)}`;
}

/** Runs `plans` one after another in this process. Returns how many did not finish. */
async function runHere(
  plans: RunPlan[],
  args: ExperimentArgs,
  reporter: Reporter,
  child: boolean
): Promise<number> {
  await tf.setBackend(args.backend);
  await tf.ready();
  const splits = loadFashionSplits({log: child ? () => {} : (text) => reporter.note(text.trimEnd())});
  const data = {train: splits.train, test: splits.test};
  const meta = {
    backend: `${args.backend} (Node)`,
    source: splits.source.name,
    engineVersion: engineVersion()
  };
  const cancelled: {signal: boolean; onCancel?: () => void} = {signal: false};
  process.on("SIGINT", () => {
    cancelled.signal = true;
    cancelled.onCancel?.();
  });
  let unfinished = 0;
  for (const plan of plans) {
    const name = plan.preset.name;
    if (cancelled.signal) {
      reporter.end(name, "not started (interrupted)");
      unfinished++;
      continue;
    }
    try {
      const record = await runExperiment(plan, data, meta, (p) => reporter.progress(name, p), cancelled);
      if (!record) {
        reporter.end(name, "cancelled, nothing written");
        unfinished++;
        continue;
      }
      writeAtomically(plan.file, JSON.stringify(record));
      reporter.end(name, `${summary(record)} → ${plan.file}`);
    } catch (error) {
      reporter.end(name, `failed: ${(error as Error).message}`);
      unfinished++;
    }
  }
  return cancelled.signal ? -1 : unfinished;
}

async function main(): Promise<void> {
  let args: ExperimentArgs;
  try {
    const parsed = parseArgs(process.argv.slice(2));
    if (parsed.kind === "help") return void process.stdout.write(`${USAGE}\n`);
    if (parsed.kind === "list") {
      const width = Math.max(...PRESETS.map((p) => p.name.length));
      for (const p of PRESETS)
        process.stdout.write(`${p.name.padEnd(width)}  ${p.title}: ${p.description}\n`);
      return;
    }
    args = parsed.args;
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }
  if (args.check) return void (await checkRuns(args));
  if (args.grid) return void (await gridRuns(args));
  let plans: RunPlan[];
  try {
    plans = planRuns(args);
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  checkWritable(args.out);
  const reporter = args.child
    ? childReporter()
    : process.stderr.isTTY
      ? terminalReporter(
          plans.map((p) => p.preset.name),
          process.stderr
        )
      : lineReporter(process.stderr);
  const todo = plans.filter((plan) => {
    if (!args.skipExisting || !existsSync(plan.file)) return true;
    reporter.end(plan.preset.name, `skipped: ${plan.file} exists`);
    return false;
  });
  const unfinished =
    args.jobs > 1 && todo.length > 1 && !args.child
      ? await runChildren(todo, args, reporter)
      : await runHere(todo, args, reporter, args.child);
  if (unfinished < 0) fail("interrupted; finished runs are kept, unfinished ones wrote nothing", 130);
  if (unfinished > 0) fail(`${unfinished} of ${todo.length} runs did not finish`, 1);
}

/** --check: every committed run in --out (of the named presets, or all) must reproduce its start. */
async function checkRuns(args: ExperimentArgs): Promise<void> {
  let files: string[];
  try {
    files = readdirSync(args.out).filter((file) => file.endsWith(".json"));
  } catch (error) {
    return fail(`cannot read --out ${args.out}: ${(error as Error).message}`);
  }
  if (args.presets.length > 0) files = files.filter((file) => args.presets.includes(file.split("_s")[0]!));
  if (files.length === 0) return fail(`no run records to check in ${args.out}`);
  await tf.setBackend(args.backend);
  await tf.ready();
  const splits = loadFashionSplits({log: () => {}});
  const data = {train: splits.train, test: splits.test};
  let differing = 0;
  for (const file of files.sort()) {
    const record = loadRunRecord(JSON.parse(readFileSync(join(args.out, file), "utf8"))) as ExperimentRecord;
    const recorded = record.createdWith.backend;
    const note = recorded.startsWith(args.backend)
      ? ""
      : ` (recorded on ${recorded}, checked on ${args.backend})`;
    const {compared, difference} = await checkRecord(record, data, args.checkSteps ?? Infinity);
    if (difference) differing++;
    const verdict = difference ? `DIFFERS at ${difference}` : `ok: ${compared} snapshots reproduced`;
    process.stderr.write(`[${file}] ${verdict}${note}\n`);
  }
  if (differing > 0)
    fail(`${differing} of ${files.length} runs no longer reproduce their committed numbers`, 1);
}

/** --grid: the trainability grid, one cell after another in this process. */
async function gridRuns(args: ExperimentArgs): Promise<void> {
  await tf.setBackend(args.backend);
  await tf.ready();
  const splits = loadFashionSplits({log: (text) => process.stderr.write(text)});
  const cancelled: {signal: boolean; onCancel?: () => void} = {signal: false};
  process.on("SIGINT", () => {
    cancelled.signal = true;
    cancelled.onCancel?.();
  });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let failed: number;
  try {
    const data = {train: splits.train, test: splits.test};
    failed = await runGrid(args, data, `${args.backend} (Node)`, log, cancelled);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (failed < 0) fail("interrupted; the finished cells are kept (--skip-existing resumes)", 130);
  if (failed > 0) fail(`${failed} cells failed`, 1);
}

/** In a child of --jobs, progress goes to the parent as JSON lines on stdout. */
function childReporter(): Reporter {
  const send = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
  return {
    progress: (name, progress) => send({type: "progress", name, progress}),
    end: (name, text) => send({type: "end", name, text}),
    note: (text) => send({type: "note", text})
  };
}

await main();
